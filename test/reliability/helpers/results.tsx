import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where the suites leave their figures for scripts/reliability-report.tsx (gitignored). */
export const RESULTS_DIR = path.join(__dirname, '..', '.results');

export interface CaseRecord {
	name: string;
	/** Faulty answers the fake served (its log entries marked with a fault) or bad values fed in. */
	injected: number;
	/** Set once every expectation of the case held. */
	handled: boolean;
	[figure: string]: unknown;
}

/**
 * Collects one figure record per test case and writes `<suite>.json` after the file's tests. A case is written as
 * soon as it starts, and marked handled only after its last assertion, so a failing case still shows up.
 */
export function useResults(suite: string) {
	const cases: CaseRecord[] = [];
	const totals: Record<string, number> = {};
	const beforeWrite: Array<() => void> = [];
	afterAll(() => {
		for (const hook of beforeWrite) hook();
		mkdirSync(RESULTS_DIR, { recursive: true });
		const body = { suite, writtenAt: new Date().toISOString(), totals, cases };
		writeFileSync(path.join(RESULTS_DIR, `${suite}.json`), `${JSON.stringify(body, null, '\t')}\n`);
	});
	return {
		start(name: string, figures: Partial<CaseRecord> = {}): CaseRecord {
			const record: CaseRecord = { name, injected: 0, handled: false, ...figures };
			cases.push(record);
			return record;
		},
		add(figure: string, amount: number) {
			totals[figure] = (totals[figure] ?? 0) + amount;
		},
		/** Adds figures kept elsewhere just before the file is written. */
		beforeWrite(hook: () => void) {
			beforeWrite.push(hook);
		},
	};
}
