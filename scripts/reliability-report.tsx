/**
 * The reliability figures (docs/reliability.md). `npm run test:reliability` runs the three suites of
 * test/reliability with jest (`--run`) and then prints what they recorded in test/reliability/.results/*.json,
 * plus the webhook-attack figures of the e2e trigger suite when test/e2e/.work/attack-results.json exists.
 * Without `--run` it only prints the figures of the last run. Exit code: jest's, or 1 when a suite left no figures
 * or a figure that must be 0 is not.
 */
import { spawnSync } from 'child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '..');
const RESULTS = join(ROOT, 'test', 'reliability', '.results');
const ATTACKS = join(ROOT, 'test', 'e2e', '.work', 'attack-results.json');
const SUITES = ['faults', 'bad-input', 'secrets'] as const;

interface CaseRecord {
	name: string;
	injected: number;
	handled: boolean;
	knownGap?: string;
	[figure: string]: unknown;
}

interface SuiteFile {
	suite: string;
	writtenAt: string;
	totals: Record<string, number>;
	cases: CaseRecord[];
}

function readSuite(suite: string): SuiteFile | undefined {
	const file = join(RESULTS, `${suite}.json`);
	if (!existsSync(file)) return undefined;
	return JSON.parse(readFileSync(file, 'utf8')) as SuiteFile;
}

function runJest(): number {
	rmSync(RESULTS, { recursive: true, force: true });
	const jest = require.resolve('jest/bin/jest');
	const run = spawnSync(process.execPath, [jest, 'test/reliability', '--maxWorkers=2'], { cwd: ROOT, stdio: 'inherit' });
	return run.status ?? 1;
}

/** A figure line with a check mark when it meets its target. */
function line(label: string, value: number | string, ok?: boolean): string {
	const mark = ok === undefined ? ' ' : ok ? '✓' : '✗';
	return `  ${mark} ${label.padEnd(58, '.')} ${value}`;
}

/** Whatever the attack file holds: top-level numbers and strings, and the length of lists, one per line. */
export function describeAttacks(value: unknown, prefix = ''): string[] {
	if (Array.isArray(value)) return [line(`${prefix || 'entries'}`, value.length)];
	if (!value || typeof value !== 'object') return [line(prefix || 'value', String(value))];
	return Object.entries(value as Record<string, unknown>).flatMap(([key, entry]) => {
		const name = prefix ? `${prefix}.${key}` : key;
		if (entry && typeof entry === 'object' && !Array.isArray(entry) && prefix.split('.').length < 2) return describeAttacks(entry, name);
		if (Array.isArray(entry)) return [line(`${name} (entries)`, entry.length)];
		return [line(name, typeof entry === 'object' ? JSON.stringify(entry) : String(entry))];
	});
}

function main(): number {
	const jestStatus = process.argv.includes('--run') ? runJest() : 0;
	const suites = Object.fromEntries(SUITES.map((s) => [s, readSuite(s)])) as Record<(typeof SUITES)[number], SuiteFile | undefined>;
	const out: string[] = ['', 'Reliability figures (test/reliability)', ''];
	let broken = false;
	const zero = (label: string, value: number) => {
		if (value !== 0) broken = true;
		out.push(line(label, value, value === 0));
	};

	const faults = suites.faults;
	out.push('Fault injection (faults.test.tsx)');
	if (!faults) {
		broken = true;
		out.push('  ✗ no figures: the suite did not run to the end');
	} else {
		const cases = faults.cases;
		const handled = cases.filter((c) => c.handled).length;
		if (handled !== cases.length) broken = true;
		out.push(line('fault scenarios run', cases.length));
		out.push(line('faulty answers served by the fake', faults.totals.faultsServed ?? 0));
		out.push(line('scenarios handled as expected', `${handled} / ${cases.length}`, handled === cases.length));
		out.push(line('task ids handed out by MusicAPI', faults.totals.createdTasks ?? 0));
		zero('lost task ids (in no item, no error)', faults.totals.lostTaskIds ?? 0);
		out.push(line('creates unconfirmed (answer lost; error says so)', faults.totals.unconfirmedCreates ?? 0));
		zero('duplicate creates', faults.totals.duplicateCreates ?? 0);
		zero('requests over the rate limit', faults.totals.overLimitRequests ?? 0);
		out.push(line('  429s after a timed-out request landed late (not pacing)', faults.totals.overLimitAfterGhost ?? 0));
		for (const c of cases.filter((x) => !x.handled)) out.push(`      not handled: ${c.name}`);
	}
	out.push('');

	const bad = suites['bad-input'];
	out.push('Bad input (bad-input.test.tsx)');
	if (!bad) {
		broken = true;
		out.push('  ✗ no figures: the suite did not run to the end');
	} else {
		const t = bad.totals;
		out.push(line('operations covered / fields', `${t.operations ?? 0} / ${t.fields ?? 0}`));
		out.push(line('bad values tried', t.tried ?? 0));
		const blocked = t.blockedByN8n ?? 0;
		const allRejected = (t.rejectedBeforeSending ?? 0) + blocked === (t.tried ?? 0);
		if (!allRejected) broken = true;
		out.push(line('rejected before sending ("[item N] <field>: …")', t.rejectedBeforeSending ?? 0, allRejected));
		if (blocked) out.push(line('refused by n8n itself before the node ran (known gap)', blocked));
		zero('bad values that reached MusicAPI', t.leakedToApi ?? 0);
		out.push(line('known gaps (sent although invalid; it.failing)', t.knownGaps ?? 0));
		out.push(line('valid / empty-optional / at-limit values sent as designed', t.passedAsDesigned ?? 0));
		out.push(line('unknown model names passed to MusicAPI / its 4xx quoted', `${t.apiDecided ?? 0} / ${t.apiAnswersQuoted ?? 0}`));
		for (const c of bad.cases.filter((x) => x.knownGap)) out.push(`      known gap: ${c.name}`);
	}
	out.push('');

	out.push('Secrets (every case of the three suites is scanned)');
	const secrets = suites.secrets;
	if (!secrets) {
		broken = true;
		out.push('  ✗ no figures: the suite did not run to the end');
	}
	const leaks = SUITES.reduce((n, s) => n + (suites[s]?.totals.secretLeaks ?? 0), 0);
	out.push(line('targeted secret cases (secrets.test.tsx)', secrets?.cases.length ?? 0));
	zero('secret leaks (API key, webhook secret)', leaks);
	out.push('');

	out.push('Webhook attacks (e2e trigger suite)');
	if (existsSync(ATTACKS)) {
		try {
			out.push(`    from ${ATTACKS.slice(ROOT.length + 1)} (${statSync(ATTACKS).mtime.toISOString()})`);
			out.push(...describeAttacks(JSON.parse(readFileSync(ATTACKS, 'utf8')) as unknown));
		} catch (error) {
			out.push(`    unreadable: ${(error as Error).message}`);
		}
	} else {
		out.push('    run npm run test:e2e for the webhook attack figures');
	}
	out.push('');
	console.log(out.join('\n'));
	return jestStatus !== 0 ? jestStatus : broken ? 1 : 0;
}

if (require.main === module) process.exitCode = main();
