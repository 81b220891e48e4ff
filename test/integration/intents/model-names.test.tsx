import { bodiesSentTo, FAST_WAIT, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

const byName = (value: string) => ({ __rl: true, mode: 'id', value });
const create = { resource: 'sonic', operation: 'create', songMode: 'description', gptDescriptionPrompt: 'lofi beats', completion: 'submit' };
const studio = { resource: 'studio', operation: 'create', prompt: 'jazz', completion: 'submit' };

describe('each resource its own Model parameter; a workflow saved with the shared one still runs', () => {
	it('sends the model of the resource’s own parameter', async () => {
		expect((await runMusicApi(fake(), { ...create, sonicModel: byName('sonic-v6-mini') })).error).toBeUndefined();
		expect((await runMusicApi(fake(), { ...studio, studioModel: byName('studio32-v1.5') })).error).toBeUndefined();
		expect(bodiesSentTo(fake(), 'POST', '/sonic/create')).toEqual([expect.objectContaining({ mv: 'sonic-v6-mini' })]);
		expect(bodiesSentTo(fake(), 'POST', '/studio/create')).toEqual([expect.objectContaining({ model_type: 'studio32-v1.5' })]);
	});

	it('ignores another resource’s model parameter (Sonic → Studio → Sonic keeps no studio model)', async () => {
		// What the panel leaves on a node switched back to Sonic from Studio: a studio model under Studio's name.
		const result = await runMusicApi(fake(), { ...create, studioModel: byName('studio130-v1.5') });
		expect(result.error).toBeUndefined();
		expect(bodiesSentTo(fake(), 'POST', '/sonic/create')).toEqual([expect.objectContaining({ mv: 'sonic-v6' })]);
	});

	it.each([
		['Sonic Create', create, '/sonic/create', 'mv', 'sonic-v5'],
		['Sonic Extend a Song', { ...create, operation: 'extend', continueClipId: 'c-1', continueAt: 30 }, '/sonic/create', 'mv', 'sonic-v5'],
		['Studio (Legacy) Create', studio, '/studio/create', 'model_type', 'studio32-v1.5'],
		['Riffusion (Legacy) Create', { resource: 'riffusion', operation: 'create', prompt: 'edm', completion: 'submit' }, '/riffusion/create', 'mv', 'FUZZ-1.0'],
		['Producer Create', { resource: 'producer', operation: 'create', sound: 'calm piano', completion: 'submit' }, '/producer/create', 'mv', 'FUZZ-1.1'],
	])('%s saved with the former shared "model" sends that model', async (_name, params, path, apiName, saved) => {
		const result = await runMusicApi(fake(), { ...params, model: { __rl: true, mode: 'list', value: saved } });
		expect(result.error).toBeUndefined();
		expect(bodiesSentTo(fake(), 'POST', path)).toEqual([expect.objectContaining({ [apiName]: saved })]);
	});

	it('a model picked in the resource’s own field wins over the saved one', async () => {
		const result = await runMusicApi(fake(), { ...create, model: byName('sonic-v5'), sonicModel: byName('sonic-v6-wild') });
		expect(result.error).toBeUndefined();
		expect(bodiesSentTo(fake(), 'POST', '/sonic/create')).toEqual([expect.objectContaining({ mv: 'sonic-v6-wild' })]);
	});
});

describe('MusicAPI errors name the field as the panel shows it', () => {
	it("a 400 naming 'mv' names Model and the item", async () => {
		const result = await runMusicApi(
			fake(),
			{ ...create, sonicModel: byName('studio130-v1.5'), completion: 'wait', resultOptions: FAST_WAIT },
			{ items: [{ n: 0 }, { n: 1 }], continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		const errors = result.items.map((item) => item.json.error);
		expect(errors).toHaveLength(2);
		for (const error of errors) expect(error).toMatch(/^MusicAPI rejected the request: The Model \(mv\) field is invalid\. The model should be /);
		const run = await runMusicApi(fake(), { ...create, sonicModel: byName('studio130-v1.5') }, { items: [{ n: 0 }, { n: 1 }] });
		expect(run.error?.message).toMatch(/The Model \(mv\) field is invalid/);
		expect(run.error?.description).toBe('Fix "Model" on input item 0 and run again. Rejected requests are not charged.');
	});

});

describe('Use Suno CDN, now offered on the Suno path only', () => {
	it('is still sent by a Sonic node saved with it', async () => {
		const result = await runMusicApi(fake(), { ...create, additionalFields: { useSunoCdn: true } });
		expect(result.error).toBeUndefined();
		expect(bodiesSentTo(fake(), 'POST', '/sonic/create')).toEqual([expect.objectContaining({ use_suno_cdn: true })]);
	});
});

describe('Batch Submit: a refused field is named, and no single item is blamed for the whole request', () => {
	it("items[0]: The 'mv' field … names Model and lists the items of the request", async () => {
		const run = await runMusicApi(
			fake(),
			{ ...create, sonicModel: byName('studio130-v1.5'), requestOptions: { batchSubmit: true } },
			{ items: [{ n: 0 }, { n: 1 }] },
		);
		expect(run.error?.message).toMatch(/^MusicAPI rejected the request: items\[0\]: The Model \(mv\) field is invalid/);
		expect(run.error?.description).toBe(
			'Fix "Model" and run again. Rejected requests are not charged. Batch Submit: items 0, 1 were in this one request; none of them was sent again.',
		);
	});
});
