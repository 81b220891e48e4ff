import { defineSong, sourceClipField } from './song';

/** `concat_music` takes only the extension clip (contract §3.1.2): no model, no prompt, nothing optional. */
export const concat = defineSong({
	value: 'concat',
	name: 'Concat',
	action: 'Concat an extension into the full song',
	description: 'Join a clip from Extend a Song with its source into the whole song (2 credits)',
	credits: '2',
	taskType: 'concat_music',
	fields: [sourceClipField('The extension clip from Extend a Song; the result is the source and the extension as one song')],
});
