import { ApiError, invalid, taskNotFound } from '../http/api-error';
import type { ApiReply } from '../http/reply';
import type { FakeState } from '../state';
import { type Dialect, type Task, isTimedOut, TIMEOUT_MESSAGE } from '../tasks/task';
import { nuroPoll } from '../tasks/views/nuro-view';
import { producerPoll } from '../tasks/views/producer-view';
import { riffusionPoll } from '../tasks/views/riffusion-view';
import { sonicPoll } from '../tasks/views/sonic-view';
import { studioPoll } from '../tasks/views/studio-view';
import { sunoLyricsPoll } from '../tasks/views/suno-lyrics-view';
import type { Route } from './route';

export const NURO_GONE_MESSAGE = 'Nuro music generation has been retired and is no longer available.';

export function assertNuroAvailable(state: FakeState): void {
	if (state.options.nuroGone) throw new ApiError(410, 'gone', NURO_GONE_MESSAGE);
}

const views: Record<Dialect, (task: Task, now: number, state: FakeState) => ApiReply> = {
	sonic: (task, now, state) => sonicPoll(task, now, state.fileBase, state.options.notReadyStatus),
	producer: (task, now, state) => producerPoll(task, now, state.fileBase),
	riffusion: (task, now, state) => riffusionPoll(task, now, state.fileBase),
	studio: (task, now, state) => studioPoll(task, now, state.fileBase),
	nuro: (task, now, state) => nuroPoll(task, now, state.fileBase),
	'suno-lyrics': (task, now) => sunoLyricsPoll(task, now),
};

/** A poll endpoint: unknown (or other-key, or other-dialect) ids → 400 "task not found.", timeouts → 504. */
function pollRoute(path: string, dialect: Dialect): Route {
	return {
		method: 'GET',
		path,
		handle: (ctx) => {
			if (dialect === 'nuro') assertNuroAvailable(ctx.state);
			const task = ctx.state.tasks.find(ctx.params.id, ctx.apiKey, [dialect]);
			if (!task) taskNotFound();
			const now = ctx.state.now();
			if (isTimedOut(task, now)) throw new ApiError(504, 'timeout', TIMEOUT_MESSAGE);
			return views[dialect](task, now, ctx.state);
		},
	};
}

function missingIdRoutes(path: string): Route[] {
	return [path, `${path}/`].map((missing) => ({
		method: 'GET' as const,
		path: missing,
		handle: () => invalid('missing task id.'),
	}));
}

export const taskPollRoutes: Route[] = [
	pollRoute('/sonic/task/:id', 'sonic'),
	pollRoute('/suno/clip/:id', 'sonic'),
	pollRoute('/suno/get-lyrics/:id', 'suno-lyrics'),
	pollRoute('/producer/task/:id', 'producer'),
	pollRoute('/riffusion/task/:id', 'riffusion'),
	pollRoute('/studio/task/:id', 'studio'),
	pollRoute('/nuro/task/:id', 'nuro'),
	...['/sonic/task', '/suno/clip', '/suno/get-lyrics', '/producer/task', '/riffusion/task', '/studio/task', '/nuro/task'].flatMap(missingIdRoutes),
];
