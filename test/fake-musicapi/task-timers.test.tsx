import { defaultOptions } from './defaults';
import type { Scheduler } from './scheduler';
import type { ClipSeed } from './tasks/task';
import { TaskStore } from './tasks/task-store';

const clip: ClipSeed = {
	clip_id: 'clip-1',
	title: 'Timer',
	tags: '',
	negative_tags: '',
	lyrics: '',
	gpt_description_prompt: 'timer',
	mv: 'sonic-v5',
	duration: '60.00',
	created_at: '2026-11-30T00:00:00.000Z',
};

/**
 * Node fires a timer by its monotonic clock while the fake's clock is Date.now(), which can still be a
 * millisecond short then. Here the clock and the timers are in the test's hands, so that moment is exact.
 */
describe('fake MusicAPI: task timers', () => {
	it('a completion timer that fires a millisecond early is re-armed, and the webhook still goes out on its own', () => {
		let now = 1_000_000;
		const timers: Array<{ ms: number; action: () => void }> = [];
		const scheduler = { after: (ms: number, action: () => void) => timers.push({ ms, action }) } as unknown as Scheduler;
		const settled: string[] = [];
		const options = { ...defaultOptions(), timeScale: 0.02 };
		const store = new TaskStore({ now: () => now, options: () => options, scheduler, onStreaming: () => undefined, onSettle: (task) => settled.push(task.id) });

		const task = store.create({ dialect: 'sonic', apiKey: 'k', operation: 'sonic/create', clips: [clip], outcome: 'success', charge: { apiKey: 'k', credits: 0, extra: 0 }, webhook: { url: 'http://127.0.0.1:1/hook', secret: 's' } });
		expect(timers).toHaveLength(1);
		expect(timers[0].ms).toBe(task.completeAt - now);

		// The timer fires with Date.now() one millisecond before completeAt: nothing settles, a new timer waits.
		now = task.completeAt - 1;
		timers.shift()?.action();
		expect(settled).toEqual([]);
		expect(timers).toEqual([{ ms: 1, action: expect.any(Function) }]);

		now = task.completeAt;
		timers.shift()?.action();
		expect(settled).toEqual([task.id]);
		expect(timers).toEqual([]);
	});
});
