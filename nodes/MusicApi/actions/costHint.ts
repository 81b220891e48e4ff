import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../base/operation';

/**
 * What a manual run cost, said where the user builds: every input item runs one paid job, and a song comes out of
 * Create a Song as 2 clips (2 items), so a step after it pays twice unless told otherwise. The hint counts the jobs
 * (items × price), names the doubled songs, and says how to pay once per song and how to stop paying while building
 * (pin the output: every "Execute step" downstream re-runs this node). Only in manual runs, only where it costs.
 */
export function hintRunCost(fn: IExecuteFunctions, operation: Operation): void {
	if (operation.credits === '0' || fn.getMode() !== 'manual') return;
	const items = fn.getInputData();
	const jobs = items.length;
	const total = priceOfRun(fn, operation, jobs);
	const parts = [`This run started ${jobs} paid MusicAPI ${jobs === 1 ? 'job' : 'jobs'}, one per input item (${total}).`];

	const songs = new Set(items.map((item) => item.json.taskId).filter((id) => typeof id === 'string'));
	const clipsOfOneSong = songs.size > 0 && songs.size < items.filter((item) => typeof item.json.taskId === 'string').length;
	if (clipsOfOneSong) {
		parts.push(
			`The ${jobs} input items are clips of ${songs.size} ${songs.size === 1 ? 'song' : 'songs'} (a song comes as 2 clips): to pay once per song, put a Remove Duplicates node on taskId (or a Limit node) before this step.`,
		);
	}
	parts.push('While you build the next steps, pin this output (the pin icon above it) so test runs reuse it instead of paying again.');
	fn.addExecutionHints({ message: parts.join(' '), location: 'outputPane' });
}

/** "2 × 20 = 40 credits"; each item at its own price when a saved setting chooses it; a note when a price is unknown. */
function priceOfRun(fn: IExecuteFunctions, operation: Operation, jobs: number): string {
	const prices = Array.from({ length: jobs }, (_, itemIndex) => operation.creditsFor?.(fn, itemIndex) ?? operation.credits);
	const unknown = prices.find((price) => !Number.isFinite(Number(price)));
	if (unknown !== undefined) return `each: ${unknown}`;
	const sum = prices.reduce((total, price) => total + Number(price), 0);
	return new Set(prices).size > 1 ? `${prices.join(' + ')} = ${sum} credits` : `${jobs} × ${prices[0] ?? operation.credits} = ${sum} credits`;
}
