import { bodiesSentTo, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

const WAIT = { pollInterval: 0.02, timeout: 1, downloadAudio: false };

const vocal = {
	resource: 'nuro',
	operation: 'create',
	type: 'vocal',
	lyrics: '[Verse]\nHello sunshine',
	gender: 'Female',
	vocalGenre: 'Pop',
	vocalMood: 'Happy',
	timbre: 'Warm',
	vocalDuration: 120,
};

const bgm = {
	resource: 'nuro',
	operation: 'create',
	type: 'bgm',
	description: 'calm lo-fi beat for a study video',
	bgmGenres: 'Lo-Fi, Jazz',
	bgmMoods: 'Calm',
	instruments: 'Piano, Drums, Bass',
	themes: 'Study',
	bgmDuration: 45,
};

describe('Nuro → Create', () => {
	it('posts the vocal body and returns the task id (submit only)', async () => {
		const result = await runMusicApi(fake(), { ...vocal, completion: 'submit' });
		expect(result.error).toBeUndefined();
		expect(fake().requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /nuro/create']);
		expect(bodiesSentTo(fake(), 'POST', '/nuro/create')).toEqual([
			{ type: 'vocal', lyrics: '[Verse]\nHello sunshine', gender: 'Female', genre: 'Pop', mood: 'Happy', timbre: 'Warm', duration: 120 },
		]);
		const taskId = result.items[0].json.taskId as string;
		expect(result.items).toEqual([{ json: { taskId, state: 'submitted', pollPath: `/nuro/task/${taskId}` }, pairedItem: { item: 0 } }]);
	});

	it('posts the BGM body with its lists as arrays', async () => {
		const result = await runMusicApi(fake(), { ...bgm, completion: 'submit' });
		expect(result.error).toBeUndefined();
		expect(bodiesSentTo(fake(), 'POST', '/nuro/create')).toEqual([
			{
				type: 'bgm',
				description: 'calm lo-fi beat for a study video',
				genre: ['Lo-Fi', 'Jazz'],
				mood: ['Calm'],
				instrument: ['Piano', 'Drums', 'Bass'],
				theme: ['Study'],
				duration: 45,
			},
		]);
	});

	it('sends version v2.0 with its segments', async () => {
		await runMusicApi(fake(), {
			...bgm,
			version: 'v2.0',
			segments: { segment: [{ name: 'intro', duration: 10 }, { name: ' main ', duration: 35 }] },
			completion: 'submit',
		});
		expect(bodiesSentTo(fake(), 'POST', '/nuro/create')[0]).toMatchObject({
			version: 'v2.0',
			segments: [
				{ name: 'intro', duration: 10 },
				{ name: 'main', duration: 35 },
			],
		});
	});

	it('waits for the song and returns it as one item', async () => {
		const result = await runMusicApi(fake(), { ...vocal, completion: 'wait', resultOptions: WAIT });
		expect(result.error).toBeUndefined();
		expect(fake().requestsTo('GET', /^\/nuro\/task\//).length).toBeGreaterThan(0);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ state: 'succeeded', clipId: expect.any(String), audioUrl: expect.stringMatching(/^http/) });
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	it('quotes MusicAPI when Nuro is retired (410)', async () => {
		fake().options.nuroGone = true;
		const result = await runMusicApi(fake(), { ...vocal, completion: 'submit' });
		expect(result.error?.message).toBe('MusicAPI retired POST /nuro/create: Nuro music generation has been retired and is no longer available.');
		expect(result.error?.httpCode).toBe('410');
	});

	it.each([
		['lyrics over 2000 characters', { ...vocal, lyrics: 'l'.repeat(2001) }, '[item 0] Lyrics: is 2001 characters long; the limit is 2000'],
		['a vocal duration under 30 s', { ...vocal, vocalDuration: 20 }, '[item 0] Duration (Seconds): 20 is outside the allowed range 30–240'],
		['a BGM duration over 60 s', { ...bgm, bgmDuration: 90 }, '[item 0] Duration (Seconds): 90 is outside the allowed range 1–60'],
		['six BGM genres', { ...bgm, bgmGenres: 'a, b, c, d, e, f' }, '[item 0] Genres: has 6 entries; 0–5 expected'],
		['a segment without a name', { ...bgm, version: 'v2.0', segments: { segment: [{ name: '', duration: 10 }] } }, '[item 0] Segments: segment 1 has no name'],
	])('rejects %s and sends nothing', async (_name, params, message) => {
		const result = await runMusicApi(fake(), { ...params, completion: 'submit' });
		expect(result.error?.message).toBe(message);
		expect(fake().requests).toHaveLength(0);
	});
});
