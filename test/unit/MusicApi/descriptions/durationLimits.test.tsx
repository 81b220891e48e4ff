import type { INodeProperties } from 'n8n-workflow';

import { MusicApiTrigger } from '../../../../nodes/MusicApiTrigger/MusicApiTrigger.node';
import { description } from '../../../node-description';

/** Every number field with its collection's options, as deep as they go. */
function numberFields(properties: readonly INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => [
		...(property.type === 'number' ? [property] : []),
		...numberFields(((property.options ?? []) as INodeProperties[]).filter((option) => 'type' in option)),
	]);
}

const MS_PER_UNIT: Array<[RegExp, number]> = [
	[/milliseconds/i, 1],
	[/seconds/i, 1000],
	[/minutes/i, 60_000],
];

/** Waits, not positions in a song (Start, End, Duration… in seconds are times within the audio). */
const WAIT_WORDS = /seconds between|timeout|interval|wait|delay/i;

const all = [...numberFields(description.properties), ...numberFields(new MusicApiTrigger().description.properties)];
/** Each field once (the collections repeat under every operation). */
const durationFields = [...new Map(all.filter((property) => WAIT_WORDS.test(property.displayName)).map((property) => [property.displayName, property])).values()];

// Issue 23 (N3, N4): one workflow's setting must not hold the key's shared queue for a day, and no wait a
// setting feeds may exceed what a timer holds (2^31−1 ms).
describe('duration fields', () => {
	it('are found (Request Options, Result Options and two operations of their own)', () => {
		expect(durationFields.map((property) => property.displayName).sort()).toEqual([
			'Max Wait on Rate Limit (Seconds)',
			'Poll Interval (Seconds)',
			'Request Timeout (Seconds)',
			'Retry Delay (Milliseconds)',
			'Retry Delay (Seconds)',
			'Seconds Between Requests',
			'Timeout (Minutes)',
			'Upload Timeout (Seconds)',
		]);
	});

	it.each(all.filter((property) => WAIT_WORDS.test(property.displayName)).map((property) => [property.displayName, property] as const))('%s has a maximum the editor shows, within one timer', (label, property) => {
		const max = property.typeOptions?.maxValue;
		expect(typeof max).toBe('number');
		const unitMs = MS_PER_UNIT.find(([unit]) => unit.test(label))?.[1] ?? 1000;
		expect((max as number) * unitMs).toBeLessThanOrEqual(2 ** 31 - 1);
		expect(property.default as number).toBeLessThanOrEqual(max as number);
	});

	it('Seconds Between Requests allows at most a minute: every execution on the key waits behind it', () => {
		expect(durationFields.find((property) => property.name === 'interval')?.typeOptions?.maxValue).toBe(60);
	});
});
