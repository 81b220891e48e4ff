import { defineSync, taskIdField } from '../define';
import { answerData } from '../answers';

/** `GET /suno/get-lyrics/{id}`: the result of Make Lyrics, passed on as MusicAPI sends it, with the task id. */
export const getLyrics = defineSync({
	value: 'getLyrics',
	name: 'Get Lyrics',
	action: 'Get legacy lyrics',
	description: 'Read the result of a Make Lyrics job once (free)',
	credits: '0',
	method: 'GET',
	path: '/suno/get-lyrics',
	pathField: taskIdField.apiName,
	fields: [{ ...taskIdField, property: { ...taskIdField.property, description: 'The task ID Make Lyrics returned' } }],
	shape(body, ctx, itemIndex) {
		const taskId = String(ctx.fn.getNodeParameter(taskIdField.name, itemIndex, ''));
		return answerData(body).map((data) => ({ taskId, ...data }));
	},
});
