import type { INodeProperties } from 'n8n-workflow';

import { defineAsync } from '../define';
import { numberField, textField } from '../../descriptions/fields';
import { finishSongBody } from '../../descriptions/sonicFields';
import {
	audioUrlField,
	pickSongOptional,
	songFields,
	sonicModelField,
} from '../../descriptions/sonicToolFields';
import { checkRange } from '../../input/checks';

/** MusicAPI takes the sample either as an audio URL or as a clip ID, exactly one of them. */
const source: INodeProperties = {
	displayName: 'Source',
	name: 'sampleSource',
	type: 'options',
	options: [
		{ name: 'URL', value: 'url', description: 'A public audio file' },
		{ name: 'Clip ID', value: 'clipId', description: 'A clip on MusicAPI' },
	],
	default: 'url',
	description: 'Where the sample comes from',
};

const START = { apiName: 'chop_sample_start_s', label: 'Sample Start (Seconds)' };
const END = { apiName: 'chop_sample_end_s', label: 'Sample End (Seconds)' };

export const sample = defineAsync({
	value: 'sample',
	name: 'Sample',
	action: 'Create a song from a sample',
	description: 'Chop a window out of audio and build a new song on it, two clips out (14 credits)',
	credits: '14',
	path: '/sonic/sample',
	dialect: 'sonic',
	extraProperties: [source],
	fields: [
		audioUrlField('url', { description: 'The audio to sample.', show: { sampleSource: ['url'] } }),
		textField('sampleClipId', 'sample_clip_id', {
			displayName: 'Sample Clip ID',
			required: true,
			description: 'The clip to sample',
			show: { sampleSource: ['clipId'] },
		}),
		sonicModelField(),
		...songFields(),
	],
	optional: [
		numberField('chopStart', START.apiName, {
			displayName: START.label,
			min: 0,
			description: 'Where the sampled window starts in the source',
		}),
		numberField('chopEnd', END.apiName, {
			displayName: END.label,
			min: 0,
			default: 10,
			description: 'Where the sampled window ends; must be after the start',
		}),
		...pickSongOptional('makeInstrumental', 'vocalGender', 'styleWeight', 'weirdnessConstraint', 'audioWeight'),
	],
	refine(ctx, itemIndex, body) {
		checkRange(ctx.fn, itemIndex, body, START, END);
		return finishSongBody(ctx.fn, itemIndex, body);
	},
});
