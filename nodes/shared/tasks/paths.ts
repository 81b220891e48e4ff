import type { TaskDialect } from './types';

/** Where each dialect's jobs are asked about: `GET <prefix><task id>` (contract §4). */
export const TASK_PATH_PREFIXES: Record<TaskDialect, string> = {
	sonic: '/sonic/task/',
	producer: '/producer/task/',
	riffusion: '/riffusion/task/',
	studio: '/studio/task/',
	nuro: '/nuro/task/',
};

/** The path that reports one job of the dialect; `prefix` for the endpoints that answer with another one. */
export function taskPath(dialect: TaskDialect, taskId: string, prefix = TASK_PATH_PREFIXES[dialect]): string {
	return `${prefix}${encodeURIComponent(taskId)}`;
}
