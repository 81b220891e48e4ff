import { JobBoard } from '../../../../nodes/MusicApi/jobs/board';

describe('JobBoard: what the executions of one process know about their jobs', () => {
	it('makes the oldest job of all executions on a budget the only scout', () => {
		const first = new JobBoard('budget-a', 'sonic');
		const second = new JobBoard('budget-a', 'sonic');
		const [older, newer] = [{}, {}];
		second.add(newer, 2000);
		first.add(older, 1000);
		expect(first.isScout(older)).toBe(true);
		expect(second.isScout(newer)).toBe(false);
		first.leave();
		// The scout's execution ended: the next oldest job asks from now on.
		expect(second.isScout(newer)).toBe(true);
		second.leave();
	});

	it('shares a learned job duration with every execution on the same budget and kind of job only', () => {
		const a = new JobBoard('budget-b', 'sonic');
		const b = new JobBoard('budget-b', 'sonic');
		const other = new JobBoard('budget-b', 'producer');
		const elsewhere = new JobBoard('budget-c', 'sonic');
		expect(b.estimate()).toBeUndefined();
		a.learn(40_000);
		a.learn(30_000);
		expect(b.estimate()).toBe(30_000);
		expect(b.estimatedAt).toBeGreaterThan(0);
		expect(other.estimate()).toBeUndefined();
		expect(elsewhere.estimate()).toBeUndefined();
	});
});
