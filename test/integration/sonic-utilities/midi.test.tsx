import { bodiesSentTo, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

const base = { resource: 'sonic', operation: 'midi', clipId: 'clip-m-1' };
const FAST_RETRY = { retryDelay: 0.01 };

describe('Sonic → MIDI', () => {
	it('asks again while MusicAPI answers 202 and returns the simplified MIDI', async () => {
		fake().setCredits(100, 0);
		const result = await runMusicApi(fake(), { ...base, options: FAST_RETRY });
		expect(result.error).toBeUndefined();
		// The fake answers 202 once per clip (midiNotReadyCalls: 1), then 200; the same POST is repeated.
		const requests = fake().requestsTo('POST', '/sonic/midi');
		expect(requests.map((r) => [r.method, r.path, r.status])).toEqual([
			['POST', '/sonic/midi', 202],
			['POST', '/sonic/midi', 200],
		]);
		expect(requests.map((r) => r.body)).toEqual([{ clip_id: 'clip-m-1' }, { clip_id: 'clip-m-1' }]);
		expect(result.logs.join('\n')).toMatch(/\/sonic\/midi: still building \(202\)/);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.items[0].json).toEqual({
			clipId: 'clip-m-1',
			midiUrl: expect.stringMatching(/\/files\/clip-m-1\.mid$/),
			instruments: [{ name: 'Acoustic Grand Piano', noteCount: 4 }],
		});
		expect(result.items[0].binary).toBeUndefined();
		expect(fake().credits().credits).toBe(99);
	});

	it("returns the API's data with Simplify off", async () => {
		const result = await runMusicApi(fake(), { ...base, simplify: false, options: FAST_RETRY });
		const json = result.items[0].json as { midi_url: string; instruments: Array<{ name: string; notes: unknown[] }> };
		expect(Object.keys(json).sort()).toEqual(['instruments', 'midi_url']);
		expect(json.instruments[0].notes[0]).toEqual({ start: 0, end: 0.5, pitch: 60, velocity: 100 });
	});

	it('attaches the MIDI file when Download File is on', async () => {
		const result = await runMusicApi(fake(), { ...base, options: { ...FAST_RETRY, downloadFile: true, binaryProperty: 'midi' } });
		expect(result.error).toBeUndefined();
		const item = result.items[0];
		expect(item.binary?.midi.mimeType).toBe('audio/midi');
		expect(item.binary?.midi.fileName).toBe('clip-m-1.mid');
		const bytes = await result.readBinary(item, 'midi');
		expect(bytes.subarray(0, 4).toString('ascii')).toBe('MThd');
	});

	it('gives up with a clear error after 10 more asks when the MIDI never gets ready', async () => {
		fake().options.midiNotReadyCalls = 50;
		const result = await runMusicApi(fake(), { ...base, options: { retryDelay: 0 } });
		expect(result.error?.message).toBe('MusicAPI is still preparing the answer to POST /sonic/midi');
		expect(result.error?.description).toMatch(/Run the node again in a minute/);
		expect(fake().requestsTo('POST', '/sonic/midi')).toHaveLength(11);
	});

	it.each([
		['an empty clip id', { clipId: '={{ "" }}' }, '[item 0] Clip ID: is required but empty'],
		['a negative retry delay', { options: { retryDelay: -1 } }, '[item 0] Retry Delay (Seconds): -1 is outside the allowed range 0–600'],
	])('rejects %s without a request', async (_name, params, message) => {
		const result = await runMusicApi(fake(), { ...base, ...params });
		expect(result.error?.message).toBe(message);
		expect(bodiesSentTo(fake(), 'POST', '/sonic/midi')).toHaveLength(0);
	});
});
