/**
 * npm run test:compat — the n8n version matrix: the e2e suites that exercise the node's contract with n8n (smoke,
 * poll mode, callback mode, trigger) on every host of test/e2e/n8n-hosts, one host after another.
 *
 *   npm run test:compat                 # every host but the default one (npm test covers that)
 *   npm run test:compat -- --all        # every host, the default included
 *   npm run test:compat -- 1.123 2.41   # the hosts these select (as MUSICAPI_N8N would)
 *
 * Needs `npm run build` first. Each host is installed on first use (minutes, ~2.6 GB, cached by its lock's hash:
 * scripts/n8n-install.tsx). Prints one table: per host and suite the passed/failed counts and seconds, and how
 * long the install took (cold) or its check (warm). Exit code 1 when anything failed.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { DEFAULT_HOST, ensureN8n, hostVersions, selectHost } from './n8n-install';

const ROOT = path.resolve(__dirname, '..');
export const COMPAT_SUITES = ['smoke', 'node-poll', 'node-callback', 'trigger'];

/**
 * Suites a major version cannot pass, with the reason README states as that version's limit. n8n 1.x: "Wait for
 * Callback" resumes the execution at once, reporting its jobs as still running (measured on 1.123.81), and 1.x
 * gives nodes no execution custom data, which callback mode keeps its jobs in for queue mode.
 */
const UNSUPPORTED: Record<number, Record<string, string>> = {
	1: { 'node-callback': 'Wait for Callback needs n8n 2.x' },
};

interface SuiteResult {
	host: string;
	suite: string;
	passed: number;
	failed: number;
	skipped: number;
	seconds: number;
	failures: string[];
}

interface JestJson {
	testResults: Array<{
		name: string;
		message: string;
		assertionResults: Array<{ status: string; fullName: string }>;
	}>;
}

function runJest(host: string, suite: string): Promise<SuiteResult> {
	const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'musicapi-compat-')), 'result.json');
	const args = ['jest', '-c', 'test/e2e/jest.e2e.config.js', '--json', `--outputFile=${out}`, `test/e2e/${suite}.e2e.test.tsx`];
	const started = Date.now();
	return new Promise((resolve) => {
		const child = spawn('npx', args, { cwd: ROOT, env: { ...process.env, MUSICAPI_N8N: host }, stdio: 'inherit' });
		child.on('close', () => {
			const seconds = Math.round((Date.now() - started) / 1000);
			const result: SuiteResult = { host, suite, passed: 0, failed: 0, skipped: 0, seconds, failures: [] };
			try {
				const json = JSON.parse(fs.readFileSync(out, 'utf8')) as JestJson;
				for (const file of json.testResults) {
					for (const test of file.assertionResults) {
						if (test.status === 'passed') result.passed++;
						else if (test.status === 'failed') {
							result.failed++;
							result.failures.push(test.fullName);
						} else result.skipped++;
					}
					// A file that failed before any test ran (beforeAll, syntax) has no assertions but a message.
					if (file.assertionResults.length === 0 && file.message) {
						result.failed++;
						result.failures.push(file.message.split('\n')[0]);
					}
				}
			} catch {
				result.failed++;
				result.failures.push('jest wrote no result (crashed or killed)');
			}
			fs.rmSync(path.dirname(out), { recursive: true, force: true });
			resolve(result);
		});
	});
}

function table(rows: string[][]): string {
	const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
	const line = (row: string[]): string => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
	return [line(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

async function main(): Promise<void> {
	const argv = process.argv.slice(2);
	const hosts = argv.includes('--all')
		? hostVersions()
		: argv.length > 0
			? [...new Set(argv.map((selector) => selectHost(selector)))]
			: hostVersions().filter((host) => host !== DEFAULT_HOST);
	const results: SuiteResult[] = [];
	const installs: Record<string, string> = {};
	for (const host of hosts) {
		const started = Date.now();
		try {
			const install = await ensureN8n(host);
			installs[host] = `${Math.round((Date.now() - started) / 1000)} s (n8n ${install.version})`;
		} catch (error) {
			installs[host] = `failed: ${(error as Error).message.split('\n')[0]}`;
			results.push({ host, suite: 'install', passed: 0, failed: 1, skipped: 0, seconds: 0, failures: [(error as Error).message.split('\n')[0]] });
			continue;
		}
		for (const suite of COMPAT_SUITES) {
			const why = UNSUPPORTED[Number(host.split('.')[0])]?.[suite];
			if (why) {
				process.stdout.write(`[compat] n8n ${host}: ${suite} not run (${why})\n`);
				results.push({ host, suite: `${suite} (not run: ${why})`, passed: 0, failed: 0, skipped: 0, seconds: 0, failures: [] });
				continue;
			}
			results.push(await runJest(host, suite));
		}
	}

	const rows = [['n8n', 'install', 'suite', 'passed', 'failed', 'skipped', 's']];
	for (const r of results) rows.push([r.host, installs[r.host] ?? '', r.suite, String(r.passed), String(r.failed), String(r.skipped), String(r.seconds)]);
	process.stdout.write(`\nn8n version matrix (npm run test:compat)\n${table(rows)}\n`);
	const failures = results.flatMap((r) => r.failures.map((f) => `  n8n ${r.host} ${r.suite}: ${f}`));
	if (failures.length) process.stdout.write(`failed:\n${failures.join('\n')}\n`);
	process.exitCode = failures.length ? 1 : 0;
}

if (require.main === module) {
	main().catch((error: Error) => {
		process.stderr.write(`${error.stack ?? error.message}\n`);
		process.exitCode = 1;
	});
}
