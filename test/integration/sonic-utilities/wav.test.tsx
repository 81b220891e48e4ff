import { bodiesSentTo, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

const base = { resource: 'sonic', operation: 'wav', clipId: 'clip-w-1' };

describe('Sonic → WAV', () => {
	it('posts the clip id and returns the WAV URL without downloading by default', async () => {
		fake().setCredits(100, 0);
		const result = await runMusicApi(fake(), base);
		expect(result.error).toBeUndefined();
		const [request] = fake().requestsTo('POST', '/sonic/wav');
		expect(request.method).toBe('POST');
		expect(request.body).toEqual({ clip_id: 'clip-w-1' });
		expect(result.items).toHaveLength(1);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.items[0].json).toEqual({ clipId: 'clip-w-1', wavUrl: expect.stringMatching(/\/files\/clip-w-1\.wav$/) });
		expect(result.items[0].binary).toBeUndefined();
		expect(fake().requestsTo('GET', /^\/files\//)).toHaveLength(0);
		expect(fake().credits().credits).toBe(98);
	});

	it('attaches the WAV file when Download File is on', async () => {
		const result = await runMusicApi(fake(), { ...base, options: { downloadFile: true } });
		expect(result.error).toBeUndefined();
		const item = result.items[0];
		expect(item.binary?.data.mimeType).toBe('audio/wav');
		expect(item.binary?.data.fileName).toBe('clip-w-1.wav');
		const bytes = await result.readBinary(item);
		expect(bytes.subarray(0, 4).toString('ascii')).toBe('RIFF');
		expect(bytes.subarray(8, 12).toString('ascii')).toBe('WAVE');
	});

	it('pairs each WAV with its input item', async () => {
		const result = await runMusicApi(fake(), { ...base, clipId: '={{ $json.id }}' }, { items: [{ id: 'a' }, { id: 'b' }] });
		expect(bodiesSentTo(fake(), 'POST', '/sonic/wav')).toEqual([{ clip_id: 'a' }, { clip_id: 'b' }]);
		expect(result.items.map((i) => [i.json.clipId, i.pairedItem])).toEqual([
			['a', { item: 0 }],
			['b', { item: 1 }],
		]);
	});

	it('rejects an empty clip id without a request', async () => {
		const result = await runMusicApi(fake(), { ...base, clipId: '={{ $json.id }}' }, { items: [{ id: '' }] });
		expect(result.error?.message).toBe('[item 0] Clip ID: is required but empty');
		expect(fake().requestsTo('POST', '/sonic/wav')).toHaveLength(0);
	});
});
