import { bodiesSentTo, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

describe('Sonic → BPM', () => {
	it('posts the clip id and returns avg/min/max BPM', async () => {
		fake().setCredits(100, 0);
		const result = await runMusicApi(fake(), { resource: 'sonic', operation: 'bpm', clipId: 'clip-bpm' });
		expect(result.error).toBeUndefined();
		const [request] = fake().requestsTo('POST', '/sonic/bpm');
		expect(request.method).toBe('POST');
		expect(request.body).toEqual({ clip_id: 'clip-bpm' });
		expect(result.items).toHaveLength(1);
		const { json, pairedItem } = result.items[0];
		expect(pairedItem).toEqual({ item: 0 });
		expect(Object.keys(json)).toEqual(['clipId', 'avgBpm', 'minBpm', 'maxBpm']);
		expect(json.clipId).toBe('clip-bpm');
		expect(json.minBpm as number).toBeLessThan(json.avgBpm as number);
		expect(json.maxBpm as number).toBeGreaterThan(json.avgBpm as number);
		expect(fake().credits().credits).toBe(99);
	});

	it('answers each item separately', async () => {
		const result = await runMusicApi(fake(), { resource: 'sonic', operation: 'bpm', clipId: '={{ $json.id }}' }, { items: [{ id: 'a' }, { id: 'b' }] });
		expect(bodiesSentTo(fake(), 'POST', '/sonic/bpm')).toEqual([{ clip_id: 'a' }, { clip_id: 'b' }]);
		expect(result.items.map((i) => [i.json.clipId, i.pairedItem])).toEqual([
			['a', { item: 0 }],
			['b', { item: 1 }],
		]);
	});

	it('rejects an empty clip id without a request', async () => {
		const result = await runMusicApi(fake(), { resource: 'sonic', operation: 'bpm', clipId: '={{ "" }}' });
		expect(result.error?.message).toBe('[item 0] Clip ID: is required but empty');
		expect(fake().requestsTo('POST', '/sonic/bpm')).toHaveLength(0);
	});
});
