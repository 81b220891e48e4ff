import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DURATION_LIMITS, durationTypeOptions } from './durationLimits';

export type CompletionMode = 'wait' | 'callback' | 'submit';

/** Fields every async operation shares: how the job is finished and what comes out. */
export const completionProperties: INodeProperties[] = [
	{
		displayName: 'Completion',
		name: 'completion',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Wait for Completion (Poll)',
				value: 'wait',
				description: 'Submit every item, then poll all jobs together until they finish (within the rate limit)',
			},
			{
				name: 'Wait for Callback',
				value: 'callback',
				description:
					'Submit with this execution as the webhook, pause the execution (no polling, no busy worker) and resume when MusicAPI reports back',
			},
			{
				name: 'Submit Only',
				value: 'submit',
				description: 'Return the task ID at once; finish later with Get Task or a MusicAPI Trigger',
			},
		],
		default: 'wait',
		description: 'How to finish the job. Applies to all items of one run.',
	},
	{
		displayName: 'Send Result to Webhook URL',
		name: 'webhookUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://your-n8n.example.com/webhook/…/musicapi',
		displayOptions: { show: { completion: ['submit'] } },
		description:
			'Optional. MusicAPI sends the finished job to this address, signed with the credential\'s webhook secret. Paste the Production URL of a MusicAPI Trigger node to continue in another workflow.',
	},
	{
		displayName: 'Result Options',
		name: 'resultOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { completion: ['wait', 'callback'] } },
		// Alphabetical by display name, as n8n lists a collection's options.
		options: [
			{
				displayName: 'Audio Format',
				name: 'audioFormat',
				type: 'options',
				options: [
					{ name: 'MP3 (or M4A) As Delivered', value: 'mp3' },
					{ name: 'WAV (Lossless)', value: 'wav' },
				],
				default: 'mp3',
				description:
					'WAV asks MusicAPI for a lossless file (Sonic: the WAV endpoint, 1–2 credits per clip; Producer: the clip\'s WAV file)',
			},
			{
				displayName: 'Download Audio',
				name: 'downloadAudio',
				type: 'boolean',
				default: true,
				description:
					'Whether to attach each clip\'s audio as a file. When the node runs as an AI tool it returns URLs unless this is set explicitly.',
			},
			{
				displayName: 'Download Cover Image',
				name: 'downloadImage',
				type: 'boolean',
				default: false,
				description: 'Whether to also attach the cover image, in a field named like the audio\'s plus "Image" (e.g. dataImage)',
			},
			{
				displayName: 'Include Raw Response',
				name: 'includeRaw',
				type: 'boolean',
				default: false,
				description: 'Whether to add the clip exactly as MusicAPI sent it, under "raw"',
			},
			{
				displayName: DURATION_LIMITS.pollInterval.label,
				name: 'pollInterval',
				type: 'number',
				typeOptions: durationTypeOptions(DURATION_LIMITS.pollInterval),
				default: 15,
				description: 'How often each job is checked. MusicAPI recommends 15–25 s; all jobs share the rate limit.',
			},
			{
				displayName: 'Put Output File in Field',
				name: 'binaryProperty',
				type: 'string',
				default: 'data',
				hint: 'The name of the output binary field to put the audio file in',
			},
			{
				displayName: DURATION_LIMITS.waitTimeout.label,
				name: 'timeout',
				type: 'number',
				typeOptions: durationTypeOptions(DURATION_LIMITS.waitTimeout),
				default: 20,
				description:
					'Give up waiting after this long. The error lists every task ID still running so nothing paid for is lost; finish them with Get Task.',
			},
		],
	},
];

export interface ResultOptions {
	audioFormat: 'mp3' | 'wav';
	binaryProperty: string;
	downloadAudio: boolean;
	downloadImage: boolean;
	includeRaw: boolean;
	pollIntervalMs: number;
	timeoutMs: number;
}

export function readResultOptions(fn: IExecuteFunctions): ResultOptions {
	// An AI agent wants URLs it can pass on, not megabytes of audio, unless the user asked for files.
	return readResultOptionsWith((name, fallback) => fn.getNodeParameter(name, 0, fallback as never), isToolRun(fn));
}

/**
 * Whether the node runs as an AI agent's tool. n8n 2.x runs a tool called by the Agent (v3) through the engine in
 * an ordinary execute context, whose isToolExecution() is always false; the tool variant of a node is the type
 * n8n derives from it, named `…Tool` (e.g. n8n-nodes-musicapi.musicApiTool), so the type name tells.
 */
export function isToolRun(fn: Pick<IExecuteFunctions, 'getNode'> & { isToolExecution?: () => boolean }): boolean {
	return (fn.isToolExecution?.() ?? false) || /Tool$/.test(fn.getNode().type);
}

/** Reads the options through any getter: an execution reads per item, a webhook call has no items. */
export function readResultOptionsWith(
	getParameter: (name: string, fallback: unknown) => unknown,
	isTool: boolean,
): ResultOptions {
	const given = getParameter('resultOptions', {}) as Partial<{
		audioFormat: 'mp3' | 'wav';
		binaryProperty: string;
		downloadAudio: boolean;
		downloadImage: boolean;
		includeRaw: boolean;
		pollInterval: number;
		timeout: number;
	}>;
	return {
		audioFormat: given.audioFormat ?? 'mp3',
		binaryProperty: given.binaryProperty || 'data',
		downloadAudio: given.downloadAudio ?? !isTool,
		downloadImage: given.downloadImage ?? false,
		includeRaw: given.includeRaw ?? false,
		pollIntervalMs: (given.pollInterval ?? 15) * 1000,
		timeoutMs: (given.timeout ?? 20) * 60_000,
	};
}

export function readCompletionMode(fn: IExecuteFunctions): CompletionMode {
	return fn.getNodeParameter('completion', 0, 'wait') as CompletionMode;
}
