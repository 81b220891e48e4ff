import type { INodeProperties } from 'n8n-workflow';

import { defineAsync } from '../define';
import { optionsField, savedOnly } from '../../descriptions/fields';
import { modelField } from '../../descriptions/models';
import { noticeProperty } from '../../descriptions/resourceFields';
import { checkOnlyFor, requireOneOf } from '../../input/checks';
import {
	checkSection,
	COVER,
	coverStrengthOption,
	CREATE,
	endField,
	EXTEND,
	instructionField,
	instrumentalOption,
	lengthOption,
	lyricsDescriptionField,
	lyricsField,
	MAKE_LYRICS,
	musicDescriptionField,
	producerClipField,
	REPLACE,
	seedOption,
	startField,
	titleOption,
	VIDEO,
} from './music';
import { coverMusic, extendMusic, replaceSection, videoClip, writeLyrics } from './intents';

/**
 * "Create Music" keeps the value `create` of the former all-in-one Create. Workflows saved before each task type got
 * its own operation carry a Task Type (extend_music, cover_music…) here; it stays declared as a hidden parameter
 * (n8n keeps only declared, displayed parameters) and such a node still sends what it sent, with the fields of its
 * task type and a notice saying where it moved. A new node never shows it: its default is create_music.
 */
const LEGACY = [EXTEND, REPLACE, COVER, MAKE_LYRICS, VIDEO];

const taskType = savedOnly(
	optionsField('taskType', 'task_type', {
		displayName: 'Task Type',
		options: [CREATE, ...LEGACY].map((value) => ({ name: value, value })),
		default: CREATE,
		description: 'The task type of a node saved before each had its own operation',
	}),
);

const legacyNotice: INodeProperties = {
	...noticeProperty(
		'producerTaskTypeNotice',
		'This node was saved with a Task Type of the former Create operation and still runs it with the fields below. For new steps pick the operation named after it (Extend Music, Replace a Section of Music, Cover Music, Write Lyrics, Make a Video).',
	),
	displayOptions: { show: { taskType: LEGACY } },
};

const fields = [
	taskType,
	modelField('producer', { default: 'FUZZ-2.0', show: { taskType: [CREATE] } }),
	producerClipField('The Producer clip to extend, change, cover or make a video for', { taskType: [EXTEND, REPLACE, COVER, VIDEO] }),
	startField('Extend: where in the source clip the continuation starts. Replace Section: start of the section to regenerate.', {
		taskType: [EXTEND, REPLACE],
	}),
	endField({ taskType: [REPLACE] }),
	musicDescriptionField({ taskType: [CREATE, COVER] }, 'The style, mood and instruments to generate. Needs a Music Description, Lyrics or both.'),
	// Replace Section's body has no lyrics (contract §3.6): its Instruction says what the new part should be.
	lyricsField({ taskType: [CREATE, EXTEND] }, 'Words to sing. Needs a Music Description, Lyrics or both.'),
	lyricsDescriptionField({ taskType: [MAKE_LYRICS] }),
	instructionField({ taskType: [EXTEND, REPLACE] }),
];

/** Additional fields; on a saved node of another task type, those of its type too (checked below). */
const optional = [titleOption, seedOption, instrumentalOption({ '/taskType': [CREATE] }), lengthOption, coverStrengthOption];

/** Additional fields MusicAPI documents for some task types only. */
const ONLY_FOR: Record<string, { label: string; types: string[] }> = {
	title: { label: 'Title', types: [CREATE] },
	seed: { label: 'Seed', types: [CREATE] },
	make_instrumental: { label: 'Instrumental', types: [CREATE] },
	length: { label: 'Length (Seconds)', types: [CREATE, EXTEND] },
	strength: { label: 'Cover Strength', types: [COVER] },
};

const CREATE_CREDITS = '10';

/** What a saved node of another task type pays: the price of the operation its task type moved to. */
const LEGACY_CREDITS: Record<string, string> = {
	[EXTEND]: extendMusic.credits,
	[REPLACE]: replaceSection.credits,
	[COVER]: coverMusic.credits,
	[MAKE_LYRICS]: writeLyrics.credits,
	[VIDEO]: videoClip.credits,
};

export const create = defineAsync({
	value: 'create',
	name: 'Create Music',
	action: 'Create background music or a song',
	description: 'Background music, instrumentals or songs from a description of the music and/or lyrics (10 credits)',
	credits: CREATE_CREDITS,
	creditsFor: (fn, itemIndex) => LEGACY_CREDITS[String(fn.getNodeParameter('taskType', itemIndex, CREATE))] ?? CREATE_CREDITS,
	path: '/producer/create',
	dialect: 'producer',
	extraProperties: [legacyNotice],
	fields,
	optional,
	refine(ctx, itemIndex, body) {
		checkOnlyFor(ctx.fn, itemIndex, body, 'task_type', ONLY_FOR);
		if (body.task_type === CREATE) {
			const needed = [
				{ apiName: 'sound', label: 'Music Description' },
				{ apiName: 'lyrics', label: 'Lyrics' },
			];
			requireOneOf(ctx.fn, itemIndex, body, needed, 'to create music');
		}
		return checkSection(ctx, itemIndex, body);
	},
});
