import { runMusicApi, useFakeMusicApi } from './musicapi';

const fake = useFakeMusicApi();

describe('Credits → Get', () => {
	it('returns the balance from GET /get-credits with the bearer key', async () => {
		fake().setCredits(120, 30);
		const result = await runMusicApi(fake(), { resource: 'credits', operation: 'get' });
		expect(result.items.map((i) => i.json)).toEqual([{ credits: 120, extraCredits: 30, total: 150 }]);
		const [request] = fake().requestsTo('GET', '/get-credits');
		expect(request.headers.authorization).toBe('Bearer test-key');
	});

	it('maps a bad key to a clear auth error without the key in it', async () => {
		const result = await runMusicApi(fake(), { resource: 'credits', operation: 'get' }, { credentials: { apiKey: 'wrong-key-123' } });
		expect(result.error?.message).toMatch(/MusicAPI rejected the API key/);
		expect(result.error?.description).toMatch(/API key in the MusicAPI credential/);
		expect(JSON.stringify(result.error)).not.toContain('wrong-key-123');
		expect(result.logs.join('\n')).not.toContain('wrong-key-123');
	});
});
