import { tagsField } from '../../descriptions/sonicFields';
import { pickSongOptional, sonicModelField } from '../../descriptions/sonicToolFields';
import { checkRegion, defineSong, regionFields, sourceClipField, useSunoCdnField } from './song';

/** `add_instrumental`: accompaniment for uploaded vocals; no prompt, no mode (contract §3.1.2). */
export const addInstrumental = defineSong({
	value: 'addInstrumental',
	name: 'Add an Instrumental',
	action: 'Add an instrumental to vocals',
	description: 'Accompany uploaded vocals with music (15 credits)',
	credits: '15',
	taskType: 'add_instrumental',
	fields: [
		sourceClipField('Uploaded vocals to accompany (from Upload Audio, at most 24 hours old)'),
		sonicModelField(),
		tagsField(),
	],
	optional: [...pickSongOptional('negativeTags', 'styleWeight', 'audioWeight'), ...regionFields, useSunoCdnField],
	check: checkRegion,
});
