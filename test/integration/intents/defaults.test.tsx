import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { RESOURCES } from '../../../nodes/MusicApi/actions/registry';
import { runMusicApi, useFakeMusicApi } from '../musicapi';
import { allOperations, resolvedParameters, shownProperties } from '../../node-description';

const fake = useFakeMusicApi();

/**
 * A value for each required field, by parameter name. An operation with a required field missing here fails the
 * test with its name, so a new operation gets a sample when it is added.
 */
const TASK_ID = 'a task this test starts first';
const BATCH_ID = 'a batch this test submits first';

const SAMPLES: IDataObject = {
	taskId: TASK_ID,
	gptDescriptionPrompt: 'uplifting synthwave with female vocals',
	prompt: '[Verse]\nCity lights',
	continueClipId: 'clip-source-1',
	clipId: 'clip-source-1',
	continueAt: 30,
	startsAt: 30,
	personaId: 'persona-1',
	tags: 'synthwave, retro',
	audioUrl: 'https://example.com/song.mp3',
	url: 'https://example.com/song.mp3',
	name: 'My Persona',
	clipIds: 'clip-a, clip-b',
	mashupClipIds: 'clip-a, clip-b',
	sampleClipId: 'clip-source-1',
	infillStart: 10,
	infillEnd: 20,
	lyrics: '[Verse]\nSlow morning light',
	sound: 'calm piano ambient',
	description: 'calm lo-fi beat',
	shareLink: 'https://example.com/share/1',
	batchId: BATCH_ID,
};

/**
 * Operations that need one of several optional fields (Producer: Sound or Lyrics; Studio: Prompt or Lyrics); no
 * single field is required, the field descriptions say "needs Sound, Lyrics or both", and the one given here is it.
 */
const ONE_OF: Record<string, IDataObject> = {
	'producer/create': { sound: 'calm piano ambient' },
	'studio/create': { prompt: 'cinematic orchestral build' },
};

/** Empty, or a default that reads the incoming item (`{{ $json.clipId }}`), which this run, with no item before it, lacks. */
const isEmpty = (value: unknown) =>
	value === '' ||
	value === undefined ||
	(typeof value === 'string' && value.startsWith('={{ $json.')) ||
	(typeof value === 'object' && value !== null && (value as IDataObject).value === '');

/** The operation's defaults, and a sample for each required field the panel shows empty. */
function defaultsWithRequired(resource: string, operation: string): IDataObject {
	const parameters: IDataObject = { resource, operation, ...ONE_OF[`${resource}/${operation}`] };
	for (let round = 0; round < 3; round++) {
		// Filling one field can show another (e.g. a mode), so read again until nothing more is required.
		const values = resolvedParameters(parameters as never);
		const missing = shownProperties(parameters as never).filter(
			(p: INodeProperties) => p.required && (isEmpty(values[p.name]) || (p.name === 'continueAt' && values[p.name] === 0)),
		);
		if (missing.length === 0) break;
		for (const p of missing) {
			if (!(p.name in SAMPLES)) throw new Error(`${resource} → ${operation}: add a sample for required field "${p.name}"`);
			parameters[p.name] = SAMPLES[p.name];
		}
	}
	return parameters;
}

/** Reads by task id ask about a job of their own resource: it is started first (MusicAPI answers 400 to unknown ids). */
const MAKES_THE_TASK: Record<string, string> = { 'suno/getLyrics': 'makeLyrics' };

async function startedTaskId(resource: string, operation: string): Promise<string> {
	const starter = MAKES_THE_TASK[`${resource}/${operation}`] ?? 'create';
	const started = await runMusicApi(fake(), { ...defaultsWithRequired(resource, starter), completion: 'submit' });
	const taskId = started.items[0]?.json.taskId;
	if (typeof taskId !== 'string') throw new Error(`${resource} → ${starter} gave no task id: ${started.error?.message}`);
	return taskId;
}

/** Get Batch reads a batch: two songs are submitted through Batch Submit first. */
async function submittedBatchId(): Promise<string> {
	const submitted = await runMusicApi(
		fake(),
		{ ...defaultsWithRequired('sonic', 'create'), completion: 'submit', requestOptions: { batchSubmit: true } },
		{ items: [{}, {}] },
	);
	const batchId = submitted.items[0]?.json.batchId;
	if (typeof batchId !== 'string') throw new Error(`Batch Submit gave no batch id: ${JSON.stringify(submitted.items[0]?.json)}`);
	return batchId;
}

describe('Every operation with its defaults and only its required fields', () => {
	const operations = allOperations();

	it('covers every operation of every resource', () => {
		expect(operations.length).toBe(RESOURCES.flatMap((r) => r.operations).length);
		expect(operations.map((o) => o.name)).toEqual(expect.arrayContaining(['Sonic → Create a Song', 'Sonic → Add Vocals to an Instrumental', 'Account → Get the Credits Left']));
	});

	it.each(operations)('$name is accepted by MusicAPI', async ({ resource, operation }) => {
		const parameters = defaultsWithRequired(resource, operation);
		if (parameters.taskId === TASK_ID) parameters.taskId = await startedTaskId(resource, operation);
		if (parameters.batchId === BATCH_ID) parameters.batchId = await submittedBatchId();
		const before = fake().requests.length;
		const result = await runMusicApi(fake(), { ...parameters, completion: 'submit' });
		const answers = fake().requests.slice(before).map((r) => `${r.method} ${r.path} → ${r.status}`);
		expect(answers.length).toBeGreaterThan(0);
		// 400 (or 422) is MusicAPI refusing the input.
		expect(answers.filter((a) => / → (400|422)$/.test(a))).toEqual([]);
		if (result.error) expect(result.error.message).not.toMatch(/required|invalid|\[item 0\]/i);
	});
});
