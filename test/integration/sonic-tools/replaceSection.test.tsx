import { bodiesSentTo, FAST_WAIT, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

const SUBMIT = { completion: 'submit' };
const WAIT = { completion: 'wait', resultOptions: { ...FAST_WAIT, downloadAudio: false } };
const base = { resource: 'sonic', operation: 'replaceSection' };
const FULL_LYRICS = '[Verse]\nOld line one\nOld line two\n[Chorus]\nOld chorus';

describe('Sonic → Replace Section', () => {
	it('submits POST /sonic/replace-section with the range, new lyrics and context lyrics', async () => {
		const result = await runMusicApi(fake(), {
			...base,
			...SUBMIT,
			clipId: 'clip-1',
			infillStart: 12.5,
			infillEnd: 30,
			additionalFields: {
				infillLyrics: 'New line one\nNew line two',
				fullLyrics: FULL_LYRICS,
				title: 'Fixed',
				tags: 'indie rock',
				negativeTags: 'autotune',
				vocalGender: 'f',
				styleWeight: 0.6,
				weirdnessConstraint: 0.1,
				autoConcat: false,
			},
		});

		expect(result.error).toBeUndefined();
		expect(fake().requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /sonic/replace-section']);
		expect(bodiesSentTo(fake(), 'POST', '/sonic/replace-section')).toEqual([
			{
				clip_id: 'clip-1',
				mv: 'sonic-v6',
				infill_start_s: 12.5,
				infill_end_s: 30,
				infill_lyrics: 'New line one\nNew line two',
				prompt: FULL_LYRICS,
				title: 'Fixed',
				tags: 'indie rock',
				negative_tags: 'autotune',
				vocal_gender: 'f',
				style_weight: 0.6,
				weirdness_constraint: 0.1,
				auto_concat: false,
			},
		]);
		const { json, pairedItem } = result.items[0];
		expect(json).toEqual({ taskId: expect.any(String), state: 'submitted', pollPath: `/sonic/task/${json.taskId as string}` });
		expect(pairedItem).toEqual({ item: 0 });
		expect(fake().credits().credits).toBe(1000 - 10);
	});

	it('waits and outputs the regenerated clips', async () => {
		const result = await runMusicApi(fake(), { ...base, ...WAIT, clipId: 'clip-1', infillStart: 0, infillEnd: 15 });

		expect(result.error).toBeUndefined();
		expect(bodiesSentTo(fake(), 'POST', '/sonic/replace-section')).toEqual([
			{ clip_id: 'clip-1', mv: 'sonic-v6', infill_start_s: 0, infill_end_s: 15 },
		]);
		expect(result.items).toHaveLength(2);
		for (const item of result.items) {
			expect(item.json).toMatchObject({ taskId: expect.any(String), clipId: expect.any(String), state: 'succeeded', audioUrl: expect.stringMatching(/^http/) });
			expect(item.json.role).toBeUndefined();
			expect(item.pairedItem).toEqual({ item: 0 });
		}
	});

	it('with Auto Concat, outputs each replaced clip together with its full-length song', async () => {
		const result = await runMusicApi(fake(), {
			...base,
			...WAIT,
			clipId: 'clip-1',
			infillStart: 10,
			infillEnd: 20,
			additionalFields: { autoConcat: true, infillLyrics: 'Brand new words' },
		});

		expect(result.error).toBeUndefined();
		expect((bodiesSentTo(fake(), 'POST', '/sonic/replace-section')[0] as { auto_concat: boolean }).auto_concat).toBe(true);
		expect(result.items.map((item) => [item.json.role, item.json.state])).toEqual([
			['replaced', 'succeeded'],
			['full', 'succeeded'],
			['replaced', 'succeeded'],
			['full', 'succeeded'],
		]);
		expect(result.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('rejects a section whose end is not after its start, before sending anything', async () => {
		const result = await runMusicApi(fake(), { ...base, ...SUBMIT, clipId: 'clip-1', infillStart: 20, infillEnd: 20 });

		expect(result.error?.message).toBe('[item 0] Section End (Seconds): 20 must be greater than Section Start (Seconds) (20)');
		expect(fake().requests).toHaveLength(0);
	});

	it('rejects new lyrics over 3000 characters', async () => {
		const result = await runMusicApi(fake(), {
			...base,
			...SUBMIT,
			clipId: 'clip-1',
			infillStart: 0,
			infillEnd: 10,
			additionalFields: { infillLyrics: 'x'.repeat(3001) },
		});

		expect(result.error?.message).toBe('[item 0] New Lyrics: is 3001 characters long; the limit is 3000');
		expect(fake().requests).toHaveLength(0);
	});
});
