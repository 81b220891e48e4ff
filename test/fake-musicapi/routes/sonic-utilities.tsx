import { ApiError, invalid } from '../http/api-error';
import { fileUrl, wavUrlFor } from '../media/file-urls';
import { midiInstruments } from '../media/midi';
import { lyricsFromDescription, newId, titleFromDescription, uploadedSeed } from '../tasks/clip-factory';
import { checkMaxLength, checkRange, checkStringType, requireHttpUrl, requireString } from '../validation/checks';
import type { Route, RouteContext } from './route';
import { callKey, costOf, success } from './submit-helpers';

type Handler = Route['handle'];

/** A synchronous utility: the [fake:fail] marker turns into an error answer instead of a result. */
function syncRoute(path: string, validate: Route['validate'], handle: Handler, extra: Partial<Route> = {}): Route {
	const operation = path.slice(1);
	return { method: 'POST', path, validate, cost: (ctx) => costOf(ctx.state, operation), syncFailure: 'server-error', handle, ...extra };
}

/** Endpoints that charge only the first call per clip (aligned lyrics are cached; midi/download keep building). */
function firstCallCost(operation: string) {
	return (ctx: RouteContext): number => (ctx.state.callCounts.has(callKey(ctx.apiKey, operation, ctx.body.clip_id)) ? 0 : costOf(ctx.state, operation));
}

/** Counts this call and tells whether the result is still "being built" (answered with 202). */
function stillBuilding(ctx: RouteContext, operation: string, notReadyCalls: number): boolean {
	const key = callKey(ctx.apiKey, operation, ctx.body.clip_id);
	const calls = ctx.state.callCounts.get(key) ?? 0;
	ctx.state.callCounts.set(key, calls + 1);
	return calls < notReadyCalls;
}

const requireClipId = (ctx: RouteContext): void => void requireString(ctx.body, 'clip_id');

/** A stable pseudo-random number per clip, so repeated calls agree (BPM of the same song). */
function hashOf(text: string): number {
	let hash = 2166136261;
	for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
	return hash;
}

function alignment(lyrics: string): Array<Record<string, unknown>> {
	const words = lyrics.replace(/\[[^\]]*\]/g, ' ').split(/\s+/).filter(Boolean);
	// Live, the first entry can carry the section header along with the first word.
	const firstHeader = /^\s*(\[[^\]]*\])/.exec(lyrics)?.[1];
	return words.map((word, index) => ({
		word: index === 0 && firstHeader ? `${firstHeader}\n${word}` : word,
		start_s: Number((1 + index * 0.42).toFixed(2)),
		end_s: Number((1 + index * 0.42 + 0.38).toFixed(2)),
		p_align: Number((0.9 + (hashOf(word) % 10) / 100).toFixed(2)),
		success: true,
	}));
}

const DEFAULT_LYRICS = '[Verse]\nCity lights are calling me\nDown the open road\n[Chorus]\nWe keep on driving through the night';

