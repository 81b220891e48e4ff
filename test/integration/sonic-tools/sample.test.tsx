import { bodiesSentTo, FAST_WAIT, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

const SUBMIT = { completion: 'submit' };
const WAIT = { completion: 'wait', resultOptions: { ...FAST_WAIT, downloadAudio: false } };
const base = { resource: 'sonic', operation: 'sample' };

describe('Sonic → Sample', () => {
	it('submits POST /sonic/sample with a URL source and the chop window, without sample_clip_id', async () => {
		const result = await runMusicApi(fake(), {
			...base,
			...SUBMIT,
			sampleSource: 'url',
			audioUrl: 'https://example.com/loop.mp3',
			gptDescriptionPrompt: 'lofi beat built on this loop',
			additionalFields: { chopStart: 2, chopEnd: 8.5, makeInstrumental: true, audioWeight: 0.8 },
		});

		expect(result.error).toBeUndefined();
		expect(fake().requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /sonic/sample']);
		expect(bodiesSentTo(fake(), 'POST', '/sonic/sample')).toEqual([
			{
				url: 'https://example.com/loop.mp3',
				mv: 'sonic-v6',
				custom_mode: false,
				gpt_description_prompt: 'lofi beat built on this loop',
				chop_sample_start_s: 2,
				chop_sample_end_s: 8.5,
				make_instrumental: true,
				audio_weight: 0.8,
			},
		]);
		const { json, pairedItem } = result.items[0];
		expect(json).toEqual({ taskId: expect.any(String), state: 'submitted', pollPath: `/sonic/task/${json.taskId as string}` });
		expect(pairedItem).toEqual({ item: 0 });
		expect(fake().credits().credits).toBe(1000 - 14);
	});

	it('with a Clip ID source sends sample_clip_id (no url) and waits for both clips', async () => {
		const result = await runMusicApi(fake(), {
			...base,
			...WAIT,
			sampleSource: 'clipId',
			audioUrl: 'https://example.com/ignored.mp3',
			sampleClipId: 'clip-9',
			songMode: 'custom',
			prompt: '[Verse]\nSampled soul',
			title: 'Chopped',
			tags: 'boom bap',
		});

		expect(result.error).toBeUndefined();
		expect(bodiesSentTo(fake(), 'POST', '/sonic/sample')).toEqual([
			{
				sample_clip_id: 'clip-9',
				mv: 'sonic-v6',
				custom_mode: true,
				prompt: '[Verse]\nSampled soul',
				title: 'Chopped',
				tags: 'boom bap',
			},
		]);
		expect(result.items).toHaveLength(2);
		for (const item of result.items) {
			expect(item.json).toMatchObject({ taskId: expect.any(String), clipId: expect.any(String), state: 'succeeded', title: 'Chopped', tags: 'boom bap' });
			expect(item.pairedItem).toEqual({ item: 0 });
		}
	});

	it('rejects a chop window whose end is not after its start, before sending anything', async () => {
		const result = await runMusicApi(fake(), {
			...base,
			...SUBMIT,
			audioUrl: 'https://example.com/loop.mp3',
			gptDescriptionPrompt: 'beat',
			additionalFields: { chopStart: 9, chopEnd: 3 },
		});

		expect(result.error?.message).toBe('[item 0] Sample End (Seconds): 3 must be greater than Sample Start (Seconds) (9)');
		expect(fake().requests).toHaveLength(0);
	});

	it('requires the clip ID when the source is a clip, and an http(s) URL when it is a URL', async () => {
		const noClip = await runMusicApi(
			fake(),
			{ ...base, ...SUBMIT, sampleSource: 'clipId', sampleClipId: '={{ $json.clip }}', gptDescriptionPrompt: 'beat' },
			{ items: [{ clip: '' }] },
		);
		expect(noClip.error?.message).toBe('[item 0] Sample Clip ID: is required but empty');

		const badUrl = await runMusicApi(fake(), { ...base, ...SUBMIT, audioUrl: 'loop.mp3', gptDescriptionPrompt: 'beat' });
		expect(badUrl.error?.message).toBe('[item 0] Audio URL: "loop.mp3" is not an http(s) URL');
		expect(fake().requests).toHaveLength(0);
	});
});
