/** Every URL the fake hands out points back at itself, so downloads in tests are real and offline. */
export function fileUrl(base: string, id: string, extension: 'mp3' | 'm4a' | 'wav' | 'jpeg' | 'mid' | 'mp4'): string {
	return `${base}/files/${encodeURIComponent(id)}.${extension}`;
}

/** The 300 MB WAV of the memory benchmark: asked for with a clip id starting with "large". */
export function wavUrlFor(base: string, clipId: string): string {
	return clipId.startsWith('large') ? `${base}/files/large.wav` : fileUrl(base, clipId, 'wav');
}
