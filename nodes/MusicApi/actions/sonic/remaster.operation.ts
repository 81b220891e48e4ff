import { optionsField } from '../../descriptions/fields';
import { sonicModelField } from '../../descriptions/sonicToolFields';
import { defineSong, sourceClipField } from './song';

/** `remaster` reads the clip, the model and the variation only (contract §3.1.2). */
export const remaster = defineSong({
	value: 'remaster',
	name: 'Remaster a Song',
	action: 'Remaster a song',
	description: 'Upgrade a clip with a newer model, or vary it (15 credits)',
	credits: '15',
	taskType: 'remaster',
	fields: [sourceClipField('The clip to remaster, at most 24 hours old'), sonicModelField()],
	optional: [
		optionsField('variationCategory', 'variation_category', {
			displayName: 'Variation',
			options: [
				{ name: 'High', value: 'high' },
				{ name: 'Normal', value: 'normal' },
				{ name: 'Subtle', value: 'subtle' },
			],
			default: 'normal',
			description: 'How far the remaster may drift from the source',
		}),
	],
});
