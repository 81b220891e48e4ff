import type { FakeOptions } from './types';

/**
 * Credits per operation: the mid-2026 musicapi.ai column of contract §7, except a Sonic song (create_music), which
 * costs what musicapi.ai charges since autumn 2026 (20) — the price the node quotes, so a run's cost hint and the
 * balance agree. Where that column is empty the value comes from the nearest era or, marked "guess", from a similar
 * operation, so every billable call costs something.
 */
export const DEFAULT_COSTS: Readonly<Record<string, number>> = Object.freeze({
	'sonic/create:create_music': 20,
	'sonic/create:extend_music': 15,
	'sonic/create:cover_music': 15,
	'sonic/create:concat_music': 2,
	'sonic/create:persona_music': 15,
	'sonic/create:remaster': 15,
	'sonic/create:add_instrumental': 15,
	'sonic/create:add_vocals': 15,
	'sonic/create:extend_upload_music': 15,
	'sonic/create:cover_upload_music': 15,
	'sonic/lyrics': 2,
	'sonic/aligned-lyrics': 1,
	'sonic/bpm': 1,
	'sonic/upsample-tags': 1,
	'sonic/create-voice': 4,
	'sonic/persona': 1,
	'sonic/vox': 1,
	'sonic/midi': 1,
	'sonic/wav': 2,
	'sonic/stems/basic': 15,
	'sonic/stems/full': 75,
	'sonic/mashup': 10,
	'sonic/replace-section': 10,
	'sonic/sample': 14,
	'sonic/upload': 2,
	'sonic/upload-cover': 15,
	'sonic/upload-extend': 15,
	'sonic/download': 2,
	'suno/make-lyrics': 2, // guess: priced like /sonic/lyrics
	'suno/get-song': 0,
	'producer/create:create_music': 10,
	'producer/create:extend_music': 12,
	'producer/create:replace_music': 12,
	'producer/create:cover_music': 12, // guess: priced like extend/replace
	'producer/create:make_lyrics': 2, // guess
	'producer/create:video_clip': 10, // guess
	'producer/upload': 2, // guess: priced like /sonic/upload
	'producer/download': 2,
	'riffusion/create': 12,
	'riffusion/upload': 2, // guess
	'studio/create': 10, // guess: no price published
	'nuro/create': 10,
});

/** 2026-07 live enum (contract §3.1.3). */
export const MODELS_2026_07: readonly string[] = Object.freeze([
	'sonic-v3-5',
	'sonic-v4',
	'sonic-v4-5',
	'sonic-v4-5-plus',
	'sonic-v5',
	'sonic-v5-5',
]);

/** 2026-10 enum (contract §3.1.3). */
export const MODELS_2026_10: readonly string[] = Object.freeze(['sonic-v6', 'sonic-v6-wild', 'sonic-v6-mini']);

/** 2026-10: the retired models still answer, but run as sonic-v6 (contract §3.1.3). For `retiredModels`. */
export const RETIRED_2026_10: Readonly<Record<string, string>> = Object.freeze(
	Object.fromEntries(MODELS_2026_07.map((model) => [model, 'sonic-v6'])),
);

export const DEFAULT_MODELS: readonly string[] = Object.freeze([...MODELS_2026_07, ...MODELS_2026_10]);

export const BASIC_STEMS: readonly string[] = Object.freeze(['vocals', 'instrumental']);

export const FULL_STEMS: readonly string[] = Object.freeze([
	'vocals',
	'backing_vocals',
	'drums',
	'bass',
	'guitar',
	'keyboard',
	'percussion',
	'strings',
	'synth',
	'fx',
	'brass',
	'woodwinds',
]);

export function defaultOptions(): FakeOptions {
	return {
		apiKeys: ['test-key'],
		credits: 1000,
		extraCredits: 0,
		creditErrorStatus: 403,
		includeCode: false,
		notReadyStatus: 202,
		platform: 'suno',
		timeScale: 1,
		jobLatencyMs: 60000,
		notReadyMs: 15000,
		clipStaggerMs: 10000,
		uploadLatencyMs: 20000,
		uploadStepLatencyMs: 45000,
		audioUrlLagMs: 0,
		retiredModels: {},
		studioSubmitShape: 'task_id',
		voxAudioUrl: true,
		midiNotReadyCalls: 1,
		downloadNotReadyCalls: 1,
		processingMs: 0,
		rateLimit: null,
		costs: { ...DEFAULT_COSTS },
		models: [...DEFAULT_MODELS],
		streamingCallback: false,
		defaultWebhookSecret: 'musicapi-default-secret',
		largeWavBytes: 300 * 1024 * 1024,
		nuroGone: false,
		basicStems: [...BASIC_STEMS],
		fullStems: [...FULL_STEMS],
		requireUseSunoCdn: false,
		webhookRetries: 0,
		webhookRetryDelayMs: 1000,
	};
}

/**
 * Applies `changes` to `target` in place (so holders of `fake.options` see the change). `costs` merges key by
 * key, because a test that overrides one price still wants the others.
 */
export function mergeOptions(target: FakeOptions, changes: Partial<FakeOptions>): FakeOptions {
	for (const [key, value] of Object.entries(changes) as Array<[keyof FakeOptions, unknown]>) {
		if (value === undefined) continue;
		if (key === 'costs') {
			target.costs = { ...target.costs, ...(value as Record<string, number>) };
		} else {
			(target as unknown as Record<string, unknown>)[key] = cloneValue(value);
		}
	}
	return target;
}

/** Restores `target` to `source` in place, dropping keys `source` lacks (e.g. a publicBaseUrl set later). */
export function restoreOptions(target: FakeOptions, source: FakeOptions): void {
	const record = target as unknown as Record<string, unknown>;
	for (const key of Object.keys(record)) {
		if (!(key in source)) delete record[key];
	}
	for (const [key, value] of Object.entries(source)) record[key] = cloneValue(value);
}

export function cloneOptions(options: FakeOptions): FakeOptions {
	const copy = {} as FakeOptions;
	restoreOptions(copy, options);
	return copy;
}

function cloneValue(value: unknown): unknown {
	if (Array.isArray(value)) return [...(value as unknown[])];
	if (value !== null && typeof value === 'object') return { ...(value as object) };
	return value;
}
