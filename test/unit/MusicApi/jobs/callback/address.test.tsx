/** Callback mode's address and secret (issue 12): a per-execution secret always; the execution id parsed strictly. */
import { createHmac } from 'node:crypto';

import { callbackSecret, executionIdOf } from '../../../../../nodes/MusicApi/jobs/callback/address';
import { reminderBody } from '../../../../../nodes/MusicApi/jobs/callback/deadline';

const hmac = (key: string, id: string) => createHmac('sha256', key).update(`musicapi-callback:${id}`).digest('hex');

describe('callbackSecret', () => {
	it('is derived per execution from the credential secret when there is one, else from the API key', () => {
		expect(callbackSecret({ apiKey: 'k', webhookSecret: 'whsec' }, '12')).toBe(hmac('whsec', '12'));
		expect(callbackSecret({ apiKey: 'k', webhookSecret: '' }, '12')).toBe(hmac('k', '12'));
		expect(callbackSecret({ apiKey: 'k', webhookSecret: 'whsec' }, '12')).not.toBe(callbackSecret({ apiKey: 'k', webhookSecret: 'whsec' }, '13'));
		expect(callbackSecret({ apiKey: 'k', webhookSecret: 'whsec' }, '12')).not.toContain('whsec');
	});

	it('is none at all when the credential has neither (issue 23, C6): HMAC("", id) is computable by anyone', () => {
		expect(callbackSecret({ apiKey: '', webhookSecret: '' }, '12')).toBeUndefined();
		expect(callbackSecret({ apiKey: '   ' }, '12')).toBeUndefined();
		expect(callbackSecret({}, '12')).toBeUndefined();
	});
});

describe('executionIdOf (strict)', () => {
	const node = 'node-1';
	it.each([
		['/webhook-waiting/123/node-1?signature=tok', '123'],
		['http://n8n:5678/base/webhook-waiting/123/node-1?signature=tok', '123'],
		// n8n's other form: the node id after the token (WaitingWebhooks.parseSignatureParam)
		['/webhook-waiting/123?signature=tok/node-1', '123'],
	])('%s → %s', (url, id) => {
		expect(executionIdOf(url, node)).toBe(id);
	});

	it.each([
		['/webhook-waiting/123?signature=tok', 'no node id anywhere'],
		['/webhook-waiting/123/other-node?signature=tok', "another node's id"],
		['/node-1?signature=tok', 'no execution segment'],
		['/webhook-waiting/..%2F1/node-1?signature=tok', 'an id with a path in it'],
		['/webhook-waiting/a.b/node-1', 'an id with a dot'],
		[`/webhook-waiting/${'9'.repeat(65)}/node-1`, 'an id of 65 characters'],
	])('%s → undefined (%s), never a neighbouring segment', (url) => {
		expect(executionIdOf(url, node)).toBeUndefined();
	});
});

describe('the wait-limit reminder', () => {
	it('names its execution in the signed body', () => {
		expect(JSON.parse(reminderBody('77'))).toMatchObject({ event: 'musicapi.deadline', execution_id: '77' });
	});
});
