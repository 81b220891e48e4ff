import { bodiesSentTo, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

const WAIT = { pollInterval: 0.02, timeout: 1, downloadAudio: false };
const model = (value: string) => ({ __rl: true, mode: 'list', value });

const createParams = {
	resource: 'producer',
	operation: 'create',
	taskType: 'create_music',
	model: model('FUZZ-2.0'),
	sound: 'calm piano ambient',
};

describe('Producer → Create', () => {
	it('posts the create body and returns the task id with its producer poll path (submit only)', async () => {
		const result = await runMusicApi(fake(), {
			...createParams,
			lyrics: '[Verse]\nSlow morning light',
			additionalFields: { title: 'Morning', seed: '42', length: 60, makeInstrumental: false },
			completion: 'submit',
		});
		expect(result.error).toBeUndefined();
		expect(fake().requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /producer/create']);
		expect(bodiesSentTo(fake(), 'POST', '/producer/create')).toEqual([
			{
				task_type: 'create_music',
				mv: 'FUZZ-2.0',
				sound: 'calm piano ambient',
				lyrics: '[Verse]\nSlow morning light',
				title: 'Morning',
				seed: '42',
				length: 60,
				make_instrumental: false,
			},
		]);
		const taskId = result.items[0].json.taskId as string;
		expect(result.items).toEqual([{ json: { taskId, state: 'submitted', pollPath: `/producer/task/${taskId}` }, pairedItem: { item: 0 } }]);
	});

	it.each([
		[
			'extend',
			{ taskType: 'extend_music', clipId: 'clip-1', startsAt: 30, lyrics: '[Outro]', instruction: 'fade out', additionalFields: { length: 20 } },
			{ task_type: 'extend_music', clip_id: 'clip-1', starts_at: 30, lyrics: '[Outro]', instruction: 'fade out', length: 20 },
		],
		[
			'replace',
			{ taskType: 'replace_music', clipId: 'clip-1', startsAt: 10, endsAt: 20, instruction: 'add a guitar solo' },
			{ task_type: 'replace_music', clip_id: 'clip-1', starts_at: 10, ends_at: 20, instruction: 'add a guitar solo' },
		],
		[
			'cover',
			{ taskType: 'cover_music', clipId: 'clip-1', sound: 'jazz trio', additionalFields: { strength: 0.6 } },
			{ task_type: 'cover_music', clip_id: 'clip-1', sound: 'jazz trio', strength: 0.6 },
		],
	])('builds the %s body from only the fields that task type shows', async (_name, params, expected) => {
		const result = await runMusicApi(fake(), { ...createParams, completion: 'submit', ...params });
		expect(result.error).toBeUndefined();
		expect(bodiesSentTo(fake(), 'POST', '/producer/create')).toEqual([expected]);
	});

	it.each([
		['extend_music', 'This run started 2 paid MusicAPI jobs, one per input item (2 × 12 = 24 credits).'],
		['cover_music', 'This run started 2 paid MusicAPI jobs, one per input item (each: not published).'],
		['create_music', 'This run started 2 paid MusicAPI jobs, one per input item (2 × 10 = 20 credits).'],
	])("a saved node of task type %s quotes that task's price in the run's cost hint", async (taskType, expected) => {
		const params = { ...createParams, completion: 'submit', taskType, clipId: 'clip-1', startsAt: 30, instruction: 'x' };
		const result = await runMusicApi(fake(), params, { items: [{ n: 1 }, { n: 2 }] });
		expect(result.error).toBeUndefined();
		const hints = (result.run.data.resultData.runData.MusicAPI?.[0]?.hints ?? []).map((h) => h.message);
		expect(hints).toEqual([expect.stringMatching(new RegExp(`^${expected.replace(/[().×]/g, '\\$&')}`))]);
	});

	it('waits for the task and returns its clips with audio and WAV URLs', async () => {
		const result = await runMusicApi(fake(), { ...createParams, completion: 'wait', resultOptions: WAIT });
		expect(result.error).toBeUndefined();
		expect(fake().requestsTo('GET', /^\/producer\/task\//).length).toBeGreaterThan(0);
		expect(result.items.length).toBeGreaterThanOrEqual(1);
		for (const item of result.items) {
			expect(item.json).toMatchObject({
				state: 'succeeded',
				clipId: expect.any(String),
				audioUrl: expect.stringMatching(/\.m4a$/),
				wavUrl: expect.stringMatching(/\.wav$/),
			});
			expect(item.pairedItem).toEqual({ item: 0 });
		}
	});

	it.each([
		['Create without sound or lyrics', { sound: '' }, '[item 0] Music Description / Lyrics: at least one is required to create music; all are empty'],
		['a title over 80 characters', { additionalFields: { title: 't'.repeat(81) } }, '[item 0] Title: is 81 characters long; the limit is 80'],
		['a section that ends before it starts', { taskType: 'replace_music', clipId: 'c', startsAt: 20, endsAt: 10 }, '[item 0] End (Seconds): 10 must be greater than Start (Seconds) (20)'],
		['a title on extend', { taskType: 'extend_music', clipId: 'c', startsAt: 5, additionalFields: { title: 'x' } }, '[item 0] Title: is not used by task_type extend_music (only by create_music)'],
		['a cover strength above 1', { taskType: 'cover_music', clipId: 'c', additionalFields: { strength: 1.5 } }, '[item 0] Cover Strength: 1.5 is outside the allowed range 0–1'],
		['an extend without source clip', { taskType: 'extend_music', clipId: '={{ "" }}', startsAt: 5 }, '[item 0] Source Clip ID: is required but empty'],
	])('rejects %s and sends nothing', async (_name, params, message) => {
		const result = await runMusicApi(fake(), { ...createParams, completion: 'submit', ...params });
		expect(result.error?.message).toBe(message);
		expect(fake().requests).toHaveLength(0);
	});

	it('checks every item first: one bad item among good ones sends nothing', async () => {
		const result = await runMusicApi(fake(), { ...createParams, sound: '={{ $json.sound }}', completion: 'submit' }, {
			items: [{ sound: 'lofi' }, { sound: '' }],
		});
		expect(result.error?.message).toBe('[item 1] Music Description / Lyrics: at least one is required to create music; all are empty');
		expect(fake().requests).toHaveLength(0);
	});
});
