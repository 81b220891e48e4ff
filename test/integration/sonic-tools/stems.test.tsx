import { FULL_STEMS } from '../../fake-musicapi';
import { stems } from '../../../nodes/MusicApi/actions/sonic/stems.operation';
import { bodiesSentTo, FAST_WAIT, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

const SUBMIT = { completion: 'submit' };
const WAIT = { completion: 'wait', resultOptions: { ...FAST_WAIT, downloadAudio: false } };
const base = { resource: 'sonic', operation: 'stems' };

describe('Sonic → Stems', () => {
	it('sends basic separation to POST /sonic/stems/basic with only the clip ID', async () => {
		const result = await runMusicApi(fake(), { ...base, ...SUBMIT, clipId: 'clip-1' });

		expect(result.error).toBeUndefined();
		expect(fake().requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /sonic/stems/basic']);
		expect(bodiesSentTo(fake(), 'POST', '/sonic/stems/basic')).toEqual([{ clip_id: 'clip-1' }]);
		const { json, pairedItem } = result.items[0];
		expect(json).toEqual({ taskId: expect.any(String), state: 'submitted', pollPath: `/sonic/task/${json.taskId as string}` });
		expect(pairedItem).toEqual({ item: 0 });
		expect(fake().credits().credits).toBe(1000 - 15);
	});

	it('waits for a basic split and outputs one item per stem, named by stem', async () => {
		const result = await runMusicApi(fake(), { ...base, ...WAIT, separation: 'basic', clipId: 'clip-1' });

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => [item.json.stemType, item.json.title, item.json.state])).toEqual([
			['vocals', 'Vocals', 'succeeded'],
			['instrumental', 'Instrumental', 'succeeded'],
		]);
		for (const item of result.items) {
			expect(item.json).toMatchObject({ taskId: expect.any(String), clipId: expect.any(String), audioUrl: expect.stringMatching(/^http/) });
			expect(item.pairedItem).toEqual({ item: 0 });
		}
	});

	it('sends full separation to POST /sonic/stems/full and outputs every stem', async () => {
		const result = await runMusicApi(fake(), { ...base, ...WAIT, separation: 'full', clipId: 'clip-2' });

		expect(result.error).toBeUndefined();
		expect(fake().requestsTo('POST', /^\/sonic\/stems\//).map((r) => [r.path, r.body])).toEqual([
			['/sonic/stems/full', { clip_id: 'clip-2' }],
		]);
		expect(result.items.map((item) => item.json.stemType)).toEqual([...FULL_STEMS]);
		expect(fake().credits().credits).toBe(1000 - 75);
	});

	it('tells the normalizer that the clips are stems', () => {
		expect(stems.taskOptions).toEqual({ stems: true });
		expect(stems.pollPath('a/b')).toBe('/sonic/task/a%2Fb');
	});

	it('rejects an empty clip ID before sending anything', async () => {
		const result = await runMusicApi(fake(), { ...base, ...SUBMIT, clipId: '={{ $json.clip }}' }, { items: [{ clip: 'c1' }, { clip: '' }] });

		expect(result.error?.message).toBe('[item 1] Clip ID: is required but empty');
		expect(fake().requests).toHaveLength(0);
	});

	it('rejects a separation that is neither basic nor full', async () => {
		const result = await runMusicApi(fake(), { ...base, ...SUBMIT, separation: '={{ "medium" }}', clipId: 'clip-1' });

		expect(result.error?.message).toContain('medium');
		expect(fake().requests).toHaveLength(0);
	});
});
