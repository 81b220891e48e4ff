import type { ClipSeed } from './task';

/**
 * Clips this fake produced or imported, so follow-ups (extend, stems, aligned lyrics…) can reuse their title
 * and lyrics. Unknown ids stay acceptable everywhere: the real API also takes ids it got from uploads.
 */
export class ClipRegistry {
	private readonly clips = new Map<string, { seed: ClipSeed; origin: 'generated' | 'uploaded' }>();

	remember(seeds: ClipSeed[], origin: 'generated' | 'uploaded' = 'generated'): void {
		for (const seed of seeds) this.clips.set(seed.clip_id, { seed, origin });
	}

	get(clipId: unknown): ClipSeed | undefined {
		return typeof clipId === 'string' ? this.clips.get(clipId)?.seed : undefined;
	}

	origin(clipId: string): 'generated' | 'uploaded' | 'unknown' {
		return this.clips.get(clipId)?.origin ?? 'unknown';
	}

	clear(): void {
		this.clips.clear();
	}
}
