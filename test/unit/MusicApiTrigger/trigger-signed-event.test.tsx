/**
 * Issue 23 (N1): what a delivery is decided by comes from signed bytes. X-Webhook-Event (like X-Webhook-Id) is
 * outside the signature; a captured delivery resent within the window under another header must not pass for
 * another event. And every verified delivery is remembered, whether the filters run the workflow or not.
 */
import type { IDataObject } from 'n8n-workflow';

import { forgetAcceptedInProcess } from '../../../nodes/MusicApiTrigger/state';
import type { Delivery } from './trigger-harness';
import { completed, harness, items, run, signed, sonicClip } from './trigger-harness';

beforeEach(() => forgetAcceptedInProcess());

/** A streaming preview as the docs' example shapes a delivery: no `event` in the body, only the header says so. */
const streamingBody = { code: 200, message: 'success', task_id: 'task-7', platform: 'suno', data: [sonicClip('a', 'streaming', { audio_url: 'https://cdn.example/preview.m3u8' })] };

/** The same bytes and signature with other unsigned headers, as anyone who saw the delivery can send them. */
function withHeaders(delivery: Delivery, headers: Record<string, string>): Delivery {
	return { ...delivery, headers: { ...delivery.headers, ...headers } };
}

describe('the event comes from the signed body, never from X-Webhook-Event', () => {
	it('a captured streaming delivery resent as "song.completed" under a new id does not run the workflow', async () => {
		const staticData: IDataObject = {};
		const real = signed(streamingBody, { id: 'stream-1', event: 'song.streaming' });
		const first = harness(real, { staticData });
		await run(first);
		expect(first.res.body).toEqual({ received: true, ignored: true });

		forgetAcceptedInProcess(); // even in another process, with only the static data shared
		const forged = harness(withHeaders(real, { 'x-webhook-id': 'forged-1', 'x-webhook-event': 'song.completed' }), { staticData });
		expect((await run(forged)).workflowData).toBeUndefined();
		expect(forged.res.body).toEqual({ received: true, duplicate: true });
	});

	it('a signed body without an event is read from its clips: streaming clips are a streaming delivery whatever the header says', async () => {
		const h = harness(signed(streamingBody, { id: 's-2', event: 'song.completed' }));
		expect((await run(h)).workflowData).toBeUndefined();
		expect(h.res.body).toEqual({ received: true, ignored: true });
	});

	it('with Streaming selected, the same delivery runs as streaming (the header cannot promote it)', async () => {
		const h = harness(signed(streamingBody, { id: 's-3', event: 'song.completed' }), { params: { events: ['streaming', 'completed'] } });
		expect(items(await run(h)).map((item) => [item.json.event, item.json.state])).toEqual([['song.streaming', 'streaming']]);
	});

	it('after the preview, the genuine completion still runs the workflow once', async () => {
		const staticData: IDataObject = {};
		await run(harness(signed(streamingBody, { id: 'p-1', event: 'song.streaming' }), { staticData }));
		const done = completed('suno', { task_id: 'task-7', event: undefined, data: [sonicClip('a'), sonicClip('b')] });
		const [a, b] = items(await run(harness(signed(done, { id: 'p-2', event: 'song.completed' }), { staticData })));
		expect([a.json.event, b.json.state]).toEqual(['song.completed', 'succeeded']);
	});

	it('on the test URL, an unsigned delivery may still name its event in the header (nothing is verified there)', async () => {
		const unsigned = { body: JSON.stringify(streamingBody), headers: { 'content-type': 'application/json', 'x-webhook-event': 'song.streaming' } };
		const h = harness(unsigned, { params: { acceptUnsigned: true, events: ['streaming'] }, mode: 'manual' });
		expect(items(await run(h)).map((item) => item.json.event)).toEqual(['song.streaming']);
	});
});

describe('every verified delivery is remembered, whatever the filters decide', () => {
	it('an ignored delivery sent again (new id, same signature) is a duplicate, in this process and in another', async () => {
		const staticData: IDataObject = {};
		const failed = signed(completed('suno', { code: 500, message: 'boom', event: 'song.failed' }), { id: 'f-1' });
		const params = { events: ['completed'] };
		const first = harness(failed, { params, staticData });
		await run(first);
		expect(first.res.body).toEqual({ received: true, ignored: true });
		const again = harness(withHeaders(failed, { 'x-webhook-id': 'f-2' }), { params, staticData });
		await run(again);
		expect(again.res.body).toEqual({ received: true, duplicate: true });
		forgetAcceptedInProcess();
		const elsewhere = harness(withHeaders(failed, { 'x-webhook-id': 'f-3' }), { params, staticData });
		await run(elsewhere);
		expect(elsewhere.res.body).toEqual({ received: true, duplicate: true });
	});
});
