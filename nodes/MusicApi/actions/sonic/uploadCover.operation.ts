import { defineAsync } from '../define';
import { UPLOAD_STEP_TIMEOUT_MS, uploadStepCheck } from './uploadStep';
import { finishSongBody, songOptionalFields } from '../../descriptions/sonicFields';
import {
	audioUrlField,
	checkWholeSeconds,
	durationField,
	songFields,
	sonicModelField,
} from '../../descriptions/sonicToolFields';

export const uploadCover = defineAsync({
	value: 'uploadCover',
	name: 'Upload & Cover',
	action: 'Upload and cover audio',
	description: 'Upload an audio file and restyle it in one call, two clips out (15 credits)',
	credits: '15',
	path: '/sonic/upload-cover',
	dialect: 'sonic',
	minTimeoutMs: UPLOAD_STEP_TIMEOUT_MS,
	checkSubmitAnswer: uploadStepCheck('/sonic/upload-cover'),
	fields: [
		audioUrlField('url', {
			description: 'The audio to cover (up to 8 minutes). The upload takes 30–60 s inside the submit call; the node waits up to 180 s for it.',
		}),
		sonicModelField(),
		...songFields(),
	],
	optional: [...songOptionalFields, durationField],
	refine(ctx, itemIndex, body) {
		checkWholeSeconds(ctx.fn, itemIndex, body);
		return finishSongBody(ctx.fn, itemIndex, body);
	},
});
