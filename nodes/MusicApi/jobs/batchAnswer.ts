/**
 * Reading the answer of `POST /sonic/batch` (newest official site): `{message, batch_id, submitted, tasks: […]}`.
 * The shape of a `tasks` entry is not documented, so an entry may be the task id itself or an object carrying
 * `task_id` or `id`, optionally with the `index` of its item; entries without an index are in item order.
 */
export interface BatchAnswer {
	batchId?: string;
	/** Task id per item of the batch, in item order; undefined for the whole batch when any one is unreadable. */
	taskIds?: string[];
}

export function readBatchAnswer(body: unknown, itemCount: number): BatchAnswer {
	const record = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
	const batchId = idOf(record.batch_id) ?? idOf(record.id);
	const tasks = Array.isArray(record.tasks) ? record.tasks : Array.isArray(record.task_ids) ? record.task_ids : undefined;
	if (!tasks || tasks.length !== itemCount) return { batchId };
	const taskIds: Array<string | undefined> = new Array(itemCount).fill(undefined);
	for (const [position, entry] of tasks.entries()) {
		const taskId = typeof entry === 'object' && entry !== null ? taskIdOf(entry as Record<string, unknown>) : idOf(entry);
		const index = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>).index : undefined;
		const at = typeof index === 'number' && Number.isInteger(index) ? index : position;
		// An index out of range or given twice would pair a job with the wrong item: trust nothing then.
		if (!taskId || at < 0 || at >= itemCount || taskIds[at] !== undefined) return { batchId };
		taskIds[at] = taskId;
	}
	return { batchId, taskIds: taskIds as string[] };
}

function taskIdOf(entry: Record<string, unknown>): string | undefined {
	return idOf(entry.task_id) ?? idOf(entry.taskId) ?? idOf(entry.id);
}

function idOf(value: unknown): string | undefined {
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}
