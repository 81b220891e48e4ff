import { bodiesSentTo, FAST_WAIT, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

const SUBMIT = { completion: 'submit' };
const WAIT = { completion: 'wait', resultOptions: { ...FAST_WAIT, downloadAudio: false } };
const base = { resource: 'sonic', operation: 'uploadCover' };

describe('Sonic → Upload & Cover', () => {
	it('submits POST /sonic/upload-cover and passes the submit answer’s steps through in submit-only mode', async () => {
		const result = await runMusicApi(fake(), {
			...base,
			...SUBMIT,
			audioUrl: 'https://example.com/demo.mp3',
			gptDescriptionPrompt: 'turn it into a jazz ballad',
			additionalFields: { duration: 90, audioWeight: 0.65, vocalGender: 'f' },
		});

		expect(result.error).toBeUndefined();
		expect(fake().requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /sonic/upload-cover']);
		expect(bodiesSentTo(fake(), 'POST', '/sonic/upload-cover')).toEqual([
			{
				url: 'https://example.com/demo.mp3',
				mv: 'sonic-v6',
				custom_mode: false,
				gpt_description_prompt: 'turn it into a jazz ballad',
				duration: 90,
				audio_weight: 0.65,
				vocal_gender: 'f',
			},
		]);
		const { json, pairedItem } = result.items[0];
		const taskId = json.taskId as string;
		expect(json).toEqual({
			taskId: expect.any(String),
			state: 'submitted',
			pollPath: `/sonic/task/${taskId}`,
			steps: {
				upload: { clip_id: expect.any(String), message: 'success' },
				cover: { task_id: taskId, message: 'success' },
			},
		});
		expect(pairedItem).toEqual({ item: 0 });
		expect(fake().credits().credits).toBe(1000 - 15);
	});

	it('waits and outputs the two cover clips', async () => {
		const result = await runMusicApi(fake(), {
			...base,
			...WAIT,
			audioUrl: 'https://example.com/demo.mp3',
			songMode: 'custom',
			prompt: '[Verse]\nSame song, new coat',
			title: 'Jazz Demo',
			tags: 'jazz',
		});

		expect(result.error).toBeUndefined();
		expect(bodiesSentTo(fake(), 'POST', '/sonic/upload-cover')).toEqual([
			{
				url: 'https://example.com/demo.mp3',
				mv: 'sonic-v6',
				custom_mode: true,
				prompt: '[Verse]\nSame song, new coat',
				title: 'Jazz Demo',
				tags: 'jazz',
			},
		]);
		expect(result.items).toHaveLength(2);
		for (const item of result.items) {
			expect(item.json).toMatchObject({ taskId: expect.any(String), clipId: expect.any(String), state: 'succeeded', title: 'Jazz Demo' });
			expect(item.pairedItem).toEqual({ item: 0 });
		}
	});

	it('rejects a duration outside 10–360 or not whole seconds, before sending anything', async () => {
		const tooLong = await runMusicApi(fake(), {
			...base,
			...SUBMIT,
			audioUrl: 'https://example.com/demo.mp3',
			gptDescriptionPrompt: 'jazz',
			additionalFields: { duration: 400 },
		});
		expect(tooLong.error?.message).toBe('[item 0] Target Duration (Seconds): 400 is outside the allowed range 10–360');

		const fractional = await runMusicApi(fake(), {
			...base,
			...SUBMIT,
			audioUrl: 'https://example.com/demo.mp3',
			gptDescriptionPrompt: 'jazz',
			additionalFields: { duration: 30.5 },
		});
		expect(fractional.error?.message).toBe('[item 0] Target Duration (Seconds): 30.5 is not a whole number of seconds');
		expect(fake().requests).toHaveLength(0);
	});

	it('rejects a missing song description, naming the item', async () => {
		const result = await runMusicApi(
			fake(),
			{ ...base, ...SUBMIT, audioUrl: 'https://example.com/demo.mp3', gptDescriptionPrompt: '={{ $json.d }}' },
			{ items: [{ d: 'jazz' }, { d: '' }] },
		);

		expect(result.error?.message).toBe('[item 1] Song Description: is required but empty');
		expect(fake().requests).toHaveLength(0);
	});
});
