import { type FakeMusicApi, startFakeMusicApi } from './index';
import { call, CREATE_BODY, get, post } from './test-helpers';

describe('fake MusicAPI: auth, routing and the request log', () => {
	let fake: FakeMusicApi;
	beforeAll(async () => {
		fake = await startFakeMusicApi({ apiKeys: ['test-key', 'second-key'] });
	});
	afterAll(() => fake.stop());
	beforeEach(() => fake.reset());

	it('listens on 127.0.0.1 with the API under /api/v1', () => {
		expect(fake.origin).toBe(`http://127.0.0.1:${fake.port}`);
		expect(fake.baseUrl).toBe(`${fake.origin}/api/v1`);
		expect(fake.port).toBeGreaterThan(0);
	});

	it('answers 401 "Authorization header is missing." without a header', async () => {
		const result = await get(fake, '/get-credits', null);
		expect(result.status).toBe(401);
		expect(result.body).toEqual({ type: 'unauthorized', error: 'Authorization header is missing.' });
	});

	it('answers 401 "Invalid authorization format." for a non-Bearer header', async () => {
		for (const header of ['Token test-key', 'test-key', 'Bearer', 'Basic dGVzdDprZXk=']) {
			const result = await call(fake, 'GET', '/get-credits', undefined, { key: null, headers: { Authorization: header } });
			expect(result.status).toBe(401);
			expect(result.body).toEqual({ type: 'unauthorized', error: 'Invalid authorization format.' });
		}
	});

	it('answers 401 "Invalid API key." for an unknown key, and accepts every configured key', async () => {
		const bad = await get(fake, '/get-credits', 'wrong-key');
		expect(bad.status).toBe(401);
		expect(bad.body).toEqual({ type: 'unauthorized', error: 'Invalid API key.' });
		expect((await get(fake, '/get-credits', 'second-key')).status).toBe(200);
		fake.options.apiKeys.push('added-later');
		expect((await get(fake, '/get-credits', 'added-later')).status).toBe(200);
	});

	it('answers 404 not_found for an unknown route or method, after auth', async () => {
		const unknown = await get(fake, '/sonic/nothing-here');
		expect(unknown.status).toBe(404);
		expect(unknown.body.type).toBe('not_found');
		expect((await get(fake, '/sonic/create')).status).toBe(404);
		expect((await get(fake, '/sonic/nothing-here', null)).status).toBe(401);
		expect((await call(fake, 'GET', `${fake.origin}/elsewhere`)).status).toBe(404);
	});

	it('rejects a body that is not JSON, or not an object', async () => {
		const broken = await post(fake, '/sonic/create', '{"custom_mode":');
		expect(broken.status).toBe(400);
		expect(broken.body).toEqual({ type: 'validation_error', error: 'The request body is not valid JSON.' });
		const array = await post(fake, '/sonic/create', '[1,2]');
		expect(array.body.error).toBe('The request body should be a JSON object.');
	});

	it('answers unknown and missing task ids like the real API', async () => {
		const unknown = await get(fake, '/sonic/task/00000000-0000-0000-0000-000000000000');
		expect(unknown.status).toBe(400);
		expect(unknown.body).toEqual({ type: 'validation_error', error: 'task not found.' });
		const missing = await get(fake, '/sonic/task/');
		expect(missing.status).toBe(400);
		expect(missing.body.error).toBe('missing task id.');
	});

	it('keeps tasks private to the key that created them', async () => {
		const submitted = await post(fake, '/sonic/create', CREATE_BODY);
		expect((await get(fake, `/sonic/task/${submitted.body.task_id}`, 'second-key')).body.error).toBe('task not found.');
		expect((await get(fake, `/sonic/task/${submitted.body.task_id}`)).status).toBe(202);
	});

	it('logs every request with path, query, headers, body and the status it got', async () => {
		await post(fake, '/sonic/create', CREATE_BODY);
		await get(fake, '/sonic/batch?batch_id=abc');
		await get(fake, '/get-credits', null);
		expect(fake.requests.map((request) => [request.method, request.path, request.status])).toEqual([
			['POST', '/sonic/create', 200],
			['GET', '/sonic/batch', 400],
			['GET', '/get-credits', 401],
		]);
		const [create, batch] = fake.requests;
		expect(create.body).toEqual(CREATE_BODY);
		expect(JSON.parse(create.rawBody)).toEqual(CREATE_BODY);
		expect(create.headers.authorization).toBe('Bearer test-key');
		expect(batch.query).toEqual({ batch_id: 'abc' });
		expect(batch.body).toBeUndefined();
		expect(create.id).toBeLessThan(batch.id);
		expect(typeof create.time).toBe('number');
		expect(fake.requestsTo('post', '/sonic/create')).toHaveLength(1);
		expect(fake.requestsTo('GET', /^\/(get-credits|sonic\/batch)$/)).toHaveLength(2);
	});
});
