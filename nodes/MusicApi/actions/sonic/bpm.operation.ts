import type { IDataObject } from 'n8n-workflow';

import { defineSync } from '../define';
import { dataOf, unexpectedAnswer } from '../answers';
import { clipIdField } from '../../descriptions/fields';

/** `POST /sonic/bpm`: average, minimum and maximum tempo of a clip. */
export const bpm = defineSync({
	value: 'bpm',
	name: 'BPM',
	action: 'Get the BPM of a clip',
	description: 'Estimate the average, minimum and maximum tempo of a clip (1 credit)',
	credits: '1',
	method: 'POST',
	path: '/sonic/bpm',
	fields: [clipIdField('The clip to measure (generated within the last 24 hours)')],
	shape: (body, ctx, itemIndex) => {
		const data = dataOf(body);
		if (!data) throw unexpectedAnswer(ctx, itemIndex, 'POST /sonic/bpm', '"data"');
		const clipId = String(ctx.fn.getNodeParameter('clipId', itemIndex));
		return [
			{ clipId: clipId.trim(), avgBpm: data.avg_bpm, minBpm: data.min_bpm, maxBpm: data.max_bpm } as IDataObject,
		];
	},
});
