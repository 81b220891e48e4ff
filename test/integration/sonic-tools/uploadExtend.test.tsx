import { bodiesSentTo, FAST_WAIT, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

const SUBMIT = { completion: 'submit' };
const WAIT = { completion: 'wait', resultOptions: { ...FAST_WAIT, downloadAudio: false } };
const base = { resource: 'sonic', operation: 'uploadExtend' };
const LYRICS = '[Bridge]\nAnd then it kept going';

describe('Sonic → Upload & Extend', () => {
	it('submits POST /sonic/upload-extend with the URL and continue_at', async () => {
		const result = await runMusicApi(fake(), {
			...base,
			...SUBMIT,
			audioUrl: 'https://example.com/demo.mp3',
			continueAt: 42.5,
			songMode: 'custom',
			prompt: LYRICS,
			title: 'Demo (Extended)',
			tags: 'indie pop',
			additionalFields: { duration: 60, styleWeight: 0.5 },
		});

		expect(result.error).toBeUndefined();
		expect(fake().requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /sonic/upload-extend']);
		expect(bodiesSentTo(fake(), 'POST', '/sonic/upload-extend')).toEqual([
			{
				url: 'https://example.com/demo.mp3',
				continue_at: 42.5,
				mv: 'sonic-v6',
				custom_mode: true,
				prompt: LYRICS,
				title: 'Demo (Extended)',
				tags: 'indie pop',
				duration: 60,
				style_weight: 0.5,
			},
		]);
		const { json, pairedItem } = result.items[0];
		expect(json).toEqual({ taskId: expect.any(String), state: 'submitted', pollPath: `/sonic/task/${json.taskId as string}` });
		expect(pairedItem).toEqual({ item: 0 });
		expect(fake().credits().credits).toBe(1000 - 15);
	});

	it('waits and outputs the extension clips', async () => {
		const result = await runMusicApi(fake(), {
			...base,
			...WAIT,
			audioUrl: 'https://example.com/demo.mp3',
			continueAt: 30,
			gptDescriptionPrompt: 'keep the groove going',
		});

		expect(result.error).toBeUndefined();
		expect(bodiesSentTo(fake(), 'POST', '/sonic/upload-extend')).toEqual([
			{
				url: 'https://example.com/demo.mp3',
				continue_at: 30,
				mv: 'sonic-v6',
				custom_mode: false,
				gpt_description_prompt: 'keep the groove going',
			},
		]);
		expect(result.items).toHaveLength(2);
		for (const item of result.items) {
			expect(item.json).toMatchObject({ taskId: expect.any(String), clipId: expect.any(String), state: 'succeeded' });
			expect(item.json.role).toBeUndefined();
			expect(item.pairedItem).toEqual({ item: 0 });
		}
	});

	it('with Auto Concat, outputs each extension together with the full song', async () => {
		const result = await runMusicApi(fake(), {
			...base,
			...WAIT,
			audioUrl: 'https://example.com/demo.mp3',
			continueAt: 30,
			gptDescriptionPrompt: 'keep the groove going',
			additionalFields: { autoConcat: true },
		});

		expect(result.error).toBeUndefined();
		expect((bodiesSentTo(fake(), 'POST', '/sonic/upload-extend')[0] as { auto_concat: boolean }).auto_concat).toBe(true);
		expect(result.items.map((item) => [item.json.role, item.json.state])).toEqual([
			['extended', 'succeeded'],
			['full', 'succeeded'],
			['extended', 'succeeded'],
			['full', 'succeeded'],
		]);
	});

	it('rejects a negative continue point and a non-http(s) URL, before sending anything', async () => {
		const negative = await runMusicApi(fake(), {
			...base,
			...SUBMIT,
			audioUrl: 'https://example.com/demo.mp3',
			continueAt: -1,
			gptDescriptionPrompt: 'more',
		});
		expect(negative.error?.message).toBe('[item 0] Continue At (Seconds): -1 is outside the allowed range 0–…');

		const badUrl = await runMusicApi(
			fake(),
			{ ...base, ...SUBMIT, audioUrl: '={{ $json.url }}', continueAt: 10, gptDescriptionPrompt: 'more' },
			{ items: [{ url: 'https://example.com/ok.mp3' }, { url: 'file:///etc/passwd' }] },
		);
		expect(badUrl.error?.message).toBe('[item 1] Audio URL: "file:///etc/passwd" is not an http(s) URL');
		expect(fake().requests).toHaveLength(0);
	});
});
