import { defineSync } from '../define';
import { textField } from '../../descriptions/fields';
import { dataOf, unexpectedAnswer } from '../answers';

/** `POST /sonic/upsample-tags`: expands a short style-tag string into a richer one. */
export const upsampleTags = defineSync({
	value: 'upsampleTags',
	name: 'Upsample Tags',
	action: 'Upsample style tags',
	description: 'Expand a short style-tag string into a richer one for Create (1 credit)',
	credits: '1',
	method: 'POST',
	path: '/sonic/upsample-tags',
	fields: [
		textField('tags', 'tags', {
			displayName: 'Style Tags',
			required: true,
			placeholder: 'e.g. synthwave, female vocals',
			description: 'Comma-separated styles to expand. No length limit is documented.',
		}),
	],
	shape: (body, ctx, itemIndex) => {
		const upsampled = dataOf(body)?.upsampled_tags;
		if (typeof upsampled !== 'string') {
			throw unexpectedAnswer(ctx, itemIndex, 'POST /sonic/upsample-tags', '"data.upsampled_tags"');
		}
		const tags = String(ctx.fn.getNodeParameter('tags', itemIndex));
		return [{ tags, upsampledTags: upsampled }];
	},
});
