import { defineAsync } from '../define';
import { UPLOAD_STEP_TIMEOUT_MS, uploadStepCheck } from './uploadStep';
import { numberField } from '../../descriptions/fields';
import { finishSongBody, songOptionalFields } from '../../descriptions/sonicFields';
import {
	audioUrlField,
	autoConcatField,
	checkWholeSeconds,
	durationField,
	songFields,
	sonicModelField,
} from '../../descriptions/sonicToolFields';

export const uploadExtend = defineAsync({
	value: 'uploadExtend',
	name: 'Upload & Extend',
	action: 'Upload and extend audio',
	description: 'Upload an audio file and continue it from a point in one call (15 credits)',
	credits: '15',
	path: '/sonic/upload-extend',
	dialect: 'sonic',
	minTimeoutMs: UPLOAD_STEP_TIMEOUT_MS,
	checkSubmitAnswer: uploadStepCheck('/sonic/upload-extend'),
	fields: [
		audioUrlField('url', {
			description: 'The audio to extend (up to 8 minutes). The upload takes 30–60 s inside the submit call; the node waits up to 180 s for it.',
		}),
		numberField('continueAt', 'continue_at', {
			displayName: 'Continue At (Seconds)',
			required: true,
			min: 0,
			default: 60,
			description: 'Where in the uploaded audio the extension starts',
		}),
		sonicModelField(),
		...songFields(),
	],
	optional: [
		autoConcatField(
			'Whether MusicAPI also joins the extension to the upload; each result then comes with its full-length version (role "full")',
		),
		...songOptionalFields,
		durationField,
	],
	refine(ctx, itemIndex, body) {
		checkWholeSeconds(ctx.fn, itemIndex, body);
		return finishSongBody(ctx.fn, itemIndex, body);
	},
});
