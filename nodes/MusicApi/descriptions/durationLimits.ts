/**
 * The node-wide durations a user sets, with the range the editor enforces (typeOptions) and the run checks again
 * before anything is sent (router.ts checkNumberOptions: an expression or an imported workflow bypasses the editor). The highest values keep one workflow from holding the
 * API key's shared request queue for long, and every wait they feed under what a timer holds (2^31−1 ms).
 */
export interface DurationLimit {
	/** As the panel shows it. */
	label: string;
	/** Where the field sits, for the remedy. */
	collection: 'Request Options' | 'Result Options';
	min: number;
	max: number;
	/** Why the maximum is what it is, in the user's terms. */
	why: string;
}

const SHARED_QUEUE = 'every execution on the API key waits in one queue, so a longer setting would hold them all';

export const DURATION_LIMITS = {
	interval: { label: 'Seconds Between Requests', collection: 'Request Options', min: 0, max: 60, why: SHARED_QUEUE },
	rateLimitWait: {
		label: 'Max Wait on Rate Limit (Seconds)',
		collection: 'Request Options',
		min: 0,
		max: 3600,
		why: 'a rate limit that lasts longer than an hour is not one to wait out',
	},
	requestTimeout: {
		label: 'Request Timeout (Seconds)',
		collection: 'Request Options',
		min: 1,
		max: 3600,
		why: 'an unanswered request holds a place in the API key’s queue meanwhile',
	},
	retryDelay: {
		label: 'Retry Delay (Milliseconds)',
		collection: 'Request Options',
		min: 0,
		max: 60_000,
		why: 'the delay doubles at each retry, up to 60 s',
	},
	pollInterval: {
		label: 'Poll Interval (Seconds)',
		collection: 'Result Options',
		min: 0,
		max: 3600,
		why: 'jobs finish in minutes; a longer interval only delays the result',
	},
	waitTimeout: {
		label: 'Timeout (Minutes)',
		collection: 'Result Options',
		min: 0,
		max: 1440,
		why: 'MusicAPI ends a job long before a day has passed',
	},
} as const satisfies Record<string, DurationLimit>;

/** The editor's side of a limit: n8n shows and enforces these bounds in the number field. */
export function durationTypeOptions(limit: DurationLimit, extra: { numberPrecision?: number } = {}) {
	return { minValue: limit.min, maxValue: limit.max, ...extra };
}

/** Why a field's range is what it is, for the error that refuses a value outside it. */
export function durationReason(label: string): string | undefined {
	return Object.values(DURATION_LIMITS).find((limit: DurationLimit) => limit.label === label)?.why;
}
