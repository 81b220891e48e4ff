import { runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

async function makeLyrics(prompt: string): Promise<string> {
	const result = await runMusicApi(fake(), { resource: 'suno', operation: 'makeLyrics', prompt });
	return result.items[0].json.taskId as string;
}

describe('Suno (Legacy) → Get Lyrics', () => {
	it('asks GET /suno/get-lyrics/{id} and returns the lyrics data with the task id', async () => {
		const taskId = await makeLyrics('a hopeful song about leaving home');
		fake().advanceTime(10 * 60_000);
		fake().requests.length = 0;
		const result = await runMusicApi(fake(), { resource: 'suno', operation: 'getLyrics', taskId });
		expect(result.error).toBeUndefined();
		expect(fake().requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /suno/get-lyrics/${taskId}`]);
		expect(fake().requests[0].query).toEqual({});
		expect(result.items).toEqual([
			{
				json: { taskId, status: 'complete', title: expect.any(String), text: expect.stringContaining('[') },
				pairedItem: { item: 0 },
			},
		]);
	});

	it('returns the API\'s status while the job runs', async () => {
		fake().options.timeScale = 1;
		const taskId = await makeLyrics('rain');
		const result = await runMusicApi(fake(), { resource: 'suno', operation: 'getLyrics', taskId });
		expect(result.items[0].json).toMatchObject({ taskId, status: expect.stringMatching(/^(pending|running)$/) });
	});

	it('names the empty Task ID and the item, and asks nothing', async () => {
		const result = await runMusicApi(fake(), { resource: 'suno', operation: 'getLyrics', taskId: '={{ "" }}' });
		expect(result.error?.message).toBe('[item 0] Task ID: is required but empty');
		expect(fake().requests).toHaveLength(0);
	});

	it('quotes MusicAPI for an unknown task', async () => {
		const result = await runMusicApi(fake(), { resource: 'suno', operation: 'getLyrics', taskId: 'nope' });
		expect(result.error?.message).toMatch(/task not found/);
	});
});
