import { defineSong, sourceClipField } from './song';

/** `concat_music` takes only the extension clip (contract §3.1.2): no model, no prompt, nothing optional. */
export const concat = defineSong({
	value: 'concat',
	name: 'Concat',
	action: 'Concat an extension into the full song',
	description: 'Join a clip from Extend a Song with its source into the whole song (2 credits)',
	credits: '2',
	taskType: 'concat_music',
	fields: [
		sourceClipField(
			"The extension's own clip ID (clipId of an Extend a Song item, not its sourceClipId); the result is the source and the extension as one song",
			undefined,
			'Extension Clip ID',
		),
	],
	check: (body, incoming) =>
		// The source clip is the one mistake that still "works": MusicAPI concatenates whatever it is given and charges.
		incoming.sourceClipId !== undefined && body.continue_clip_id === incoming.sourceClipId
			? {
					field: 'Extension Clip ID',
					problem: `is the incoming item's sourceClipId (${String(incoming.sourceClipId)}), the clip the extension was made from; give the extension's own clipId, e.g. {{ $json.clipId }}`,
				}
			: undefined,
});
