/**
 * Outcome markers: strings a test (or a real n8n workflow) puts into any text field of a request to steer the
 * fake deterministically, without access to the fake's API.
 */
export const MARKERS = Object.freeze({
	fail: '[fake:fail]',
	failOne: '[fake:fail-one]',
	moderate: '[fake:moderate]',
	timeout: '[fake:timeout]',
	uploadError: '[fake:upload-error]',
});

export type Outcome = 'success' | 'fail' | 'fail-one' | 'timeout';

export function hasMarker(body: unknown, marker: string): boolean {
	return stringsOf(body).some((text) => text.includes(marker));
}

/** `fail` wins over `timeout`, which wins over `fail-one`: the harshest request decides. */
export function outcomeOf(body: unknown): Outcome {
	if (hasMarker(body, MARKERS.fail)) return 'fail';
	if (hasMarker(body, MARKERS.timeout)) return 'timeout';
	if (hasMarker(body, MARKERS.failOne)) return 'fail-one';
	return 'success';
}

/** The flagged snippet the moderation error quotes: the marker with a little context, like the real message. */
export function moderationSnippet(body: unknown): string | undefined {
	const text = stringsOf(body).find((value) => value.includes(MARKERS.moderate));
	if (text === undefined) return undefined;
	const at = text.indexOf(MARKERS.moderate);
	return text.slice(Math.max(0, at - 20), at + MARKERS.moderate.length + 20).trim();
}

function stringsOf(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(stringsOf);
	if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
	return [];
}
