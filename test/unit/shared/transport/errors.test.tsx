import { mapHttpError, mapNetworkError, neverReachedServer, redact, redactDeep, unconfirmedSubmitError } from '../../../../nodes/shared/transport/errors';

const where = { method: 'POST', path: '/sonic/create' };

describe('mapHttpError', () => {
	it.each([
		[401, { type: 'unauthorized', error: 'Authorization header is missing.' }, 'auth', /API key/],
		[402, { type: 'forbidden', error: 'Insufficient credits' }, 'credits', /credits/],
		[403, { type: 'forbidden', error: 'The remaining credits are not enough. You can buy more one-time credit packs or subscribe.' }, 'credits', /credits/],
		[403, { type: 'forbidden', error: 'You do not have an active subscription.' }, 'credits', /credits/],
		[403, { type: 'forbidden', error: "Your lyrics contain inappropriate content: 'xyz'" }, 'moderation', /refused/],
		[400, { type: 'validation_error', error: "The 'mv' field is invalid." }, 'validation', /rejected/],
		[404, { type: 'not_found', error: 'Not found' }, 'not_found', /does not know/],
		[410, { error: 'Gone' }, 'gone', /retired/],
		[429, { type: 'rate_limit', error: 'Too many requests.' }, 'rate_limit', /rate limit/],
		[500, { type: 'server_error', error: 'Internal Server Error.' }, 'server', /server error 500/],
		[502, '<html><body>Bad gateway</body></html>', 'server', /server error 502$/],
	])('%i %j → %s', (status, body, kind, message) => {
		const mapped = mapHttpError(status, body, where);
		expect(mapped.kind).toBe(kind);
		expect(mapped.message).toMatch(message);
		expect(mapped.description.length).toBeGreaterThan(20);
		expect(mapped.details.httpCode).toBe(String(status));
	});

	it("quotes the API's own words and keeps its type and request id", () => {
		const mapped = mapHttpError(400, { type: 'validation_error', error: 'The title character length should be less than 80.' }, { ...where, requestId: 'req-1' });
		expect(mapped.message).toContain('The title character length should be less than 80.');
		expect(mapped.details).toMatchObject({ type: 'validation_error', requestId: 'req-1', request: 'POST /sonic/create' });
	});

	it('reads `message` and `detail` bodies seen in the wild', () => {
		expect(mapHttpError(400, { message: 'task not found.' }, where).message).toContain('task not found.');
		expect(mapHttpError(400, { detail: 'missing task id.' }, where).message).toContain('missing task id.');
	});
});

describe('network and submit errors', () => {
	it('knows which failures never reached the server', () => {
		expect(neverReachedServer('ECONNREFUSED')).toBe(true);
		expect(neverReachedServer('ECONNRESET')).toBe(false);
		expect(neverReachedServer('ECONNABORTED')).toBe(false);
		expect(neverReachedServer(undefined)).toBe(false);
	});

	it('says a timed-out request timed out', () => {
		expect(mapNetworkError('ECONNABORTED', where).message).toMatch(/did not answer .* in time/);
		expect(mapNetworkError('ECONNRESET', where).message).toContain('ECONNRESET');
	});

	it('says an unconfirmed create was not resent', () => {
		const mapped = unconfirmedSubmitError('HTTP 502', where);
		expect(mapped.message).toMatch(/not sent again/);
		expect(mapped.description).toMatch(/never charged twice/);
	});
});

describe('redact', () => {
	it('removes every secret occurrence', () => {
		expect(redact('key sk-12345 and sk-12345 and whsec', ['sk-12345', 'whsec'])).toBe('key *** and *** and ***');
	});
	it('ignores empty and very short secrets', () => {
		expect(redact('abc', ['', 'a'])).toBe('abc');
	});
});

describe('redact: every form a secret takes (issue 12)', () => {
	const secret = 'we"ird\\sec-ret';
	it('masks the raw, the JSON-escaped and the doubly escaped forms, leaving valid JSON valid', () => {
		const details = { raw: `key ${secret}`, body: JSON.stringify({ echoed: secret }), nested: JSON.stringify(JSON.stringify({ s: secret })) };
		const text = JSON.stringify(details);
		const clean = redact(text, [secret]);
		expect(clean).not.toContain('ird');
		expect(JSON.parse(clean)).toEqual({ raw: 'key ***', body: '{"echoed":"***"}', nested: JSON.stringify(JSON.stringify({ s: '***' })) });
		expect(redact(`plain ${secret}.`, [secret])).toBe('plain ***.');
	});

	it('redactDeep masks keys and values of a parsed body the same way', () => {
		expect(redactDeep({ [secret]: [secret, { v: `x${secret}x` }] }, [secret])).toEqual({ '***': ['***', { v: 'x***x' }] });
	});
});

describe('a redirect answer (issue 23, N2)', () => {
	it('is an error that names only the origin it pointed to, never its user info, path or query', () => {
		const mapped = mapHttpError(302, '', { method: 'GET', path: '/sonic/task/t1', location: 'https://user:pw@evil.example:8443/steal?token=abc' });
		expect(mapped.message).toBe('MusicAPI answered GET /sonic/task/t1 with a redirect (HTTP 302 to https://evil.example:8443), which is not followed');
		expect(JSON.stringify(mapped)).not.toMatch(/pw|token|steal/);
		expect(mapped.description).toMatch(/Base URL/);
	});
});

describe('MusicAPI errors name fields as the panel shows them', () => {
	const fieldNames = { mv: 'Model', continue_clip_id: 'Source Clip ID', prompt: 'Lyrics', gpt_description_prompt: 'Song Description' };
	const rejected = (error: string) => mapHttpError(400, { type: 'validation_error', error }, { ...where, fieldNames, itemIndex: 2 });

	it.each([
		["The 'mv' field is invalid.", 'The Model (mv) field is invalid.', 'Fix "Model" on input item 2'],
		['name and continue_clip_id are required fields.', 'name and Source Clip ID (continue_clip_id) are required fields.', 'Fix "Source Clip ID" on input item 2'],
		["The 'gpt_description_prompt' character length should be less than 400.", 'The Song Description (gpt_description_prompt) character length should be less than 400.', 'Fix "Song Description" on input item 2'],
		// A bare plain word is prose, not a field: only quoted or snake_case names are replaced.
		['The prompt character length should be less than 5000.', 'The prompt character length should be less than 5000.', 'Fix the field the message names on input item 2'],
	])('%s', (error, message, fix) => {
		const mapped = rejected(error);
		expect(mapped.message).toBe(`MusicAPI rejected the request: ${message}`);
		expect(mapped.description).toBe(`${fix} and run again. Rejected requests are not charged.`);
		// MusicAPI's own words stay in the details, for support.
		expect(mapped.details.error).toBe(error);
	});
});
