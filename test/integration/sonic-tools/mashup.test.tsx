import { bodiesSentTo, FAST_WAIT, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

const SUBMIT = { completion: 'submit' };
const WAIT = { completion: 'wait', resultOptions: { ...FAST_WAIT, downloadAudio: false } };
const base = { resource: 'sonic', operation: 'mashup' };
const LYRICS = '[Verse]\nTwo songs become one\n[Chorus]\nMash it up';

describe('Sonic → Mashup', () => {
	it('submits POST /sonic/mashup in description mode with the two clip IDs as an array', async () => {
		const result = await runMusicApi(fake(), {
			...base,
			...SUBMIT,
			mashupClipIds: 'clip-a, clip-b',
			gptDescriptionPrompt: 'a dreamy blend of both songs',
			tags: 'dream pop',
		});

		expect(result.error).toBeUndefined();
		expect(fake().requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /sonic/mashup']);
		expect(bodiesSentTo(fake(), 'POST', '/sonic/mashup')).toEqual([
			{
				mashup_clip_ids: ['clip-a', 'clip-b'],
				mv: 'sonic-v6',
				custom_mode: false,
				gpt_description_prompt: 'a dreamy blend of both songs',
				tags: 'dream pop',
			},
		]);
		const { json, pairedItem } = result.items[0];
		expect(json).toEqual({ taskId: expect.any(String), state: 'submitted', pollPath: `/sonic/task/${json.taskId as string}` });
		expect(pairedItem).toEqual({ item: 0 });
		expect(fake().credits().credits).toBe(1000 - 10);
	});

	it('waits in custom mode with a typed model and the optional song fields, outputting both clips', async () => {
		const result = await runMusicApi(fake(), {
			...base,
			...WAIT,
			mashupClipIds: 'clip-a,clip-b',
			model: { __rl: true, mode: 'id', value: 'sonic-v4-5-all' },
			songMode: 'custom',
			prompt: LYRICS,
			title: 'Mashed',
			tags: 'electro, funk',
			additionalFields: { vocalGender: 'm', styleWeight: 0.7, weirdnessConstraint: 0.2, audioWeight: 0.4, negativeTags: 'metal' },
		});

		expect(result.error).toBeUndefined();
		expect(bodiesSentTo(fake(), 'POST', '/sonic/mashup')).toEqual([
			{
				mashup_clip_ids: ['clip-a', 'clip-b'],
				mv: 'sonic-v4-5-all',
				custom_mode: true,
				prompt: LYRICS,
				title: 'Mashed',
				tags: 'electro, funk',
				vocal_gender: 'm',
				style_weight: 0.7,
				weirdness_constraint: 0.2,
				audio_weight: 0.4,
				negative_tags: 'metal',
			},
		]);
		expect(result.items).toHaveLength(2);
		for (const item of result.items) {
			expect(item.json).toMatchObject({
				taskId: expect.any(String),
				clipId: expect.any(String),
				state: 'succeeded',
				title: 'Mashed',
				lyrics: LYRICS,
				model: 'sonic-v4-5-all',
				audioUrl: expect.stringMatching(/^http/),
			});
			expect(item.pairedItem).toEqual({ item: 0 });
		}
	});

	it('rejects anything but exactly two clip IDs before sending anything', async () => {
		const result = await runMusicApi(fake(), {
			...base,
			...SUBMIT,
			mashupClipIds: 'a, b, c',
			gptDescriptionPrompt: 'blend',
		});

		expect(result.error?.message).toBe('[item 0] Clip IDs: has 3 entries; exactly 2 expected');
		expect(fake().requests).toHaveLength(0);
	});

	it('applies the older models’ lyric limit (3000) before sending', async () => {
		const result = await runMusicApi(fake(), {
			...base,
			...SUBMIT,
			mashupClipIds: 'a, b',
			model: { __rl: true, mode: 'id', value: 'sonic-v4' },
			songMode: 'custom',
			prompt: 'la '.repeat(1001),
		});

		expect(result.error?.message).toBe('[item 0] Lyrics: is 3003 characters long; the limit for sonic-v4 is 3000');
		expect(fake().requests).toHaveLength(0);
	});

	it('with Continue On Fail, submits the good items and outputs an error item for the bad one', async () => {
		const result = await runMusicApi(
			fake(),
			{ ...base, ...SUBMIT, mashupClipIds: '={{ $json.ids }}', gptDescriptionPrompt: 'blend' },
			{ items: [{ ids: 'a,b' }, { ids: 'only-one' }, { ids: 'c,d' }], continueOnFail: true },
		);

		expect(result.error).toBeUndefined();
		expect(bodiesSentTo(fake(), 'POST', '/sonic/mashup').map((body) => (body as { mashup_clip_ids: string[] }).mashup_clip_ids)).toEqual([
			['a', 'b'],
			['c', 'd'],
		]);
		expect(result.items.map((item) => [item.pairedItem, item.json.state ?? item.json.error])).toEqual([
			[{ item: 0 }, 'submitted'],
			[{ item: 1 }, '[item 1] Clip IDs: has 1 entries; exactly 2 expected'],
			[{ item: 2 }, 'submitted'],
		]);
	});
});
