import { bodiesSentTo, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

const base = { resource: 'sonic', operation: 'vox', clipId: 'clip-v-1' };

describe('Sonic → VOX', () => {
	it("posts the clip and range and returns the API's data", async () => {
		fake().setCredits(100, 0);
		const result = await runMusicApi(fake(), { ...base, additionalFields: { vocalStart: 12, vocalEnd: 42 } });
		expect(result.error).toBeUndefined();
		const [request] = fake().requestsTo('POST', '/sonic/vox');
		expect(request.method).toBe('POST');
		expect(request.body).toEqual({ clip_id: 'clip-v-1', vocal_start_s: 12, vocal_end_s: 42 });
		expect(result.items).toHaveLength(1);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.items[0].json).toMatchObject({
			voxAudioId: expect.any(String),
			status: 'complete',
			clipId: 'clip-v-1',
			vocalStart: 12,
			vocalEnd: 42,
			audioUrl: expect.stringMatching(/\.mp3$/),
		});
		expect(result.items[0].json.waveform).toEqual(expect.any(Array));
		expect(result.items[0].binary).toBeUndefined();
		expect(fake().credits().credits).toBe(99);
	});

	it('sends only the clip id when no range is given', async () => {
		await runMusicApi(fake(), base);
		expect(bodiesSentTo(fake(), 'POST', '/sonic/vox')).toEqual([{ clip_id: 'clip-v-1' }]);
	});

	it.each([
		['a range over 30 s', { vocalStart: 10, vocalEnd: 40.5 }, '[item 0] Vocal End (Seconds): the segment 10–40.5 s is 30.5 s long; the limit is 30 s'],
		['an end alone past 30 s (the start defaults to 0)', { vocalEnd: 31 }, '[item 0] Vocal End (Seconds): the segment 0–31 s is 31 s long; the limit is 30 s'],
		['an end equal to the start', { vocalStart: 8, vocalEnd: 8 }, '[item 0] Vocal End (Seconds): (8 s) must be after Vocal Start (Seconds) (8 s)'],
		['a negative start', { vocalStart: -1, vocalEnd: 5 }, '[item 0] Vocal Start (Seconds): -1 is outside the allowed range 0–…'],
	])('rejects %s without a request', async (_name, additionalFields, message) => {
		const result = await runMusicApi(fake(), { ...base, additionalFields });
		expect(result.error?.message).toBe(message);
		expect(result.error?.description).toMatch(/Nothing was sent/);
		expect(fake().requestsTo('POST', '/sonic/vox')).toHaveLength(0);
	});
});
