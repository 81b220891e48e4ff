import type { INodeProperties, IWebhookDescription, TriggerPanelDefinition } from 'n8n-workflow';

/**
 * The trigger's one endpoint. `isFullPath: false` keeps n8n's per-node prefix, so the production URL is
 * `<WEBHOOK_URL>/webhook/<the node's webhookId>/musicapi` and two triggers never collide.
 */
export const MUSICAPI_TRIGGER_WEBHOOK: IWebhookDescription = {
	name: 'default',
	httpMethod: 'POST',
	responseMode: 'onReceived',
	path: 'musicapi',
	isFullPath: false,
};

/**
 * The panel's help, in the words of n8n's Webhook node: the Test URL while building (deliveries show in the
 * editor), the Production URL once published. MusicAPI has no webhook registration, so it says where the URL goes.
 */
export const TRIGGER_PANEL: TriggerPanelDefinition = {
	header: 'Waiting for MusicAPI to report a job',
	executionsHelp: {
		inactive:
			"MusicAPI calls the URL a job was sent with (MusicAPI node → Completion: Submit Only → Send Result to Webhook URL). <br /><br /><b>While building your workflow</b>, click the listen button, then start a job with this node's <b>Test URL</b>. The delivery shows up in this editor.<br /><br /><b>Once you're happy with your workflow</b>, publish it and send your jobs with the <b>Production URL</b>. These executions show up in the <a data-key='executions'>executions list</a>, but not in the editor.",
		active:
			"MusicAPI calls the URL a job was sent with (MusicAPI node → Completion: Submit Only → Send Result to Webhook URL). <br /><br /><b>While building your workflow</b>, click the listen button, then start a job with this node's <b>Test URL</b>. The delivery shows up in this editor.<br /><br /><b>Your workflow is published</b>: jobs sent with the <b>Production URL</b> start it automatically. These executions show up in the <a data-key='executions'>executions list</a>, but not in the editor.",
	},
	activationHint:
		"Once you've finished building your workflow, send your jobs with the Production URL: they start it without this button.",
};

export type TriggerEvent = 'completed' | 'failed' | 'streaming';
export type TriggerPlatform = 'sonic' | 'producer' | 'nuro';
export type OutputMode = 'clip' | 'delivery';

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'MusicAPI calls the address a job was sent with: paste this node\'s Test URL (while building) or Production URL (once published) into Send Result to Webhook URL of the MusicAPI node (Completion: Submit Only). Set a Webhook Secret in the credential: MusicAPI otherwise signs with a platform default secret, and such deliveries are refused.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: [
			{
				name: 'Completed',
				value: 'completed',
				description: 'The song is finished',
			},
			{
				name: 'Failed',
				value: 'failed',
				description: 'The job failed; the item carries the reason',
			},
			{
				name: 'Streaming',
				value: 'streaming',
				description: 'Early preview while the clips are still rendering; not the final audio',
			},
		],
		default: ['completed', 'failed'],
		required: true,
		description: 'Deliveries of other events are acknowledged without starting the workflow',
	},
	{
		displayName: 'Platforms',
		name: 'platforms',
		type: 'multiOptions',
		options: [
			{
				name: 'Nuro',
				value: 'nuro',
			},
			{
				name: 'Producer',
				value: 'producer',
			},
			{
				name: 'Sonic',
				value: 'sonic',
				description: 'Also delivered under its old name, suno',
			},
		],
		default: ['nuro', 'producer', 'sonic'],
		required: true,
		description: 'Deliveries from other platforms are acknowledged without starting the workflow',
	},
	{
		displayName: 'Output',
		name: 'outputMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'One Item per Clip',
				value: 'clip',
				description: 'Each song of the delivery becomes its own item',
			},
			{
				name: 'One Item per Delivery',
				value: 'delivery',
				description: 'One item with the task and a list of its clips',
			},
		],
		default: 'clip',
		description: 'How a delivery becomes items',
	},
	{
		displayName: 'Download Audio',
		name: 'downloadAudio',
		type: 'boolean',
		// On, as in the MusicAPI node (Result Options → Download Audio): a finished song arrives as a file.
		default: true,
		description:
			"Whether to attach each finished clip's audio as a file. MusicAPI gets its answer first; a failed download leaves the URL and a downloadError field in the item.",
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryProperty',
		type: 'string',
		default: 'data',
		displayOptions: { show: { downloadAudio: [true] } },
		hint: 'The name of the output binary field to put the audio file in',
		description: 'With one item per delivery, each clip gets its own field, e.g. data_0, data_1',
	},
	{
		displayName: 'Accept Unsigned Deliveries on the Test URL',
		name: 'acceptUnsigned',
		type: 'boolean',
		default: false,
		description:
			"Whether the Test URL (while the editor listens) takes deliveries without a signature, or without a secret in the credential. The Production URL always requires a valid signature. A signature that is present is still checked.",
	},
	{
		displayName:
			'Risk: on the Test URL, anyone who knows it can start this workflow with made-up results (any task ID, any song URLs). Unsigned deliveries never download audio, so they cannot make n8n fetch an address they choose. The Production URL ignores this option.',
		name: 'acceptUnsignedNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { acceptUnsigned: [true] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Raw Data',
				name: 'includeRaw',
				type: 'boolean',
				default: false,
				description: 'Whether to add the delivery\'s original clip object to each clip as "raw"',
			},
		],
	},
];
