import { bodiesSentTo, FAST_WAIT, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

const SUBMIT = { completion: 'submit' };
const WAIT = { completion: 'wait', resultOptions: { ...FAST_WAIT, downloadAudio: false } };
const base = { resource: 'sonic', operation: 'createVoice' };

describe('Sonic → Create Voice', () => {
	it('submits POST /sonic/create-voice with the URL and name and outputs the task to poll', async () => {
		const result = await runMusicApi(fake(), {
			...base,
			...SUBMIT,
			audioUrl: 'https://example.com/voice.mp3',
			additionalFields: { name: 'Anna' },
		});

		expect(result.error).toBeUndefined();
		expect(fake().requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /sonic/create-voice']);
		expect(bodiesSentTo(fake(), 'POST', '/sonic/create-voice')).toEqual([
			{ audio_url: 'https://example.com/voice.mp3', name: 'Anna' },
		]);
		expect(result.items).toHaveLength(1);
		const { json, pairedItem } = result.items[0];
		expect(json).toEqual({ taskId: expect.any(String), state: 'submitted', pollPath: `/sonic/task/${json.taskId as string}` });
		expect(pairedItem).toEqual({ item: 0 });
		expect(fake().credits().credits).toBe(1000 - 4);
	});

	it('waits for the persona and outputs its ID and name, one item per input item', async () => {
		const result = await runMusicApi(
			fake(),
			{ ...base, ...WAIT, audioUrl: '={{ $json.url }}', additionalFields: { name: '={{ $json.name }}' } },
			{
				items: [
					{ url: 'https://example.com/a.mp3', name: 'Anna' },
					{ url: 'http://example.com/b.wav', name: 'Ben' },
				],
			},
		);

		expect(result.error).toBeUndefined();
		expect(bodiesSentTo(fake(), 'POST', '/sonic/create-voice')).toEqual([
			{ audio_url: 'https://example.com/a.mp3', name: 'Anna' },
			{ audio_url: 'http://example.com/b.wav', name: 'Ben' },
		]);
		expect(fake().requestsTo('GET', /^\/sonic\/task\//).length).toBeGreaterThanOrEqual(2);
		expect(result.items.map((item) => item.json)).toEqual([
			{ taskId: expect.any(String), state: 'succeeded', personaId: expect.any(String), name: 'Anna' },
			{ taskId: expect.any(String), state: 'succeeded', personaId: expect.any(String), name: 'Ben' },
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('rejects a non-http(s) audio URL before sending anything', async () => {
		const result = await runMusicApi(fake(), { ...base, ...SUBMIT, audioUrl: 'ftp://example.com/voice.mp3' });

		expect(result.error?.message).toBe('[item 0] Audio URL: "ftp://example.com/voice.mp3" is not an http(s) URL');
		expect(fake().requests).toHaveLength(0);
	});

	it('rejects an empty audio URL and an over-long name, naming the item', async () => {
		// An empty static value is caught by n8n itself; an expression that resolves empty reaches the node.
		const empty = await runMusicApi(fake(), { ...base, ...SUBMIT, audioUrl: '={{ $json.url }}' }, { items: [{ url: '' }] });
		expect(empty.error?.message).toBe('[item 0] Audio URL: is required but empty');

		const long = await runMusicApi(
			fake(),
			{ ...base, ...SUBMIT, audioUrl: 'https://example.com/v.mp3', additionalFields: { name: '={{ $json.name }}' } },
			{ items: [{ name: 'ok' }, { name: 'x'.repeat(81) }] },
		);
		expect(long.error?.message).toBe('[item 1] Name: is 81 characters long; the limit is 80');
		expect(fake().requests).toHaveLength(0);
	});
});
