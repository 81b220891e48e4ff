/**
 * The credential's "Test" button in a real n8n (POST /rest/credentials/test, what the editor calls) against the
 * fake MusicAPI: a refused key says what to check, as the node's own error does, not only "Unauthorized"; a Base
 * URL that answers 404 says where to point it; the right key passes.
 */
import type { FakeMusicApi } from '../fake-musicapi';
import { startN8n, type N8n } from './harness';
import { CREDENTIAL_TYPE, E2E_API_KEY, startE2eFake } from './helpers/musicapi';

let n8n: N8n;
let fake: FakeMusicApi;
let count = 0;

beforeAll(async () => {
	fake = await startE2eFake();
	n8n = await startN8n();
});

afterAll(async () => {
	await n8n?.stop();
	await fake?.stop();
});

/** Saves a credential with this data, then presses its Test button (n8n tests a saved credential by id). */
async function testCredential(data: Record<string, unknown>): Promise<{ status: string; message: string }> {
	const saved = await n8n.createCredential(CREDENTIAL_TYPE, `MusicAPI (test button ${++count})`, data);
	const answer = await n8n.rest<{ data: { status: string; message: string } }>('POST', '/credentials/test', {
		credentials: { id: saved.id, name: saved.name, type: CREDENTIAL_TYPE, data },
	});
	return answer.data;
}

test('a refused key says what to check (the API key, the Base URL), as the node does', async () => {
	const result = await testCredential({ apiKey: 'not-the-key', baseUrl: fake.baseUrl });
	expect(result.status).toBe('Error');
	expect(result.message).toBe(
		'MusicAPI rejected the API key. Check the API key in the MusicAPI credential (MusicAPI dashboard → API Keys) and that the Base URL points at the MusicAPI host the key belongs to.',
	);
});

test('a Base URL without MusicAPI behind it says where to point it', async () => {
	const result = await testCredential({ apiKey: E2E_API_KEY, baseUrl: `${fake.origin}/not-the-api` });
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(/^The Base URL answers, but not as MusicAPI \(no \/get-credits there\)\. Set it to https:\/\/api\.musicapi\.ai\/api\/v1/);
});

test('the right key passes', async () => {
	expect(await testCredential({ apiKey: E2E_API_KEY, baseUrl: fake.baseUrl })).toMatchObject({ status: 'OK' });
});
