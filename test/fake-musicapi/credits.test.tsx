import { CREDITS_MESSAGE, DEFAULT_COSTS, type FakeMusicApi, startFakeMusicApi } from './index';
import { CREATE_BODY, FINISH_MS, get, post, submit } from './test-helpers';

describe('fake MusicAPI: credits', () => {
	let fake: FakeMusicApi;
	beforeAll(async () => {
		fake = await startFakeMusicApi({ apiKeys: ['test-key', 'other-key'], uploadLatencyMs: 0, uploadStepLatencyMs: 0 });
	});
	afterAll(() => fake.stop());
	beforeEach(() => fake.reset());

	it('GET /get-credits answers {credits, extra_credits} without an envelope', async () => {
		const result = await get(fake, '/get-credits');
		expect(result.status).toBe(200);
		expect(result.body).toEqual({ credits: 1000, extra_credits: 0 });
	});

	it('deducts the cost of each billable call before answering, per key', async () => {
		await submit(fake, '/sonic/create', CREATE_BODY);
		expect(fake.credits()).toEqual({ credits: 980, extra_credits: 0 });
		await submit(fake, '/sonic/create', { task_type: 'concat_music', continue_clip_id: 'c1' });
		await post(fake, '/sonic/wav', { clip_id: 'c1' });
		expect((await get(fake, '/get-credits')).body).toEqual({ credits: 980 - DEFAULT_COSTS['sonic/create:concat_music'] - DEFAULT_COSTS['sonic/wav'], extra_credits: 0 });
		expect(fake.credits('other-key')).toEqual({ credits: 1000, extra_credits: 0 });
	});

	it('spends extra credits first', async () => {
		fake.setCredits(100, 10);
		await submit(fake, '/sonic/create', CREATE_BODY);
		expect(fake.credits()).toEqual({ credits: 90, extra_credits: 0 });
		fake.setCredits(50, 30, 'other-key');
		expect(fake.credits('other-key')).toEqual({ credits: 50, extra_credits: 30 });
	});

	it('refuses a shortfall with 403 and the documented message, charging nothing', async () => {
		fake.setCredits(10, 4);
		const result = await post(fake, '/sonic/create', CREATE_BODY);
		expect(result.status).toBe(403);
		expect(result.body).toEqual({ type: 'forbidden', error: CREDITS_MESSAGE });
		expect(fake.credits()).toEqual({ credits: 10, extra_credits: 4 });
		// A cheaper call still fits.
		expect((await post(fake, '/sonic/create', { task_type: 'concat_music', continue_clip_id: 'c1' })).status).toBe(200);
	});

	it('can answer a shortfall with 402 instead (SDK/quickstart variant)', async () => {
		fake.options.creditErrorStatus = 402;
		fake.setCredits(0, 0);
		const result = await post(fake, '/sonic/lyrics', { description: 'a song' });
		expect(result.status).toBe(402);
		expect(result.body.error).toBe(CREDITS_MESSAGE);
	});

	it('refunds a failed task once it fails, and a timed-out one', async () => {
		await submit(fake, '/sonic/create', { ...CREATE_BODY, gpt_description_prompt: 'a song [fake:fail]' });
		await submit(fake, '/producer/create', { sound: 'calm piano [fake:timeout]' });
		expect(fake.credits().credits).toBe(1000 - 20 - 10);
		fake.advanceTime(FINISH_MS);
		expect(fake.credits().credits).toBe(1000);
	});

	it('does not refund a task where only one clip failed', async () => {
		await submit(fake, '/sonic/create', { ...CREATE_BODY, gpt_description_prompt: 'a song [fake:fail-one]' });
		fake.advanceTime(FINISH_MS);
		expect((await get(fake, '/get-credits')).body.credits).toBe(980);
	});

	it('uses the configured cost table, merged over the defaults', async () => {
		fake.options.costs['sonic/create:create_music'] = 14;
		await submit(fake, '/sonic/create', CREATE_BODY);
		await post(fake, '/sonic/bpm', { clip_id: 'c1' });
		expect(fake.credits().credits).toBe(1000 - 14 - 1);
		const custom = await startFakeMusicApi({ costs: { 'sonic/bpm': 5 } });
		try {
			expect(custom.options.costs['sonic/bpm']).toBe(5);
			expect(custom.options.costs['sonic/create:create_music']).toBe(20);
		} finally {
			await custom.stop();
		}
	});

	it('charges a batch for all its items at once, or not at all', async () => {
		fake.setCredits(20);
		const refused = await post(fake, '/sonic/batch', { items: [CREATE_BODY, CREATE_BODY] });
		expect(refused.status).toBe(403);
		expect(fake.credits().credits).toBe(20);
		fake.setCredits(100);
		const accepted = await post(fake, '/sonic/batch', { items: [CREATE_BODY, { ...CREATE_BODY, gpt_description_prompt: 'x [fake:fail]' }] });
		expect(accepted.status).toBe(200);
		expect(fake.credits().credits).toBe(60);
		fake.advanceTime(FINISH_MS);
		expect(fake.credits().credits).toBe(80);
	});

	it('charges aligned lyrics, midi and download only on the first call per clip', async () => {
		for (let call = 0; call < 3; call++) {
			await post(fake, '/sonic/aligned-lyrics', { clip_id: 'clip-a' });
			await post(fake, '/sonic/midi', { clip_id: 'clip-a' });
			await post(fake, '/sonic/download', { clip_id: 'clip-a', formats: ['mp3'] });
		}
		expect(fake.credits().credits).toBe(1000 - 1 - 1 - 2);
	});

	it('never charges a moderated request or a failed sync call', async () => {
		expect((await post(fake, '/sonic/create', { ...CREATE_BODY, gpt_description_prompt: 'bad [fake:moderate]' })).status).toBe(403);
		expect((await post(fake, '/sonic/bpm', { clip_id: 'c1 [fake:fail]' })).status).toBe(500);
		expect(fake.credits().credits).toBe(1000);
	});
});
