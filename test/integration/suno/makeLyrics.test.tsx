import { bodiesSentTo, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

describe('Suno (Legacy) → Make Lyrics', () => {
	it('posts {prompt} to /suno/make-lyrics and returns the task id with its Get Lyrics path', async () => {
		const result = await runMusicApi(fake(), { resource: 'suno', operation: 'makeLyrics', prompt: 'a hopeful song about leaving home' });
		expect(result.error).toBeUndefined();
		expect(fake().requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /suno/make-lyrics']);
		expect(bodiesSentTo(fake(), 'POST', '/suno/make-lyrics')).toEqual([{ prompt: 'a hopeful song about leaving home' }]);
		const taskId = result.items[0].json.taskId as string;
		expect(taskId).toEqual(expect.any(String));
		expect(result.items).toEqual([
			{ json: { taskId, state: 'submitted', pollPath: `/suno/get-lyrics/${taskId}` }, pairedItem: { item: 0 } },
		]);
	});

	it('submits one job per item, each paired with its input', async () => {
		const result = await runMusicApi(fake(), { resource: 'suno', operation: 'makeLyrics', prompt: '={{ $json.idea }}' }, {
			items: [{ idea: 'rain' }, { idea: 'sun' }],
		});
		expect(bodiesSentTo(fake(), 'POST', '/suno/make-lyrics')).toEqual([{ prompt: 'rain' }, { prompt: 'sun' }]);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('names the empty Prompt and the item, and sends nothing', async () => {
		const result = await runMusicApi(fake(), { resource: 'suno', operation: 'makeLyrics', prompt: '={{ $json.idea }}' }, { items: [{ idea: ' ' }] });
		expect(result.error?.message).toBe('[item 0] Prompt: is required but empty');
		expect(fake().requests).toHaveLength(0);
	});

	it('gives an error item under Continue On Fail and carries on', async () => {
		const result = await runMusicApi(fake(), { resource: 'suno', operation: 'makeLyrics', prompt: '={{ $json.idea }}' }, {
			items: [{ idea: '' }, { idea: 'sun' }],
			continueOnFail: true,
		});
		expect(result.items[0]).toEqual({ json: expect.objectContaining({ error: '[item 0] Prompt: is required but empty' }), pairedItem: { item: 0 } });
		expect(result.items[1].json.state).toBe('submitted');
		expect(bodiesSentTo(fake(), 'POST', '/suno/make-lyrics')).toEqual([{ prompt: 'sun' }]);
	});
});
