/**
 * Issue 15: a poll that meets a 60-second 429 storm (scaled 20×: 3 s) still delivers the song. Before, the poll of
 * a job already paid for gave up after Max Retries and the workflow lost the song; a 429 means "not served",
 * and a poll is free to repeat, so it now waits the storm out until the wait's own Timeout.
 */
import { runMusicApi, useFakeMusicApi } from '../integration/musicapi';
import { sonicBatch } from './helpers/scenario';

const TIME_SCALE = 0.05;
const STORM_MS = 60_000 * TIME_SCALE;
const fake = useFakeMusicApi({ timeScale: TIME_SCALE, jobLatencyMs: 20_000 });

const song = sonicBatch({
	gptDescriptionPrompt: 'a song through the storm',
	resultOptions: { pollInterval: 15 * TIME_SCALE, timeout: 1, downloadAudio: false },
	requestOptions: { interval: 0.1, retryDelay: 100, maxRetries: 0 },
});

describe('a 60-second 429 storm on polls (scaled)', () => {
	it.each([
		['with Retry-After: 1', 1],
		['without Retry-After (backoff)', undefined],
	])('%s: the poll waits it out and the song is delivered; the create is sent once', async (_name, retryAfter) => {
		// The storm breaks as soon as the job is created, so it meets every poll of the next 3 s however slowly n8n
		// starts up.
		let stormStart = 0;
		const watch = setInterval(() => {
			if (stormStart || fake().requestsTo('POST', '/sonic/create').length === 0) return;
			stormStart = Date.now();
			fake().injectFault({ method: 'GET', path: /^\/sonic\/task\// }, { type: 'status', status: 429, retryAfter }, Infinity, STORM_MS);
		}, 2);
		const result = await runMusicApi(fake(), song).finally(() => clearInterval(watch));

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.state)).toEqual(['succeeded', 'succeeded']);
		expect(fake().requestsTo('POST', '/sonic/create')).toHaveLength(1);
		const polls = fake().requestsTo('GET', /^\/sonic\/task\//);
		const refused = polls.filter((poll) => poll.status === 429);
		// Max Retries 0 would have ended the run at the first refusal, were a 429 a failure; the polls were refused
		// until the storm's last second, and then answered.
		expect(refused.length).toBeGreaterThanOrEqual(1);
		expect(Math.max(...refused.map((poll) => poll.time)) - stormStart).toBeGreaterThanOrEqual(STORM_MS - 1500);
		expect(polls.at(-1)?.status).toBe(200);
		expect(polls.at(-1)!.time - stormStart).toBeGreaterThanOrEqual(STORM_MS);
		expect(result.logs.join('\n')).toMatch(/rate limit on GET \/sonic\/task\/\S+; retrying in \d+ ms/);
	});
});
