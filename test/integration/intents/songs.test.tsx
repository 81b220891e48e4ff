import { bodiesSentTo, FAST_WAIT, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

const model = { __rl: true, mode: 'list', value: 'sonic-v5' };
const sonic = (operation: string, params: Record<string, unknown>) => ({ resource: 'sonic', operation, model, completion: 'submit', ...params });

describe('Sonic song intents: each its own operation, each its own task type and fields', () => {
	it.each([
		['Extend a Song', 'extend', { continueClipId: 'c-1', continueAt: 42.5, gptDescriptionPrompt: 'a big final chorus' }, { task_type: 'extend_music', mv: 'sonic-v5', continue_clip_id: 'c-1', continue_at: 42.5, custom_mode: false, gpt_description_prompt: 'a big final chorus' }],
		['Extend an uploaded clip', 'extend', { clipSource: 'extend_upload_music', continueClipId: 'up-1', continueAt: 20, songMode: 'custom', prompt: '[Bridge]' }, { task_type: 'extend_upload_music', mv: 'sonic-v5', continue_clip_id: 'up-1', continue_at: 20, custom_mode: true, prompt: '[Bridge]' }],
		['Cover a Song', 'cover', { continueClipId: 'c-1', gptDescriptionPrompt: 'acoustic folk', additionalFields: { audioWeight: 0.7 } }, { task_type: 'cover_music', mv: 'sonic-v5', continue_clip_id: 'c-1', custom_mode: false, gpt_description_prompt: 'acoustic folk', audio_weight: 0.7 }],
		['Cover an uploaded clip', 'cover', { clipSource: 'cover_upload_music', continueClipId: 'up-1', gptDescriptionPrompt: 'jazz' }, { task_type: 'cover_upload_music', mv: 'sonic-v5', continue_clip_id: 'up-1', custom_mode: false, gpt_description_prompt: 'jazz' }],
		['Concat (only the clip)', 'concat', { continueClipId: 'ext-1', songMode: 'custom', prompt: 'ignored', additionalFields: { duration: 60 } }, { task_type: 'concat_music', continue_clip_id: 'ext-1' }],
		['Remaster a Song (only its fields)', 'remaster', { continueClipId: 'c-1', gptDescriptionPrompt: 'ignored', additionalFields: { variationCategory: 'subtle' } }, { task_type: 'remaster', mv: 'sonic-v5', continue_clip_id: 'c-1', variation_category: 'subtle' }],
		['Add Vocals', 'addVocals', { continueClipId: 'up-1', prompt: '[Verse] la la', tags: 'soul', additionalFields: { overpaintingStart: 0, overpaintingEnd: 30 } }, { task_type: 'add_vocals', mv: 'sonic-v5', continue_clip_id: 'up-1', custom_mode: true, prompt: '[Verse] la la', tags: 'soul', overpainting_start_s: 0, overpainting_end_s: 30 }],
		['Add an Instrumental', 'addInstrumental', { continueClipId: 'up-1', tags: 'lo-fi piano' }, { task_type: 'add_instrumental', mv: 'sonic-v5', continue_clip_id: 'up-1', tags: 'lo-fi piano' }],
		['Create a Song With a Persona', 'createWithPersona', { personaId: 'p-1', gptDescriptionPrompt: 'a ballad' }, { task_type: 'persona_music', mv: 'sonic-v5', persona_id: 'p-1', custom_mode: false, gpt_description_prompt: 'a ballad' }],
	])('%s sends exactly its body', async (_name, operation, params, expected) => {
		const result = await runMusicApi(fake(), sonic(operation, params));
		expect(result.error).toBeUndefined();
		expect(bodiesSentTo(fake(), 'POST', '/sonic/create')).toEqual([expected]);
	});

	it('runs a workflow saved with the former Create and a Task Type exactly as before', async () => {
		// As saved before the split: operation "create", Task Type Extend, Continue At left at its old default (60 s).
		const saved = { resource: 'sonic', operation: 'create', taskType: 'extend_music', continueClipId: 'c-1', songMode: 'custom', prompt: '[Bridge]', model, completion: 'submit' };
		const result = await runMusicApi(fake(), saved);
		expect(result.error).toBeUndefined();
		expect(bodiesSentTo(fake(), 'POST', '/sonic/create')).toEqual([
			{ task_type: 'extend_music', mv: 'sonic-v5', continue_clip_id: 'c-1', continue_at: 60, custom_mode: true, prompt: '[Bridge]' },
		]);
	});

	it.each([
		['a duration that is not whole seconds', 'create', { gptDescriptionPrompt: 'x', additionalFields: { duration: 90.5 } }, '[item 0] Target Duration (Seconds): 90.5 is not a whole number of seconds'],
		['Continue At set to 0', 'extend', { continueClipId: 'c-1', continueAt: 0, gptDescriptionPrompt: 'x' }, '[item 0] Continue At (Seconds): is 0; give the second of the source clip where the new part starts (e.g. 30)'],
		['Continue At left at its default with no incoming clip', 'extend', { continueClipId: 'c-1', gptDescriptionPrompt: 'x' }, '[item 0] Continue At (Seconds): is required but empty'],
		['Extend with no clip given and none coming in', 'extend', { gptDescriptionPrompt: 'x' }, '[item 0] Source Clip ID: is required but empty'],
		['a region that ends before it starts', 'addVocals', { continueClipId: 'up-1', prompt: 'la', additionalFields: { overpaintingStart: 30, overpaintingEnd: 10 } }, '[item 0] Region End (Seconds): 10 must be greater than Region Start (Seconds) (30)'],
		['Add Vocals whose lyrics come out empty', 'addVocals', { continueClipId: 'up-1', prompt: '={{ "" }}' }, '[item 0] Lyrics: is required but empty'],
	])('refuses %s before sending, naming the field and the item', async (_name, operation, params, message) => {
		const result = await runMusicApi(fake(), sonic(operation, params));
		expect(result.error?.message).toBe(message);
		expect(fake().requestsTo('POST', '/sonic/create')).toHaveLength(0);
	});

	it('carries the source clip id on every output item, per input item', async () => {
		const result = await runMusicApi(
			fake(),
			sonic('remaster', { continueClipId: '={{ $json.clipId }}', completion: 'wait', resultOptions: { ...FAST_WAIT, downloadAudio: false } }),
			{ items: [{ clipId: 'clip-a' }, { clipId: 'clip-b' }] },
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(4);
		expect(result.items.map((i) => [i.pairedItem, i.json.sourceClipId])).toEqual([
			[{ item: 0 }, 'clip-a'],
			[{ item: 0 }, 'clip-a'],
			[{ item: 1 }, 'clip-b'],
			[{ item: 1 }, 'clip-b'],
		]);
		expect(result.items[0].json.clipId).not.toBe('clip-a');
	});

	it('carries the source clip id in Submit Only too, and none on a new song', async () => {
		const extended = await runMusicApi(fake(), sonic('extend', { continueClipId: 'c-9', continueAt: 30, gptDescriptionPrompt: 'x' }));
		expect(extended.items[0].json).toMatchObject({ state: 'submitted', sourceClipId: 'c-9' });
		const created = await runMusicApi(fake(), sonic('create', { gptDescriptionPrompt: 'x' }));
		expect(created.items[0].json).not.toHaveProperty('sourceClipId');
	});
});

describe('Chains wire themselves', () => {
	const wait = { completion: 'wait', resultOptions: { ...FAST_WAIT, downloadAudio: false } };

	it('Create a Song → Extend a Song → Concat runs with only the song descriptions typed', async () => {
		const created = await runMusicApi(fake(), sonic('create', { gptDescriptionPrompt: 'a calm lo-fi beat', ...wait }));
		expect(created.error).toBeUndefined();
		const song = created.items[0].json;

		const extended = await runMusicApi(fake(), sonic('extend', { gptDescriptionPrompt: 'a big final chorus', ...wait }), { items: [song] });
		expect(extended.error).toBeUndefined();
		expect(bodiesSentTo(fake(), 'POST', '/sonic/create').at(-1)).toMatchObject({
			task_type: 'extend_music',
			continue_clip_id: song.clipId,
			continue_at: song.duration,
		});
		const extension = extended.items[0].json;
		expect(extension.sourceClipId).toBe(song.clipId);

		const joined = await runMusicApi(fake(), { resource: 'sonic', operation: 'concat', ...wait }, { items: [extension] });
		expect(joined.error).toBeUndefined();
		expect(bodiesSentTo(fake(), 'POST', '/sonic/create').at(-1)).toEqual({ task_type: 'concat_music', continue_clip_id: extension.clipId });
		expect(joined.items[0].json.sourceClipId).toBe(extension.clipId);
	});

	it("Concat refuses the incoming item's sourceClipId (the original) before anything is paid", async () => {
		const extension = { clipId: 'ext-1', sourceClipId: 'orig-1', duration: 30 };
		const before = fake().requests.length;
		const result = await runMusicApi(fake(), { resource: 'sonic', operation: 'concat', completion: 'submit', continueClipId: '={{ $json.sourceClipId }}' }, { items: [extension] });
		expect(result.error?.message).toBe(
			"[item 0] Extension Clip ID: is the incoming item's sourceClipId (orig-1), the clip the extension was made from; give the extension's own clipId, e.g. {{ $json.clipId }}",
		);
		expect(fake().requests.slice(before)).toEqual([]);
	});
});

describe('Building step by step', () => {
	const hintsOf = (result: Awaited<ReturnType<typeof runMusicApi>>) =>
		(result.run.data.resultData.runData.MusicAPI?.[0]?.hints ?? []).map((h) => h.message);

	it('suggests pinning the output after a paid manual run', async () => {
		const result = await runMusicApi(fake(), sonic('create', { gptDescriptionPrompt: 'x' }));
		expect(hintsOf(result)).toEqual([
			'This run started 1 paid MusicAPI job, one per input item (1 × 20 = 20 credits). While you build the next steps, pin this output (the pin icon above it) so test runs reuse it instead of paying again.',
		]);
	});

	it('counts the jobs of every item, and says when the items are clips of one song', async () => {
		const clips = [
			{ taskId: 'song-1', clipId: 'a', duration: 30 },
			{ taskId: 'song-1', clipId: 'b', duration: 30 },
		];
		const result = await runMusicApi(fake(), sonic('extend', { gptDescriptionPrompt: 'x' }), { items: clips });
		expect(result.error).toBeUndefined();
		expect(fake().requestsTo('POST', '/sonic/create')).toHaveLength(2);
		expect(hintsOf(result)).toEqual([
			expect.stringMatching(/^This run started 2 paid MusicAPI jobs, one per input item \(2 × 15 = 30 credits\)\. The 2 input items are clips of 1 song .*Remove Duplicates node on taskId/),
		]);
	});

	it('says nothing about pinning where a run is free', async () => {
		fake().setCredits(10, 0);
		const result = await runMusicApi(fake(), { resource: 'credits', operation: 'get' });
		expect(result.error).toBeUndefined();
		expect(hintsOf(result)).toEqual([]);
	});

	it('Credits → Get asks once and returns one item however many come in', async () => {
		fake().setCredits(120, 30);
		const result = await runMusicApi(fake(), { resource: 'credits', operation: 'get' }, { items: [{}, {}, {}] });
		expect(result.items.map((i) => i.json)).toEqual([{ credits: 120, extraCredits: 30, total: 150 }]);
		expect(result.items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(fake().requestsTo('GET', '/get-credits')).toHaveLength(1);
	});
});
