import type { IDataObject } from 'n8n-workflow';

import { defineSync } from '../define';
import { unexpectedAnswer } from '../answers';
import { textField } from '../../descriptions/fields';

/**
 * `GET /sonic/batch?batch_id=` (newest official site): the tasks of a batch created by Batch Submit. One item per
 * task, so a batch whose answer named no task IDs can be recovered and each task fetched with Get Task.
 */
export const getBatch = defineSync({
	value: 'getBatch',
	name: 'Get Batch',
	action: 'Get a Sonic batch',
	description: 'List the tasks of a batch sent with Batch Submit (beta), with their states (free)',
	credits: '0',
	method: 'GET',
	path: '/sonic/batch',
	fields: [
		textField('batchId', 'batch_id', {
			displayName: 'Batch ID',
			required: true,
			description: 'The batch ID a Batch Submit returned or named in its error',
		}),
	],
	shape: (body, ctx, itemIndex) => {
		const record = (body ?? {}) as IDataObject;
		const tasks = record.tasks;
		if (!Array.isArray(tasks)) throw unexpectedAnswer(ctx, itemIndex, 'GET /sonic/batch', '"tasks"');
		const batchId = record.batch_id ?? ctx.fn.getNodeParameter('batchId', itemIndex);
		return tasks.map((entry, position) => {
			const task = (typeof entry === 'object' && entry !== null ? entry : { task_id: entry }) as IDataObject;
			return {
				batchId,
				batchStatus: record.status,
				index: task.index ?? position,
				taskId: task.task_id ?? task.id,
				state: task.state,
				...(task.data !== undefined ? { data: task.data } : {}),
			} as IDataObject;
		});
	},
});