export const sonicUtilityRoutes: Route[] = [
	syncRoute(
		'/sonic/lyrics',
		(ctx) => {
			requireString(ctx.body, 'description', 'description is required.');
			checkMaxLength(ctx.body, 'description', 120, 'The description character length should be less than 120.');
		},
		(ctx) => {
			const description = ctx.body.description as string;
			const title = titleFromDescription(description);
			return {
				status: 200,
				body: {
					code: 200,
					results: [
						{ title, lyrics: lyricsFromDescription(description) },
						{ title: `${title} (Alternate)`, lyrics: lyricsFromDescription(`${description} again`) },
					],
					message: 'success',
				},
			};
		},
	),
	syncRoute(
		'/sonic/aligned-lyrics',
		(ctx) => {
			requireClipId(ctx);
			const clip = ctx.state.clips.get(ctx.body.clip_id);
			if (clip && !/[a-z]/i.test(clip.lyrics.replace(/\[[^\]]*\]/g, ''))) {
				throw new ApiError(404, 'not_found', 'No lyrics found for this clip.');
			}
		},
		(ctx) => {
			ctx.state.callCounts.set(callKey(ctx.apiKey, 'sonic/aligned-lyrics', ctx.body.clip_id), 1);
			const lyrics = ctx.state.clips.get(ctx.body.clip_id)?.lyrics ?? DEFAULT_LYRICS;
			return success({ data: { alignment: alignment(lyrics) } });
		},
		{ cost: firstCallCost('sonic/aligned-lyrics') },
	),
	syncRoute('/sonic/bpm', requireClipId, (ctx) => {
		const avg = 80 + (hashOf(String(ctx.body.clip_id)) % 80);
		return success({ data: { avg_bpm: avg + 0.5, max_bpm: avg + 3, min_bpm: avg - 2 } });
	}),
	syncRoute(
		'/sonic/upsample-tags',
		(ctx) => void requireString(ctx.body, 'tags', 'tags is required.'),
		(ctx) => success({ data: { upsampled_tags: `${ctx.body.tags as string}, polished modern production, wide stereo image, catchy melodic hooks` } }),
	),
	syncRoute(
		'/sonic/persona',
		(ctx) => {
			const { body } = ctx;
			// The older body (continue_clip_id + description) still has its own error wording (contract §3.3).
			const legacy = body.continue_clip_id !== undefined || body.description !== undefined;
			const clipField = legacy ? 'continue_clip_id' : 'clip_id';
			const hasName = typeof body.name === 'string' && body.name.trim() !== '';
			const clipId = body.clip_id ?? body.continue_clip_id;
			if (!hasName || typeof clipId !== 'string' || clipId === '') invalid(`name and ${clipField} are required fields.`);
			checkStringType(body, ['describe', 'description', 'styles', 'vox_audio_id']);
			checkMaxLength(body, 'name', 80, 'The name character length should be less than 80.');
			checkMaxLength(body, 'description', 200, 'The description character length should be less than 200.');
			checkMaxLength(body, 'describe', 200, 'The description character length should be less than 200.');
			checkRange(body, 'vocal_start_s', 'vocal_end_s', false);
		},
		() => success({ persona_id: newId() }),
	),
	syncRoute(
		'/sonic/vox',
		(ctx) => {
			requireClipId(ctx);
			checkRange(ctx.body, 'vocal_start_s', 'vocal_end_s', false);
			const start = typeof ctx.body.vocal_start_s === 'number' ? ctx.body.vocal_start_s : 0;
			const end = typeof ctx.body.vocal_end_s === 'number' ? ctx.body.vocal_end_s : start + 30;
			if (end - start > 30) invalid('The vocal range should be 30 seconds or less.');
		},
		(ctx) => {
			const start = typeof ctx.body.vocal_start_s === 'number' ? ctx.body.vocal_start_s : 0;
			const end = typeof ctx.body.vocal_end_s === 'number' ? ctx.body.vocal_end_s : start + 30;
			const voxAudioId = newId();
			return success({
				data: {
					vox_audio_id: voxAudioId,
					...(ctx.state.options.voxAudioUrl ? { audio_url: fileUrl(ctx.state.fileBase, voxAudioId, 'mp3') } : {}),
					status: 'complete',
					source_clip_id: ctx.body.clip_id,
					vocal_start_s: start,
					vocal_end_s: end,
					wave_response: Array.from({ length: 32 }, (_, index) => Number(Math.abs(Math.sin(index / 3)).toFixed(3))),
				},
			});
		},
	),
	syncRoute(
		'/sonic/midi',
		requireClipId,
		(ctx) => {
			if (stillBuilding(ctx, 'sonic/midi', ctx.state.options.midiNotReadyCalls)) {
				return { status: 202, body: { type: 'not_ready', message: 'The MIDI file is being generated. Please retry in a few seconds.' } };
			}
			return success({ data: { midi_url: fileUrl(ctx.state.fileBase, String(ctx.body.clip_id), 'mid'), instruments: midiInstruments() } });
		},
		{ cost: firstCallCost('sonic/midi') },
	),
	syncRoute('/sonic/wav', requireClipId, (ctx) => success({ data: { wav_url: wavUrlFor(ctx.state.fileBase, String(ctx.body.clip_id)) } })),
	syncRoute(
		'/sonic/upload',
		(ctx) => void requireHttpUrl(ctx.body, 'url'),
		async (ctx) => {
			// Live, the server fetches the audio first: ~20 s.
			await ctx.state.requestTimers.sleep(ctx.state.scaled(ctx.state.options.uploadLatencyMs));
			const clip = uploadedSeed(ctx.body.url as string);
			ctx.state.clips.remember([clip], 'uploaded');
			return success({ clip_id: clip.clip_id });
		},
		{ syncFailure: 'bad-audio-url' },
	),
	syncRoute(
		'/sonic/download',
		(ctx) => {
			requireClipId(ctx);
			const formats = ctx.body.formats;
			if (formats !== undefined && (!Array.isArray(formats) || formats.length === 0 || !formats.every((format) => ['mp3', 'm4a', 'wav'].includes(format as string)))) {
				invalid("The 'formats' field should be an array of 'mp3', 'm4a', or 'wav'.");
			}
			// aimusicapi answers 404 once the source audio is gone; ids starting with "purged" play that part.
			if (String(ctx.body.clip_id).startsWith('purged')) throw new ApiError(404, 'not_found', 'The source audio has been purged.');
		},
		(ctx) => {
			if (stillBuilding(ctx, 'sonic/download', ctx.state.options.downloadNotReadyCalls)) {
				return { status: 202, body: { type: 'not_ready', message: 'The download is being prepared. Please retry shortly.' } };
			}
			const clipId = String(ctx.body.clip_id);
			const formats = (Array.isArray(ctx.body.formats) ? ctx.body.formats : ['mp3']) as string[];
			const base = ctx.state.fileBase;
			const data: Record<string, unknown> = { clip_id: clipId };
			if (formats.includes('mp3')) data.mp3_url = fileUrl(base, clipId, 'mp3');
			if (formats.includes('m4a')) data.m4a_url = fileUrl(base, clipId, 'm4a');
			if (formats.includes('wav')) data.wav_url = wavUrlFor(base, clipId);
			return success({ data });
		},
		{ cost: firstCallCost('sonic/download') },
	),
];
