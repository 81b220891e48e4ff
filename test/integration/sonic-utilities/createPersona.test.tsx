import { bodiesSentTo, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

const base = { resource: 'sonic', operation: 'createPersona', name: 'Nova', clipId: 'clip-p-1' };

describe('Sonic → Create Persona', () => {
	it('posts name and clip id and returns the top-level persona id', async () => {
		fake().setCredits(100, 0);
		const result = await runMusicApi(fake(), base);
		expect(result.error).toBeUndefined();
		const [request] = fake().requestsTo('POST', '/sonic/persona');
		expect(request.method).toBe('POST');
		expect(request.body).toEqual({ name: 'Nova', clip_id: 'clip-p-1' });
		expect(result.items).toHaveLength(1);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.items[0].json).toEqual({ personaId: expect.any(String), name: 'Nova', clipId: 'clip-p-1' });
		expect(fake().credits().credits).toBe(99);
	});

	it('sends the optional fields with their API names', async () => {
		const result = await runMusicApi(fake(), {
			...base,
			additionalFields: { describe: 'warm alto', styles: 'soul, jazz', voxAudioId: 'vox-1', vocalStart: 10, vocalEnd: 35.5 },
		});
		expect(result.error).toBeUndefined();
		expect(bodiesSentTo(fake(), 'POST', '/sonic/persona')).toEqual([
			{ name: 'Nova', clip_id: 'clip-p-1', describe: 'warm alto', styles: 'soul, jazz', vox_audio_id: 'vox-1', vocal_start_s: 10, vocal_end_s: 35.5 },
		]);
	});

	it.each([
		['a name over 80 characters', { name: 'n'.repeat(81) }, '[item 0] Name: is 81 characters long; the limit is 80'],
		['a missing clip id', { clipId: '={{ "" }}' }, '[item 0] Clip ID: is required but empty'],
		['a description over 200 characters', { additionalFields: { describe: 'd'.repeat(201) } }, '[item 0] Description: is 201 characters long; the limit is 200'],
		['a vocal range over 30 s', { additionalFields: { vocalStart: 5, vocalEnd: 40 } }, '[item 0] Vocal End (Seconds): the segment 5–40 s is 35 s long; the limit is 30 s'],
		['a vocal end before the start', { additionalFields: { vocalStart: 20, vocalEnd: 10 } }, '[item 0] Vocal End (Seconds): (10 s) must be after Vocal Start (Seconds) (20 s)'],
	])('rejects %s without a request', async (_name, params, message) => {
		const result = await runMusicApi(fake(), { ...base, ...params });
		expect(result.error?.message).toBe(message);
		expect(fake().requestsTo('POST', '/sonic/persona')).toHaveLength(0);
	});
});
