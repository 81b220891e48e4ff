import { bodiesSentTo, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

const base = { resource: 'sonic', operation: 'alignedLyrics', clipId: 'clip-al-1' };
/** The fake's lyrics for a clip it does not know: "[Verse]\nCity lights are calling me …" (16 words). */
const WORDS = 'City lights are calling me Down the open road We keep on driving through the night'.split(' ');

describe('Sonic → Aligned Lyrics', () => {
	it('posts the clip id and returns one compact item with the sung words (Simplify on by default)', async () => {
		fake().setCredits(100, 0);
		const result = await runMusicApi(fake(), base);
		expect(result.error).toBeUndefined();
		const [request] = fake().requestsTo('POST', '/sonic/aligned-lyrics');
		expect(request.method).toBe('POST');
		expect(request.body).toEqual({ clip_id: 'clip-al-1' });
		expect(result.items).toHaveLength(1);
		const { json, pairedItem } = result.items[0];
		expect(pairedItem).toEqual({ item: 0 });
		expect(json.clipId).toBe('clip-al-1');
		expect(json.wordCount).toBe(16);
		const words = json.words as Array<{ word: string; startS: number; endS: number }>;
		// The first entry carries the "[Verse]" header live; the simplified word is the sung word alone.
		expect(words.map((w) => w.word)).toEqual(WORDS);
		expect(words[0]).toEqual({ word: 'City', startS: 1, endS: 1.38 });
		expect(Object.keys(words[1]).sort()).toEqual(['endS', 'startS', 'word']);
		expect(fake().credits().credits).toBe(99);
	});

	it('charges the first call per clip only; the repeat is cached and free', async () => {
		fake().setCredits(100, 0);
		await runMusicApi(fake(), base);
		await runMusicApi(fake(), base);
		expect(bodiesSentTo(fake(), 'POST', '/sonic/aligned-lyrics')).toHaveLength(2);
		expect(fake().credits().credits).toBe(99);
	});

	it("returns the API's data unchanged with Simplify off", async () => {
		const result = await runMusicApi(fake(), { ...base, simplify: false });
		expect(result.items).toHaveLength(1);
		const alignment = result.items[0].json.alignment as Array<Record<string, unknown>>;
		expect(Object.keys(result.items[0].json)).toEqual(['alignment']);
		expect(alignment).toHaveLength(16);
		expect(alignment[0]).toEqual({ word: '[Verse]\nCity', start_s: 1, end_s: 1.38, p_align: expect.any(Number), success: true });
	});

	it('splits into one item per word when asked', async () => {
		const result = await runMusicApi(fake(), { ...base, options: { splitIntoItems: true } });
		expect(result.items).toHaveLength(16);
		expect(result.items[0].json).toEqual({ clipId: 'clip-al-1', index: 0, word: 'City', startS: 1, endS: 1.38 });
		expect(result.items[15].json).toMatchObject({ index: 15, word: 'night' });
		expect(result.items.every((i) => i.pairedItem && (i.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('splits the raw entries when Simplify is off', async () => {
		const result = await runMusicApi(fake(), { ...base, simplify: false, options: { splitIntoItems: true } });
		expect(result.items).toHaveLength(16);
		expect(result.items[1].json).toEqual({ word: 'lights', start_s: 1.42, end_s: 1.8, p_align: expect.any(Number), success: true });
	});

	it('rejects a missing clip id without a request', async () => {
		const result = await runMusicApi(fake(), { ...base, clipId: '={{ $json.id }}' }, { items: [{ id: 'a' }, { id: '' }], continueOnFail: true });
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.items[1].json.error).toBe('[item 1] Clip ID: is required but empty');
		expect(bodiesSentTo(fake(), 'POST', '/sonic/aligned-lyrics')).toEqual([{ clip_id: 'a' }]);
	});
});
