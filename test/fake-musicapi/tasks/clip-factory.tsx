import { randomInt, randomUUID } from 'node:crypto';
import type { ClipSeed } from './task';

export const newId = (): string => randomUUID();

/** A plausible song length with two decimals, e.g. "104.88" (the API sends durations as strings). */
export function randomDuration(min = 60, max = 200): string {
	return (randomInt(min * 100, max * 100) / 100).toFixed(2);
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const unit = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/** "uplifting synthwave with female vocals" → "Uplifting Synthwave With" — what a provider-written title looks like. */
export function titleFromDescription(description: string): string {
	const words = description.replace(/\[fake:[a-z-]+\]/g, '').split(/\s+/).filter(Boolean).slice(0, 3);
	if (words.length === 0) return 'Untitled';
	return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}

export function lyricsFromDescription(description: string): string {
	const topic = titleFromDescription(description).toLowerCase();
	return [
		'[Verse]',
		`Neon lights and ${topic}`,
		'Running through the midnight rain',
		'[Chorus]',
		'We are the sound of tomorrow',
		'We are the spark in the flame',
	].join('\n');
}

/**
 * The clips of one sonic-style generation, filled from the request the way the live API echoes it: custom
 * mode keeps title/lyrics, description mode writes them; instrumentals carry a bracket-only lyric.
 */
export function songSeeds(body: Record<string, unknown>, count: number, overrides: Partial<ClipSeed> = {}): ClipSeed[] {
	const custom = body.custom_mode === true;
	const description = text(body.gpt_description_prompt) ?? text(body.prompt) ?? '';
	const instrumental = body.make_instrumental === true;
	const lyrics = instrumental
		? '[Instrumental]'
		: custom
			? (text(body.prompt) ?? text(body.lyrics) ?? '[Instrumental]')
			: lyricsFromDescription(description);
	const title = text(body.title) ?? (custom ? 'Untitled' : titleFromDescription(description));
	const tags = text(body.tags) ?? (custom ? '' : 'energetic electronic pop with bright synths and steady drums');
	return Array.from({ length: count }, () => ({
		clip_id: newId(),
		title,
		tags,
		negative_tags: text(body.negative_tags) ?? '',
		lyrics,
		gpt_description_prompt: custom ? null : (text(body.gpt_description_prompt) ?? null),
		mv: text(body.mv) ?? 'sonic-v5',
		duration: randomDuration(),
		created_at: new Date().toISOString(),
		style_weight: unit(body.style_weight),
		weirdness_constraint: unit(body.weirdness_constraint),
		audio_weight: unit(body.audio_weight),
		...overrides,
	}));
}

/**
 * One clip per stem; the stem name goes into `stem_type` and a readable title, after the source song's title when
 * the fake knows the source ("Source Song Vocals"), as stem titles name their song.
 */
export function stemSeeds(source: ClipSeed | undefined, stems: readonly string[]): ClipSeed[] {
	return stems.map((stem) => ({
		clip_id: newId(),
		title: [
			source?.title,
			stem
				.split('_')
				.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
				.join(' '),
		]
			.filter(Boolean)
			.join(' '),
		tags: source?.tags ?? '',
		negative_tags: '',
		lyrics: stem.includes('vocal') ? (source?.lyrics ?? '') : '[Instrumental]',
		gpt_description_prompt: null,
		mv: source?.mv ?? 'sonic-v5',
		duration: source?.duration ?? randomDuration(),
		created_at: new Date().toISOString(),
		stem_type: stem,
	}));
}

/** A clip standing for an uploaded recording (upload endpoints and the upload step of upload-cover). */
export function uploadedSeed(url: string): ClipSeed {
	const name = decodeURIComponent(url.split('/').pop()?.split('?')[0] ?? '') || 'Uploaded audio';
	return {
		clip_id: newId(),
		title: name.replace(/\.[a-z0-9]+$/i, ''),
		tags: '',
		negative_tags: '',
		lyrics: '',
		gpt_description_prompt: null,
		mv: 'upload',
		duration: randomDuration(20, 180),
		created_at: new Date().toISOString(),
	};
}
