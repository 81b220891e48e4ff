import type { Fault, FaultMatch } from './types';

interface FaultRule {
	match: FaultMatch;
	fault: Fault;
	remaining: number;
	/** The rule lapses at this time (ms since epoch), however many uses are left: a storm of a given length. */
	until?: number;
}

/** Injected faults, consumed first-match-first. */
export class FaultRegistry {
	private rules: FaultRule[] = [];

	add(match: FaultMatch, fault: Fault, times = 1, forMs?: number): void {
		if (!(times > 0)) return;
		this.rules.push({ match, fault, remaining: times, ...(forMs !== undefined ? { until: Date.now() + forMs } : {}) });
	}

	/** The fault for this request, if any; uses up one of its `times`. */
	take(method: string, path: string): Fault | undefined {
		const now = Date.now();
		this.rules = this.rules.filter((candidate) => candidate.until === undefined || now < candidate.until);
		const rule = this.rules.find((candidate) => matches(candidate.match, method, path));
		if (!rule) return undefined;
		rule.remaining -= 1;
		if (rule.remaining <= 0) this.rules = this.rules.filter((candidate) => candidate !== rule);
		return rule.fault;
	}

	clear(): void {
		this.rules = [];
	}
}

function matches(match: FaultMatch, method: string, path: string): boolean {
	if (match.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
	if (typeof match.path === 'string') return match.path === path;
	// A /g or /y regex remembers where it stopped; start every test from the beginning.
	match.path.lastIndex = 0;
	return match.path.test(path);
}
