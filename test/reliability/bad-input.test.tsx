/**
 * Bad input, generated from the node's own declarations: every operation of the registry, every field it
 * declares (descriptions/fields.ts BodyField: required, maxLength, min/max, kind), fed bad values through expressions
 * (n8n itself refuses a statically empty required parameter, so only expressions can deliver these).
 *
 * For each field:
 * - the bad values run as items of ONE execution under Continue On Fail: every item must come back as an error
 *   item `[item N] <Field>: <problem>` and the fake must have received NOTHING;
 * - the values that must pass (the base value, an empty optional value, a string of exactly maxLength code points
 *   in emoji, a number at its maximum, an unknown model name) run as another execution: each item must reach the
 *   fake, with the value (or without the field, when empty) in the request body. Model names are MusicAPI's call
 *   by design: when MusicAPI answers 400 the error quotes it.
 */
import type { IDataObject, INode, INodeExecutionData, INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { MusicApi } from '../../nodes/MusicApi/MusicApi.node';
import { RESOURCES } from '../../nodes/MusicApi/actions/registry';
import type { Operation } from '../../nodes/MusicApi/base/operation';
import { completionProperties } from '../../nodes/MusicApi/descriptions/completionFields';
import { requestOptionsProperty } from '../../nodes/MusicApi/descriptions/requestOptions';
import type { BodyField } from '../../nodes/MusicApi/descriptions/fields';
import type { HarnessResult } from '../integration/harness';
import { declaredFields, type DeclaredField } from './helpers/declarations';
import { useResults } from './helpers/results';
import { scanForSecrets } from './helpers/secrets';
import { runThroughRig, useRig } from './helpers/setup';

jest.mock('../../nodes/MusicApi/descriptions/fields', () =>
	require('./helpers/declarations').recording(jest.requireActual('../../nodes/MusicApi/descriptions/fields')),
);
jest.mock('../../nodes/MusicApi/descriptions/models', () =>
	require('./helpers/declarations').recording(jest.requireActual('../../nodes/MusicApi/descriptions/models')),
);
jest.mock('../../nodes/MusicApi/descriptions/resourceFields', () =>
	require('./helpers/declarations').recording(jest.requireActual('../../nodes/MusicApi/descriptions/resourceFields')),
);
jest.mock('../../nodes/MusicApi/descriptions/sonicUtilityFields', () =>
	require('./helpers/declarations').recording(jest.requireActual('../../nodes/MusicApi/descriptions/sonicUtilityFields')),
);

const rig = useRig({ midiNotReadyCalls: 0, downloadNotReadyCalls: 0 });
const results = useResults('bad-input');

const rl = (value: string) => ({ __rl: true, mode: 'list', value });
const URL_GOOD = 'https://example.com/song.mp3';
const SONG = {
	model: rl('sonic-v5'),
	songMode: 'description',
	gptDescriptionPrompt: 'a hopeful song about the sea',
	prompt: '[Verse]\nSalt on the wind',
	title: 'Tide',
	tags: 'folk, warm',
};
const SONIC_CREATE = { taskType: 'create_music', continueClipId: 'clip-1', continueAt: 30, personaId: 'persona-1', ...SONG };

/**
 * Parameters every field of an operation is valid with (hidden ones are ignored by the node). Only this table is
 * written by hand; a new operation without an entry fails the coverage test below.
 */
const BASE: Record<string, IDataObject> = {
	'sonic:create': SONIC_CREATE,
	'sonic:extend': { continueClipId: 'clip-1', continueAt: 30, ...SONG },
	'sonic:cover': { continueClipId: 'clip-1', ...SONG },
	'sonic:remaster': { continueClipId: 'clip-1', model: rl('sonic-v5') },
	'sonic:addVocals': { continueClipId: 'clip-1', model: rl('sonic-v5'), prompt: '[Verse]\nSalt on the wind', tags: 'soul' },
	'sonic:addInstrumental': { continueClipId: 'clip-1', model: rl('sonic-v5'), tags: 'lo-fi piano' },
	'sonic:concat': { continueClipId: 'clip-1' },
	'sonic:createWithPersona': { personaId: 'persona-1', ...SONG },
	'sonic:getTask': { taskId: 'task-1', resultOptions: { downloadAudio: false } },
	'sonic:getBatch': { batchId: 'batch-1' },
	'sonic:generateLyrics': { description: 'a song about rain' },
	'sonic:alignedLyrics': { clipId: 'clip-1' },
	'sonic:bpm': { clipId: 'clip-1' },
	'sonic:upsampleTags': { tags: 'synthwave' },
	'sonic:createPersona': { name: 'Nova', clipId: 'clip-1' },
	'sonic:vox': { clipId: 'clip-1' },
	'sonic:midi': { clipId: 'clip-1', options: { retryDelay: 0 } },
	'sonic:wav': { clipId: 'clip-1' },
	'sonic:upload': { url: URL_GOOD },
	'sonic:createVoice': { audioUrl: URL_GOOD },
	'sonic:stems': { separation: 'basic', clipId: 'clip-1' },
	'sonic:mashup': { mashupClipIds: 'clip-1, clip-2', ...SONG },
	'sonic:replaceSection': { clipId: 'clip-1', model: rl('sonic-v5'), infillStart: 0, infillEnd: 30 },
	'sonic:sample': { sampleSource: 'url', audioUrl: URL_GOOD, sampleClipId: 'clip-1', ...SONG },
	'sonic:uploadCover': { audioUrl: URL_GOOD, ...SONG },
	'sonic:uploadExtend': { audioUrl: URL_GOOD, continueAt: 30, ...SONG },
	'suno:create': SONIC_CREATE,
	'suno:getClip': { taskId: 'task-1', resultOptions: { downloadAudio: false } },
	'suno:makeLyrics': { prompt: 'a song about leaving home' },
	'suno:getLyrics': { taskId: 'task-1' },
	'suno:getSong': { url: 'https://suno.com/song/abc' },
	'producer:create': {
		taskType: 'create_music',
		model: rl('FUZZ-2.0'),
		clipId: 'clip-1',
		startsAt: 0,
		endsAt: 30,
		sound: 'calm piano',
		lyrics: '[Verse] hello',
		instruction: 'build up',
		prompt: 'a song about night trains',
	},
	'producer:extend': { clipId: 'clip-1', startsAt: 30, lyrics: '[Verse] hello', instruction: 'build up' },
	'producer:replaceSection': { clipId: 'clip-1', startsAt: 0, endsAt: 30, instruction: 'build up' },
	'producer:cover': { clipId: 'clip-1', sound: 'calm piano' },
	'producer:writeLyrics': { prompt: 'a song about night trains' },
	'producer:videoClip': { clipId: 'clip-1' },
	'producer:getTask': { taskId: 'task-1', resultOptions: { downloadAudio: false } },
	'producer:upload': { url: URL_GOOD },
	'producer:download': { clipId: 'clip-1', format: 'mp3' },
	'riffusion:create': {
		taskType: 'create_music',
		model: rl('FUZZ-1.1 Pro'),
		continueClipId: 'clip-1',
		continueAt: 30,
		songMode: 'description',
		prompt: 'edm with a big drop',
		lyrics: '[Verse] hi',
		sound: 'synthwave',
		makeInstrumental: false,
	},
	'riffusion:getTask': { taskId: 'task-1', resultOptions: { downloadAudio: false } },
	'riffusion:upload': { url: URL_GOOD },
	'studio:create': { prompt: 'jazz fusion', lyricsType: 'generate', lyrics: '[Verse] x', model: rl('studio130-v1.5'), configMode: 'regular', sourceSongId: 'song-1' },
	'studio:getTask': { taskId: 'task-1', resultOptions: { downloadAudio: false } },
	'nuro:create': {
		type: 'vocal',
		lyrics: '[Verse] x',
		gender: 'Female',
		vocalDuration: 120,
		description: 'calm study beat',
		bgmDuration: 30,
		version: '',
		segments: { segment: [{ name: 'intro', duration: 10 }] },
	},
	'nuro:getTask': { taskId: 'task-1', resultOptions: { downloadAudio: false } },
	'credits:get': {},
};

/**
 * Optional fields some task types alone accept (checkOnlyFor): their valid values need that type. Found by the
 * node's own "is not used by task_type" error, not guessed.
 */
const SONIC_ONLY_FOR = {
	variationCategory: { taskType: 'remaster' },
	// Offered only on a node saved with a Task Type that reads it (a new song has no source audio).
	audioWeight: { taskType: 'cover_music' },
	overpaintingStart: { taskType: 'add_vocals' },
	overpaintingEnd: { taskType: 'add_vocals', additionalFields: { overpaintingStart: 0 } },
	autoLyrics: { songMode: 'custom' },
};
const CONTEXT: Record<string, Record<string, IDataObject>> = {
	'sonic:create': SONIC_ONLY_FOR,
	'suno:create': SONIC_ONLY_FOR,
	'sonic:extend': { autoLyrics: { songMode: 'custom' } },
	'sonic:cover': { autoLyrics: { songMode: 'custom' } },
	'sonic:createWithPersona': { autoLyrics: { songMode: 'custom' } },
	'producer:create': { strength: { taskType: 'cover_music' } },
};

/**
 * Fields n8n itself will not let an expression drive today (the known gap at the end of this file): its static
 * check then demands a field of another resource that its own normaliser drops, so the run never starts and nothing
 * is sent. Once the gap is fixed these run like every other field.
 */
const BLOCKED_BY_N8N = new Set(['producer:create.taskType']);

/** Runs the node; a run n8n refuses up front (WorkflowHasIssuesError) is allowed only for BLOCKED_BY_N8N fields. */
async function runField(op: OpCase, declared: DeclaredField, items: IDataObject[], bad: boolean): Promise<HarnessResult | undefined> {
	try {
		return await runThroughRig(rig(), parametersFor(op, declared), { items, continueOnFail: true });
	} catch (error) {
		if (!BLOCKED_BY_N8N.has(`${op.key}.${declared.field.name}`) || (error as Error).name !== 'WorkflowHasIssuesError') throw error;
		expect(rig().fake.requests).toHaveLength(0);
		if (bad) tally.blockedByN8n += items.length;
		return undefined;
	}
}

/** Fields an operation always sends, whatever the input: an empty value is not left out. */
const ALWAYS_SENT = new Set([
	// Riffusion requires custom_mode: an empty Mode is sent as description mode (custom_mode: false).
	'riffusion:create.songMode',
]);

/** Settings of the node itself (how long to wait), never part of a request body: their maximum is accepted, not sent. */
const NODE_SIDE = new Set(['sonic:midi.retryDelay', 'sonic:upload.uploadTimeout']);

/**
 * Fields the declaration calls optional but an operation check requires; an empty value is rejected by that check.
 */
const EMPTY_REJECTED: Record<string, RegExp> = {
	'riffusion:create.makeInstrumental': /^Instrumental: is required \(true or false\) but empty$/,
	'studio:create.prompt': /^Prompt \/ Lyrics: at least one is required for Studio; all are empty$/,
	'sonic:stems.separation': /^Separation: "undefined" is not one of: basic, full$/,
};

interface BadValue {
	what: string;
	value: unknown;
	problem: RegExp;
	/** A value the node should refuse but currently sends: tested on its own as a known failure (it.failing). */
	knownGap?: string;
}
interface PassValue {
	what: string;
	value: unknown;
	/** What the request body must show for it: the value under the API name, or the field left out. */
	sent: 'value' | 'omitted' | 'any';
	/** Model names and option values are MusicAPI's to judge: its 4xx, when it answers one, must be quoted. */
	apiDecides?: boolean;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const EMOJI = '🎵';

function isUrlField(field: BodyField): boolean {
	return /url/i.test(field.name) || /url/i.test(field.property.displayName) || field.property.displayName === 'Share Link';
}

/** A string of exactly `length` code points (emoji: two UTF-16 units each), shaped like a URL for URL fields. */
function textOfLength(field: BodyField, length: number): string {
	const prefix = isUrlField(field) ? 'https://example.com/' : '';
	return prefix + EMOJI.repeat(length - prefix.length);
}

/** The bad values a declaration implies, each with the problem the node must name. */
function badValues(declared: DeclaredField): BadValue[] {
	const { field } = declared;
	const out: BadValue[] = [];
	const isModel = field.property.type === 'resourceLocator';
	if (field.required) {
		out.push({ what: 'empty string', value: '', problem: /is required but empty/ });
		out.push({ what: 'whitespace only', value: '   ', problem: /is required but empty/ });
	}
	switch (field.kind) {
		case 'string':
		case 'options':
			out.push({ what: 'an object', value: { a: 1 }, problem: /must be text, got an object/ });
			out.push({ what: 'a list', value: ['a', 'b'], problem: /must be text, got a list/ });
			if (field.maxLength !== undefined) {
				out.push({
					what: `maxLength + 1 code points (${field.maxLength + 1} emoji)`,
					value: textOfLength(field, field.maxLength + 1),
					problem: new RegExp(`is ${field.maxLength + 1} characters long; the limit is ${field.maxLength}`),
				});
			}
			if (isUrlField(field) && !isModel) out.push({ what: 'not a URL', value: 'ftp://example.com/a.mp3', problem: /is not an http\(s\) URL/ });
			break;
		case 'number':
			out.push({ what: 'text', value: 'abc', problem: /must be a number, got "abc"/ });
			out.push({ what: 'an object', value: { a: 1 }, problem: /must be a number, got an object/ });
			out.push({ what: 'a boolean', value: true, problem: /must be a number, got boolean true/ });
			if (field.min !== undefined) out.push({ what: 'below min', value: field.min - 1, problem: new RegExp(`${field.min - 1} is outside the allowed range`) });
			if (field.max !== undefined) out.push({ what: 'above max', value: field.max + 1, problem: new RegExp(`${field.max + 1} is outside the allowed range`) });
			break;
		case 'boolean':
			out.push({ what: '"abc"', value: 'abc', problem: /must be true or false, got "abc"/ });
			out.push({ what: 'a number', value: 1, problem: /must be true or false, got number 1/ });
			out.push({ what: 'an object', value: { a: 1 }, problem: /must be true or false, got an object/ });
			break;
		case 'list':
			if (field.min !== undefined && field.min > 1) out.push({ what: 'too few entries', value: Array.from({ length: field.min - 1 }, (_, i) => `x${i}`).join(','), problem: /has \d+ entries/ });
			if (field.max !== undefined) out.push({ what: 'too many entries', value: Array.from({ length: field.max + 1 }, (_, i) => `x${i}`).join(','), problem: new RegExp(`has ${field.max + 1} entries`) });
			out.push({
				what: 'an object',
				value: { a: 1 },
				problem: /must be (text|a list)/,
			});
			break;
		case 'json':
			if (field.property.type === 'fixedCollection') {
				// n8n offers no expression for a whole fixed collection: bad rows come from expressions in their values.
				out.push({ what: 'a row without a name', value: { name: '', duration: 10 }, problem: /segment 1 has no name/ });
				out.push({ what: 'a row of 0 s', value: { name: 'intro', duration: 0 }, problem: /segment 1 \("intro"\) needs a duration above 0 seconds/ });
				out.push({ what: 'a row whose duration is text', value: { name: 'intro', duration: 'abc' }, problem: /segment 1 \("intro"\) needs a duration above 0 seconds/ });
			} else {
				out.push({ what: 'text that is not JSON', value: 'not json', problem: /is not valid JSON/ });
			}
			break;
	}
	return out;
}

/** A value the declaration accepts: the base value when there is one, else one built from the declaration. */
function goodValue(declared: DeclaredField, base: IDataObject): unknown {
	const { field, collection } = declared;
	if (field.property.type === 'fixedCollection') return { name: 'intro', duration: 10 };
	const given = collection ? (base[collection] as IDataObject | undefined)?.[field.name] : base[field.name];
	if (given !== undefined) return field.property.type === 'resourceLocator' ? (given as IDataObject).value : given;
	const fallback = field.property.default as unknown;
	switch (field.kind) {
		case 'number':
			return typeof fallback === 'number' ? fallback : (field.min ?? 1);
		case 'boolean':
			return true;
		case 'options':
			return (field.property.options as Array<{ value: string }> | undefined)?.[0]?.value ?? 'x';
		case 'list':
			return Array.from({ length: Math.max(field.min ?? 1, 1) }, (_, i) => `x${i}`).join(',');
		case 'json':
			return typeof fallback === 'string' ? fallback : '{}';
		default:
			return isUrlField(field) ? URL_GOOD : 'x';
	}
}

function passValues(declared: DeclaredField, base: IDataObject): PassValue[] {
	const { field } = declared;
	const out: PassValue[] = [{ what: 'a valid value', value: goodValue(declared, base), sent: 'any' }];
	if (!field.required && field.property.type !== 'fixedCollection') {
		out.push({ what: 'empty string (optional: left out)', value: '', sent: 'omitted' });
		out.push({ what: 'whitespace only (optional: left out)', value: '  ', sent: 'omitted' });
	}
	if ((field.kind === 'string' || field.kind === 'options') && field.maxLength !== undefined) {
		out.push({ what: `exactly maxLength code points (${field.maxLength} emoji, ${field.maxLength * 2} UTF-16 units)`, value: textOfLength(field, field.maxLength), sent: 'value' });
	}
	if (field.kind === 'number' && field.max !== undefined) out.push({ what: 'the maximum', value: field.max, sent: 'value' });
	if (field.property.type === 'resourceLocator') out.push({ what: 'an unknown model name', value: 'no-such-model-2099', sent: 'value', apiDecides: true });
	return out;
}

interface OpCase {
	key: string;
	resource: string;
	operation: Operation;
	base: IDataObject;
	fields: DeclaredField[];
	skipped: string[];
}

const OPS: OpCase[] = RESOURCES.flatMap((resource) =>
	resource.operations.map((operation) => {
		const key = `${resource.value}:${operation.value}`;
		const { fields, skipped } = declaredFields(operation.properties);
		return { key, resource: resource.value, operation, base: BASE[key] ?? {}, fields, skipped };
	}),
);

function baseParameters(op: OpCase): IDataObject {
	return {
		resource: op.resource,
		operation: op.operation.value,
		...structuredClone(op.base),
		...(op.operation.mode === 'async' ? { completion: 'submit' } : {}),
		requestOptions: { interval: 0, retryDelay: 5, maxRetries: 0 },
	};
}

/** The base, with the field made visible (its show conditions met) and its value taken from each item's `v`. */
function parametersFor(op: OpCase, declared: DeclaredField): IDataObject {
	const params = baseParameters(op);
	const show = (declared.field.property.displayOptions?.show ?? {}) as Record<string, unknown[]>;
	for (const [name, allowed] of Object.entries(show)) {
		if (name === 'resource' || name === 'operation' || !Array.isArray(allowed)) continue;
		if (!allowed.includes(params[name] as never)) params[name] = allowed[0] as IDataObject[string];
	}
	const context = CONTEXT[op.key]?.[declared.field.name] ?? {};
	for (const [name, value] of Object.entries(context)) {
		params[name] = name === 'additionalFields' ? { ...((params.additionalFields as IDataObject) ?? {}), ...(value as IDataObject) } : value;
	}
	const expression = '={{ $json.v }}';
	const { property } = declared.field;
	let value: unknown = expression;
	if (property.type === 'resourceLocator') value = { __rl: true, mode: 'id', value: expression };
	if (property.type === 'fixedCollection') {
		const [group] = property.options as Array<{ name: string; values: Array<{ name: string }> }>;
		value = { [group.name]: [Object.fromEntries(group.values.map((v) => [v.name, `={{ $json.v.${v.name} }}`]))] };
	}
	if (declared.collection) params[declared.collection] = { ...((params[declared.collection] as IDataObject) ?? {}), [declared.field.name]: value };
	else params[declared.field.name] = value as IDataObject[string];
	return satisfyStaticCheck(params);
}

const NODE_DESCRIPTION = new MusicApi().description;
const isExpression = (value: unknown) => typeof value === 'string' && value.startsWith('=');

/**
 * n8n shows (and requires) every parameter whose display condition depends on a parameter set by an expression,
 * before it looks at resource and operation (n8n-workflow displayParameter; see the known gap at the end). So that
 * the node, not n8n's static check, judges an expression in Task Type, Mode, Type…, whatever that check asks for
 * gets a placeholder — found with n8n's own check, the one WorkflowExecute runs; the node never reads those.
 */
function satisfyStaticCheck(params: IDataObject): IDataObject {
	if (!Object.values(params).some(isExpression)) return params;
	for (let round = 0; round < 5; round++) {
		const given = params as INodeParameters;
		const node: INode = { id: 'n', name: 'MusicAPI', type: 'musicApi', typeVersion: 1, position: [0, 0], parameters: given };
		// As the Workflow constructor does: defaults first (a Mode shown because of the expression gets its default).
		node.parameters = NodeHelpers.getNodeParameters(NODE_DESCRIPTION.properties, given, true, false, node, NODE_DESCRIPTION) ?? given;
		const issues = NodeHelpers.getNodeParametersIssues(NODE_DESCRIPTION.properties, node, NODE_DESCRIPTION)?.parameters ?? {};
		const missing = Object.keys(issues).filter((name) => !(name in params) || params[name] === '');
		if (missing.length === 0) break;
		// Keep the defaults n8n adds (a Mode shown because of the expression), or it drops the placeholders again.
		for (const [name, value] of Object.entries(node.parameters)) if (!(name in params)) params[name] = value as IDataObject[string];
		for (const name of missing) {
			const property = NODE_DESCRIPTION.properties.find((p) => p.name === name);
			params[name] = property?.type === 'number' ? 1 : 'placeholder';
		}
	}
	return params;
}

/** Sonic → Create in poll mode with the base song fields. */
function sonicBatchParams(overrides: IDataObject): IDataObject {
	return { resource: 'sonic', operation: 'create', ...structuredClone(SONIC_CREATE), completion: 'wait', requestOptions: { interval: 0, retryDelay: 5 }, ...overrides };
}

function label(declared: DeclaredField): string {
	return declared.field.property.displayName;
}

function apiRequests() {
	return rig().fake.requests.filter((r) => !r.path.startsWith('/files/'));
}

function errorOf(item: INodeExecutionData): string | undefined {
	return typeof item.json.error === 'string' ? item.json.error : undefined;
}

const tally = { tried: 0, rejectedBeforeSending: 0, leakedToApi: 0, passedAsDesigned: 0, apiDecided: 0, apiAnswersQuoted: 0, secretLeaks: 0, knownGaps: 0, blockedByN8n: 0 };
results.beforeWrite(() => {
	for (const [figure, amount] of Object.entries(tally)) results.add(figure, amount);
	results.add('operations', OPS.length);
	results.add('fields', OPS.reduce((n, op) => n + op.fields.length, 0));
});

function countLeaks(result: HarnessResult) {
	const leaks = scanForSecrets(result).leaks.length;
	tally.secretLeaks += leaks;
	expect(leaks).toBe(0);
}

it('covers every operation of the registry, each with a base parameter set', () => {
	expect(OPS.filter((op) => !(op.key in BASE)).map((op) => op.key)).toEqual([]);
	expect(Object.keys(BASE).filter((key) => !OPS.some((op) => op.key === key))).toEqual([]);
	// Everything not generated is named: notices, Get Task's Result Options, Sample's Source selector, and the hidden
	// former Model read from saved workflows only (each resource's own model field is tested). The hidden Task Types
	// of Sonic's and Producer's Create are declarations made saved-only (savedOnly), so they are tested like the rest.
	const skipped = [...new Set(OPS.flatMap((op) => op.skipped))].sort();
	expect(skipped).toEqual(['model', 'resultOptions', 'sampleSource']);
	// Declarations were found for (nearly) every field; only copied properties are inferred.
	expect(OPS.flatMap((op) => op.fields.filter((f) => !f.recorded).map((f) => `${op.key}.${f.field.name}`))).toEqual(['suno:getLyrics.taskId']);
});

describe.each(OPS.map((op) => [op.key, op] as const))('%s', (_key, op) => {
	it('the base parameters are valid: the request reaches MusicAPI', async () => {
		const result = await runThroughRig(rig(), baseParameters(op));
		const clientSide = result.error?.message?.startsWith('[item') ? result.error.message : undefined;
		expect(clientSide).toBeUndefined();
		expect(apiRequests().length).toBeGreaterThanOrEqual(1);
		countLeaks(result);
	});

	const cases = op.fields.map((declared) => [`${declared.collection ? `${declared.collection}.` : ''}${declared.field.name}`, declared] as const);
	if (cases.length === 0) return;

	it.each(cases)('%s: bad values are rejected with "[item N] <field>: …" and nothing is sent', async (name, declared) => {
		const emptyRejected = EMPTY_REJECTED[`${op.key}.${declared.field.name}`];
		const bad = badValues(declared).filter((b) => !b.knownGap);
		if (emptyRejected) bad.push({ what: 'empty string (required by a check)', value: '', problem: emptyRejected });
		const record = results.start(`${op.key} ${name}`, { injected: bad.length, kinds: bad.map((b) => b.what) });
		tally.tried += bad.length;
		const result = await runField(op, declared, bad.map((b) => ({ v: b.value }) as IDataObject), true);
		if (!result) return;
		countLeaks(result);
		const sent = apiRequests().length;
		tally.leakedToApi += sent;
		const errors = result.items.map(errorOf);
		const rejected = errors.filter((e, i) => e?.startsWith(`[item ${i}] `)).length;
		record.rejectedBeforeSending = sent === 0 ? rejected : 0;
		tally.rejectedBeforeSending += sent === 0 ? rejected : 0;
		expect({ field: name, sent: apiRequests().map((r) => ({ path: r.path, body: r.body })), errors }).toEqual({ field: name, sent: [], errors });
		expect(result.items.map((i) => i.pairedItem)).toEqual(bad.map((_, i) => ({ item: i })));
		bad.forEach((b, i) => {
			const expected = emptyRejected && b.problem === emptyRejected ? emptyRejected.source.replace(/^\^/, '') : `${escape(label(declared))}: .*${b.problem.source}`;
			expect({ what: b.what, error: errors[i] }).toEqual({ what: b.what, error: expect.stringMatching(new RegExp(`^\\[item ${i}\\] ${expected}`)) });
			expect(result.items[i].json.description).toMatch(/Nothing was sent to MusicAPI|and run again/);
		});
		record.handled = true;
	});

	it.each(cases)('%s: valid, empty-optional, at-limit values are sent as they are', async (name, declared) => {
		const emptyRejected = EMPTY_REJECTED[`${op.key}.${declared.field.name}`];
		const pass = passValues(declared, op.base)
			.filter((p) => !(emptyRejected && p.sent === 'omitted'))
			.map((p) => (p.sent === 'omitted' && ALWAYS_SENT.has(`${op.key}.${declared.field.name}`) ? { ...p, sent: 'any' as const } : p))
			.map((p) => (p.sent === 'value' && NODE_SIDE.has(`${op.key}.${declared.field.name}`) ? { ...p, sent: 'any' as const } : p));
		const result = await runField(op, declared, pass.map((p) => ({ v: p.value }) as IDataObject), false);
		if (!result) return;
		countLeaks(result);
		const requests = apiRequests();
		const clientErrors = result.items.map(errorOf).filter((e) => e?.startsWith('[item'));
		expect({ field: name, clientErrors }).toEqual({ field: name, clientErrors: [] });
		expect(requests).toHaveLength(pass.length);
		pass.forEach((p, i) => {
			const body = (requests[i].body ?? {}) as IDataObject;
			const apiName = declared.field.apiName;
			if (p.sent === 'omitted') expect({ what: p.what, has: apiName in body }).toEqual({ what: p.what, has: false });
			if (p.sent === 'value') expect({ what: p.what, sent: body[apiName] }).toEqual({ what: p.what, sent: p.value });
			if (p.apiDecides) {
				tally.apiDecided++;
				const answer = rig().tap.exchanges.filter((x) => !x.path.startsWith('/files/'))[i];
				if (answer.status >= 400) {
					// Quoted as MusicAPI said it, with the field it names in the panel's words ('mv' → Model (mv)).
					const said = ((answer.responseBody as { error?: string } | undefined)?.error ?? '').replace(`'${apiName}'`, `${label(declared)} (${apiName})`);
					const error = result.items.find((item) => (item.pairedItem as { item: number }).item === i)?.json.error;
					expect({ what: p.what, error }).toEqual({ what: p.what, error: expect.stringContaining(said) });
					tally.apiAnswersQuoted++;
				}
			}
		});
		tally.passedAsDesigned += pass.length;
	});

	const gaps = op.fields.flatMap((declared) =>
		badValues(declared)
			.filter((b) => b.knownGap)
			.map((b) => [`${declared.field.name} given ${b.what}`, declared, b] as const),
	);
	if (gaps.length === 0) return;
	// Known failures, kept visible: each passes while the node still gets it wrong and fails once it is fixed.
	it.failing.each(gaps)('KNOWN GAP — %s is rejected before sending', async (name, declared, b) => {
		tally.knownGaps++;
		results.start(`${op.key} ${name} (known gap: ${b.knownGap})`, { injected: 1, knownGap: b.knownGap });
		const result = await runThroughRig(rig(), parametersFor(op, declared), { items: [{ v: b.value } as IDataObject], continueOnFail: true });
		expect(apiRequests()).toHaveLength(0);
		expect(errorOf(result.items[0])).toMatch(new RegExp(`^\\[item 0\\] ${escape(label(declared))}: .*${b.problem.source}`));
	});
});

/** Node-wide number options (Request Options, Result Options), from their declarations in the node. */
const NODE_NUMBER_OPTIONS = (
	[
		['requestOptions', requestOptionsProperty],
		['resultOptions', completionProperties.find((p) => p.name === 'resultOptions')],
	] as const
).flatMap(([collection, property]) =>
	((property?.options ?? []) as INodeProperties[]).filter((o) => o.type === 'number').map((option) => [`${collection}.${option.name}`, collection, option] as const),
);

describe('node-wide number options given by an expression', () => {
	it('are all found', () => {
		expect(NODE_NUMBER_OPTIONS.map(([name]) => name).sort()).toEqual([
			'requestOptions.interval',
			'requestOptions.maxRetries',
			'requestOptions.rateLimitWait',
			'requestOptions.retryDelay',
			'requestOptions.timeout',
			'resultOptions.pollInterval',
			'resultOptions.timeout',
		]);
	});

	it.each(NODE_NUMBER_OPTIONS)('%s: text, an object or a value out of range stops the run before anything is sent', async (_name, collection, option) => {
		const min = option.typeOptions?.minValue as number | undefined;
		const max = option.typeOptions?.maxValue as number | undefined;
		const values: unknown[] = ['abc', { a: 1 }, ...(min !== undefined ? [min - 1] : []), ...(max !== undefined ? [max + 1] : [])];
		const label = collection === 'requestOptions' ? 'Request Options' : 'Result Options';
		const record = results.start(`node option ${collection}.${option.name}`, { injected: values.length });
		for (const value of values) {
			tally.tried++;
			const params = sonicBatchParams({ [collection]: { ...(collection === 'requestOptions' ? { interval: 0, retryDelay: 5 } : {}), [option.name]: '={{ $json.v }}' } });
			const result = await runThroughRig(rig(), params, { items: [{ v: value } as IDataObject] });
			countLeaks(result);
			expect({ value, sent: rig().fake.requests.length }).toEqual({ value, sent: 0 });
			expect(result.error?.message).toMatch(new RegExp(`^\\[item 0\\] ${escape(label)} → ${escape(option.displayName)}: must be a number`));
			expect(result.error?.description).toMatch(/Nothing was sent to MusicAPI/);
			tally.rejectedBeforeSending++;
		}
		record.handled = true;
	});

	it('a number given as text by an expression is accepted', async () => {
		const result = await runThroughRig(rig(), sonicBatchParams({ resultOptions: { pollInterval: '={{ "0.02" }}', timeout: '={{ "0.5" }}', downloadAudio: false } }));
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
	});
});

describe('without Continue On Fail: the first bad item stops the run', () => {
	it('async (Sonic → Create): a bad item 2 after two good ones — "[item 2]" error, NO request at all (every item is checked before any is sent)', async () => {
		const op = OPS.find((candidate) => candidate.key === 'sonic:create') as OpCase;
		const result = await runThroughRig(rig(), { ...baseParameters(op), gptDescriptionPrompt: '={{ $json.v }}' }, { items: [{ v: 'one' }, { v: 'two' }, { v: EMOJI.repeat(401) }] });
		expect(result.error?.message).toBe('[item 2] Song Description: is 401 characters long; the limit is 400');
		expect(result.error?.description).toMatch(/Nothing was sent to MusicAPI/);
		expect(rig().fake.requests).toHaveLength(0);
		countLeaks(result);
	});

	it('sync (Sonic → Generate Lyrics): items are sent one by one, so item 0 was sent before bad item 1 stopped the run — and the error says so', async () => {
		const op = OPS.find((candidate) => candidate.key === 'sonic:generateLyrics') as OpCase;
		const result = await runThroughRig(rig(), { ...baseParameters(op), description: '={{ $json.v }}' }, { items: [{ v: 'rain' }, { v: '  ' }] });
		expect(result.error?.message).toBe('[item 1] Description: is required but empty');
		expect(result.error?.description).toMatch(/Item 0 was already sent to MusicAPI and may have used credits; its result is not in the output because the node stopped at item 1\. Turn on "Continue On Fail"/);
		expect(rig().fake.requests.map((r) => r.body)).toEqual([{ description: 'rain' }]);
		countLeaks(result);
	});
});

/** Keeps the generator honest about what it generates. */
it('generates the documented kinds of bad input', () => {
	const all = OPS.flatMap((op) => op.fields.flatMap((f) => badValues(f).map((b) => b.what)));
	for (const kind of ['empty string', 'an object', 'text', '"abc"', 'below min', 'above max', 'too many entries', 'a row without a name']) {
		expect(all).toContain(kind);
	}
	expect(all.some((w) => /^maxLength \+ 1 code points/.test(w))).toBe(true);
	const properties: INodeProperties[] = OPS.flatMap((op) => op.operation.properties);
	expect(properties.length).toBeGreaterThan(100);
});

/**
 * actions/describe.ts puts `resource` and `operation` first in every field's show conditions: n8n reads a condition
 * on an expression as met, so an expression in Producer → Create's Task Type must not make n8n ask for Sonic's
 * "Persona ID" or "Song Description".
 */
it("an expression in Producer → Create's Task Type asks only for Producer's own fields", async () => {
	const op = OPS.find((candidate) => candidate.key === 'producer:create') as OpCase;
	results.start('producer:create taskType from an expression', { injected: 1 });
	const result = await runThroughRig(rig(), { ...baseParameters(op), taskType: '={{ $json.v }}' }, { items: [{ v: 'create_music' }] });
	expect(result.error).toBeUndefined();
	expect(apiRequests()).toHaveLength(1);
});
