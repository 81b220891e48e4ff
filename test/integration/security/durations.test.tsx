import { runMusicApi, SONIC_CREATE, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

const create = { ...SONIC_CREATE, completion: 'wait' };

// Issue 23 (N3, N4): an expression or an imported workflow bypasses the editor's maximum; the run checks again,
// before anything is sent, and names the field and the item.
describe('a duration above its maximum fails the run before anything is sent', () => {
	it.each([
		['Request Options', 'Seconds Between Requests', { interval: 86_400 }, '0 to 60, got 86400', /every execution on the API key waits in one queue/],
		['Request Options', 'Max Wait on Rate Limit (Seconds)', { rateLimitWait: 86_400 }, '0 to 3600, got 86400', /an hour/],
		['Request Options', 'Request Timeout (Seconds)', { timeout: 2_200_000 }, '1 to 3600, got 2200000', /queue/],
		['Request Options', 'Retry Delay (Milliseconds)', { retryDelay: 3_000_000_000 }, '0 to 60000, got 3000000000', /60 s/],
		['Result Options', 'Poll Interval (Seconds)', { pollInterval: 2_200_000 }, '0 to 3600, got 2200000', /delays the result/],
		['Result Options', 'Timeout (Minutes)', { timeout: 40_000 }, '0 to 1440, got 40000', /a day/],
	])('%s → %s', async (collection, label, value, range, why) => {
		const options = collection === 'Request Options' ? { requestOptions: { interval: 0, ...value } } : { resultOptions: value };
		const result = await runMusicApi(fake(), { ...create, ...options });
		expect(result.error?.message).toBe(`[item 0] ${collection} → ${label}: must be a number from ${range}`);
		expect(result.error?.description).toContain(`"${label}"`);
		expect(result.error?.description).toMatch(why);
		expect(fake().requests).toEqual([]);
	});

	it('a negative value from an expression is refused too', async () => {
		const result = await runMusicApi(fake(), { ...create, resultOptions: { pollInterval: -5 } });
		expect(result.error?.message).toBe('[item 0] Result Options → Poll Interval (Seconds): must be a number from 0 to 3600, got -5');
	});

	it.each([
		['Upload Timeout (Seconds)', { resource: 'sonic', operation: 'upload', url: 'https://example.com/a.mp3', options: { uploadTimeout: 86_400 } }],
		['Retry Delay (Seconds)', { resource: 'sonic', operation: 'midi', clipId: 'clip-1', options: { retryDelay: 86_400 } }],
	])('an operation’s own %s is bounded per item', async (label, parameters) => {
		const result = await runMusicApi(fake(), parameters, { items: [{}, {}] });
		expect(result.error?.message).toMatch(new RegExp(`^\\[item 0\\] ${label.replace(/[()]/g, '\\$&')}: 86400 is outside the allowed range`));
		expect(fake().requests).toEqual([]);
	});
});
