import { JobBoard } from '../../../../nodes/MusicApi/jobs/board';

describe('JobBoard: what the executions of one process know about their jobs', () => {
	it('makes the oldest job of all executions on a budget the only scout', () => {
		const first = new JobBoard('budget-a', 'sonic');
		const second = new JobBoard('budget-a', 'sonic');
		const [older, newer] = [{}, {}];
		second.add(newer, 2000, 1000);
		first.add(older, 1000, 1000);
		expect(first.isScout(older)).toBe(true);
		expect(second.isScout(newer)).toBe(false);
		first.leave();
		// The scout's execution ended: the next oldest job asks from now on.
		expect(second.isScout(newer)).toBe(true);
		second.leave();
	});

	it('never makes a job wait for an older scout that polls less often (another workflow\'s Poll Interval)', () => {
		const hourly = new JobBoard('budget-poll', 'sonic');
		const quick = new JobBoard('budget-poll', 'sonic');
		const [slowJob, quickJob, laterQuickJob] = [{}, {}, {}];
		hourly.add(slowJob, 1000, 3_600_000);
		quick.add(quickJob, 2000, 15_000);
		quick.add(laterQuickJob, 3000, 15_000);
		expect(hourly.isScout(slowJob)).toBe(true);
		expect(quick.isScout(quickJob)).toBe(true);
		// Still shared among the jobs that poll as often.
		expect(quick.isScout(laterQuickJob)).toBe(false);
		hourly.leave();
		quick.leave();
	});

	it('shares a measured job time with every execution on the same budget and kind of job only', () => {
		const a = new JobBoard('budget-b', 'sonic');
		const b = new JobBoard('budget-b', 'sonic');
		const other = new JobBoard('budget-b', 'producer');
		const elsewhere = new JobBoard('budget-c', 'sonic');
		expect(b.estimate(10_000)).toBeUndefined();
		a.learn(28_000, 32_000);
		expect(b.estimate(10_000)).toBe(30_000);
		expect(b.estimatedAt).toBeGreaterThan(0);
		expect(other.estimate(10_000)).toBeUndefined();
		expect(elsewhere.estimate(10_000)).toBeUndefined();
	});

	it('follows the job time down as well as up: the latest measurement counts, not the fastest ever', () => {
		const board = new JobBoard('budget-d', 'sonic');
		board.learn(11_000, 13_000);
		board.learn(4_000, 5_000);
		expect(board.estimate(10_000)).toBe(4_500);
		board.learn(11_500, 12_500);
		expect(board.estimate(10_000)).toBe(12_000);
	});

	it('takes a first-poll success as an upper bound: never raises the estimate, drops it when below', () => {
		const board = new JobBoard('budget-e', 'sonic');
		board.learnDoneBy(600_000, 600_000); // a run polling every 10 minutes: done by then, maybe long before
		expect(board.estimate(15_000)).toBeUndefined();
		board.learn(50_000, 60_000);
		board.learnDoneBy(70_000, 15_000);
		expect(board.estimate(15_000)).toBe(55_000);
		board.learnDoneBy(20_000, 15_000); // MusicAPI got faster: the estimate is wrong
		expect(board.estimate(15_000)).toBeUndefined();
	});

	it('caps the estimate at half a job\'s own Poll Interval past the time a job was seen unfinished', () => {
		const board = new JobBoard('budget-f', 'sonic');
		board.learn(40_000, 1_840_000); // measured by a workflow polling every hour
		expect(board.estimate(20_000)).toBe(50_000);
	});

	it('lets the oldest job of a new wave check the estimate', () => {
		const board = new JobBoard('budget-g', 'sonic');
		const [before, first, second] = [{}, {}, {}];
		board.add(before, Date.now() - 1000, 1000);
		board.learn(900, 1100);
		board.add(first, Date.now() + 1, 1000);
		board.add(second, Date.now() + 2, 1000);
		expect(board.checksEstimate(before)).toBe(false);
		expect(board.checksEstimate(first)).toBe(true);
		expect(board.checksEstimate(second)).toBe(false);
		board.leave();
	});
});
