import { readBatchAnswer } from '../../../../nodes/MusicApi/jobs/batchAnswer';

describe('readBatchAnswer (POST /sonic/batch, shape of tasks undocumented)', () => {
	it('reads task ids given as strings, in item order', () => {
		expect(readBatchAnswer({ message: 'success', batch_id: 'b1', submitted: 2, tasks: ['t1', 't2'] }, 2)).toEqual({ batchId: 'b1', taskIds: ['t1', 't2'] });
	});

	it('reads objects with task_id or id, placed by their index when given', () => {
		const body = { batch_id: 'b2', tasks: [{ index: 1, task_id: 'second' }, { index: 0, id: 'first' }] };
		expect(readBatchAnswer(body, 2)).toEqual({ batchId: 'b2', taskIds: ['first', 'second'] });
	});

	it.each([
		['no tasks', { batch_id: 'b3' }],
		['fewer tasks than items', { batch_id: 'b3', tasks: ['t1'] }],
		['an entry without an id', { batch_id: 'b3', tasks: ['t1', { state: 'queued' }] }],
		['an index given twice', { batch_id: 'b3', tasks: [{ index: 0, task_id: 'a' }, { index: 0, task_id: 'b' }] }],
		['an index out of range', { batch_id: 'b3', tasks: [{ index: 0, task_id: 'a' }, { index: 5, task_id: 'b' }] }],
	])('gives no task ids at all for %s, but keeps the batch id', (_name, body) => {
		expect(readBatchAnswer(body, 2)).toEqual({ batchId: 'b3' });
	});

	it('survives an answer that is not an object', () => {
		expect(readBatchAnswer('<html>', 2)).toEqual({ batchId: undefined });
	});
});
