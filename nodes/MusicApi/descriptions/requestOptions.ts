import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { batchSubmitOption } from './batchSubmit';
import { DURATION_LIMITS, durationTypeOptions } from './durationLimits';
import type { RequestSettings } from '../../shared/transport/MusicApiClient';

/** Node-wide request behaviour; defaults suit MusicAPI's standard plan. */
export const requestOptionsProperty: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		batchSubmitOption,
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10 },
			default: 3,
			description:
				'Retries for server errors and network failures. A 429 (rate limit) is waited out instead and never counted here. A create is only repeated when it certainly did not start a job.',
		},
		{
			displayName: DURATION_LIMITS.rateLimitWait.label,
			name: 'rateLimitWait',
			type: 'number',
			typeOptions: durationTypeOptions(DURATION_LIMITS.rateLimitWait),
			default: 600,
			description:
				'How long a request keeps trying while MusicAPI answers 429 (too many requests) before the node fails. A refused request created nothing and cost nothing. While waiting for results, the Timeout of the Result Options applies instead.',
		},
		{
			displayName: DURATION_LIMITS.requestTimeout.label,
			name: 'timeout',
			type: 'number',
			typeOptions: durationTypeOptions(DURATION_LIMITS.requestTimeout),
			default: 60,
			description: 'How long to wait for one answer',
		},
		{
			displayName: DURATION_LIMITS.retryDelay.label,
			name: 'retryDelay',
			type: 'number',
			typeOptions: durationTypeOptions(DURATION_LIMITS.retryDelay),
			default: 1000,
			description: 'First wait before a retry; it doubles each time. A Retry-After from MusicAPI takes precedence.',
		},
		{
			displayName: DURATION_LIMITS.interval.label,
			name: 'interval',
			type: 'number',
			typeOptions: durationTypeOptions(DURATION_LIMITS.interval, { numberPrecision: 2 }),
			default: 3,
			description:
				'Minimum gap between two requests on this API key, shared by every execution of this n8n process that uses the key (MusicAPI counts per key). The standard plan allows 1 request per 3 s; lower it only if your plan allows more. 0 turns spacing off; at most 60.',
		},
	],
};

export function readRequestSettings(fn: IExecuteFunctions): Partial<RequestSettings> {
	return readRequestSettingsWith((name, fallback) => fn.getNodeParameter(name, 0, fallback as never));
}

export function readRequestSettingsWith(getParameter: (name: string, fallback: unknown) => unknown): Partial<RequestSettings> {
	const given = getParameter('requestOptions', {}) as Partial<{
		maxRetries: number;
		timeout: number;
		retryDelay: number;
		interval: number;
		rateLimitWait: number;
	}>;
	return {
		maxRetries: given.maxRetries,
		timeoutMs: given.timeout !== undefined ? given.timeout * 1000 : undefined,
		retryDelayMs: given.retryDelay,
		intervalMs: given.interval !== undefined ? given.interval * 1000 : undefined,
		rateLimitWaitMs: given.rateLimitWait !== undefined ? given.rateLimitWait * 1000 : undefined,
	};
}
