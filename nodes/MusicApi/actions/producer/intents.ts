import {
	checkContinueFrom,
	continueFromField,
	COVER,
	coverStrengthOption,
	defineProducerTask,
	endField,
	EXTEND,
	instructionField,
	lengthOption,
	lyricsDescriptionField,
	lyricsField,
	MAKE_LYRICS,
	musicDescriptionField,
	producerClipField,
	REPLACE,
	startField,
	VIDEO,
} from './music';

/** Producer's intents besides Create: each task type its own operation, as users look for them. */
export const extendMusic = defineProducerTask({
	value: 'extend',
	name: 'Extend Music',
	action: 'Extend music with Producer',
	description: 'Continue a Producer clip from a point in time (12 credits)',
	credits: '12',
	taskType: EXTEND,
	fields: [
		producerClipField('The Producer clip to continue'),
		continueFromField,
		lyricsField(undefined, 'Words to sing in the new part'),
		instructionField(),
	],
	optional: [lengthOption],
	check: checkContinueFrom,
});

export const replaceSection = defineProducerTask({
	value: 'replaceSection',
	name: 'Replace a Section of Music',
	action: 'Replace a section of music with Producer',
	description: 'Regenerate a time range of a Producer clip (12 credits)',
	credits: '12',
	taskType: REPLACE,
	fields: [producerClipField('The Producer clip to change'), startField('Start of the section to regenerate'), endField(), instructionField()],
});

export const coverMusic = defineProducerTask({
	value: 'cover',
	name: 'Cover Music',
	action: 'Cover music with Producer',
	description: 'Restyle a Producer clip with a new sound (price not published)',
	credits: 'not published',
	taskType: COVER,
	fields: [producerClipField('The Producer clip to cover'), musicDescriptionField(undefined, 'The new style, mood and instruments')],
	optional: [coverStrengthOption],
});

export const writeLyrics = defineProducerTask({
	value: 'writeLyrics',
	name: 'Write Lyrics',
	action: 'Write lyrics with Producer',
	description: 'Lyrics from a description, no audio (price not published)',
	credits: 'not published',
	taskType: MAKE_LYRICS,
	fields: [lyricsDescriptionField()],
});

export const videoClip = defineProducerTask({
	value: 'videoClip',
	name: 'Make a Video',
	action: 'Make a video of a Producer clip',
	description: 'A video for a Producer clip (price not published)',
	credits: 'not published',
	taskType: VIDEO,
	fields: [producerClipField('The Producer clip to make a video for')],
});
