import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';

import { API_KEY, runMusicApi, SONIC_CREATE } from '../musicapi';

// The API key must never follow a redirect to another origin (another port on 127.0.0.1 is another origin).
// `api` stands for the Base URL; it redirects what a test says to `elsewhere`, which records every header it gets.

interface Seen {
	method: string;
	path: string;
	authorization: string | undefined;
}

type Handler = (req: IncomingMessage, res: ServerResponse, elsewhere: string) => void;

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; origin: string }> {
	const server = createServer(handler);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const json = (res: ServerResponse, status: number, body: unknown) => {
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify(body));
};

const redirect = (res: ServerResponse, status: number, location: string) => {
	res.writeHead(status, { location });
	res.end();
};

const TASK_ID = 'task-redirect-1';
const clip = (audioUrl: string) => ({
	clip_id: 'clip-1',
	state: 'succeeded',
	title: 'Redirected',
	audio_url: audioUrl,
	duration: '12.5',
	mv: 'sonic-v5',
});

let api: { server: Server; origin: string };
let elsewhere: { server: Server; origin: string };
let handler: Handler;
const atElsewhere: Seen[] = [];

beforeAll(async () => {
	elsewhere = await listen((req, res) => {
		atElsewhere.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization });
		req.resume();
		if (req.url?.startsWith('/files/')) {
			res.writeHead(200, { 'content-type': 'audio/mpeg' });
			res.end(Buffer.from('ID3-audio-bytes'));
		} else if (req.method === 'POST') json(res, 200, { message: 'success', task_id: TASK_ID });
		else json(res, 200, { code: 200, data: [clip(`${elsewhere.origin}/files/a.mp3`), { ...clip(`${elsewhere.origin}/files/b.mp3`), clip_id: 'clip-2' }] });
	});
	api = await listen((req, res) => {
		req.resume();
		handler(req, res, elsewhere.origin);
	});
});

afterEach(() => {
	atElsewhere.length = 0;
});

afterAll(async () => {
	await new Promise((resolve) => api.server.close(resolve));
	await new Promise((resolve) => elsewhere.server.close(resolve));
});

const create = SONIC_CREATE;
const wait = { completion: 'wait' };
const waitOptions = { pollInterval: 0.02, timeout: 0.1 };
const run = (parameters: object) => runMusicApi({ baseUrl: api.origin } as never, parameters as never);

function keyNeverLeftHome() {
	expect(atElsewhere.filter((seen) => seen.authorization !== undefined)).toEqual([]);
	expect(JSON.stringify(atElsewhere)).not.toContain(API_KEY);
}

describe('redirects never carry the API key to another origin', () => {
	it.each([307, 308, 302])('a create answered %i is not followed: a clear error, and nothing reaches the other origin', async (status) => {
		handler = (req, res, to) => redirect(res, status, `${to}${req.url}`);
		const result = await run({ ...create, completion: 'submit' });
		expect(result.error?.message).toMatch(new RegExp(`POST /sonic/create with a redirect \\(HTTP ${status} to http://127\\.0\\.0\\.1:\\d+\\)`));
		expect(result.error?.description).toMatch(/Base URL/);
		keyNeverLeftHome();
		expect(atElsewhere).toEqual([]);
	});

	it('a poll answered 302 is not followed', async () => {
		handler = (req, res, to) => {
			if (req.method === 'POST') json(res, 200, { message: 'success', task_id: TASK_ID });
			else redirect(res, 302, `${to}${req.url}`);
		};
		const result = await run({ ...create, ...wait, resultOptions: { ...waitOptions, downloadAudio: false } });
		expect(result.error?.message).toMatch(/GET \/sonic\/task\/task-redirect-1 with a redirect \(HTTP 302/);
		keyNeverLeftHome();
		expect(atElsewhere).toEqual([]);
	});

	it('a file download redirected to another origin is fetched there without the key', async () => {
		handler = (req, res, to) => {
			if (req.method === 'POST') json(res, 200, { message: 'success', task_id: TASK_ID });
			else if (req.url?.startsWith('/files/')) redirect(res, 302, `${to}${req.url}`);
			else json(res, 200, { code: 200, data: [clip(`${api.origin}/files/a.mp3`), { ...clip(`${api.origin}/files/b.mp3`), clip_id: 'clip-2' }] });
		};
		const result = await run({ ...create, ...wait, resultOptions: { ...waitOptions, downloadAudio: true } });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		expect(result.items[0].binary?.data?.mimeType).toBe('audio/mpeg');
		expect(atElsewhere.map((seen) => seen.path).sort()).toEqual(['/files/a.mp3', '/files/b.mp3']);
		keyNeverLeftHome();
	});
});
