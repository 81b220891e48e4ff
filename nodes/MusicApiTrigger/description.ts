import type { INodeProperties, IWebhookDescription } from 'n8n-workflow';

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

export type TriggerEvent = 'completed' | 'failed' | 'streaming';
export type TriggerPlatform = 'sonic' | 'producer' | 'nuro';
export type OutputMode = 'clip' | 'delivery';

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'MusicAPI has no webhook registration: put this node\'s Production URL into the webhook URL of your MusicAPI jobs (the MusicAPI node\'s "Submit Only" mode has a field for it). Deliveries are verified with the Webhook Secret of the credential. MusicAPI signs with a platform default secret when a job is created without one, so set a secret in the credential and send it with your jobs: without a secret every delivery is refused (401).',
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
				description: 'The song is finished (song.completed)',
			},
			{
				name: 'Failed',
				value: 'failed',
				description: 'The job failed (song.failed); the item carries the reason',
			},
			{
				name: 'Streaming',
				value: 'streaming',
				description: 'Early preview while the clips are still rendering (song.streaming); not the final audio',
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
	},
	{
		displayName: 'Download Audio',
		name: 'downloadAudio',
		type: 'boolean',
		default: false,
		description:
			"Whether to attach each finished clip's audio as a file. MusicAPI gets its answer first; a failed download leaves the URL and a downloadError field in the item.",
	},
	{
		displayName: 'Binary Property',
		name: 'binaryProperty',
		type: 'string',
		default: 'data',
		displayOptions: { show: { downloadAudio: [true] } },
		description:
			'Name of the binary property that receives the audio file. With one item per delivery, each clip gets its own, e.g. data_0, data_1.',
	},
	{
		displayName: 'Accept Unsigned Deliveries (Testing Only)',
		name: 'acceptUnsigned',
		type: 'boolean',
		default: false,
		description:
			'Whether to run the workflow for deliveries without a signature, or when no secret is configured. A signature that is present is still checked.',
	},
	{
		displayName:
			'For testing only: anyone who knows this URL can start the workflow with made-up results. Turn this off before real use.',
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
			{
				displayName: 'Webhook Secret',
				name: 'webhookSecret',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description:
					"Overrides the credential's webhook secret, e.g. for jobs created outside n8n with another secret. Leave empty to use the credential's.",
			},
		],
	},
];
