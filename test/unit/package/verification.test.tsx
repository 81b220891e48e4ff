/**
 * n8n's own verification tools, run as n8n runs them (README, "Verification"):
 * - the community-package scanner (@n8n/scan-community-package) on the source it would fetch from the attested
 *   commit (its SOURCE_FILE_PATTERNS) and on the unpacked `npm pack` tarball, inline eslint comments off;
 * - `n8n-node lint` (@n8n/node-cli) in strict mode, which also demands that eslint.config.mjs be n8n's template.
 * Any error or warning fails. Each gate is also shown to fail on a package that breaks it, so that a pass means
 * something. Needs `npm run build` first (npm test builds before jest).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SCANNER = path.join(__dirname, 'run-n8n-scanner.mjs');
const N8N_NODE = path.join(ROOT, 'node_modules', '.bin', 'n8n-node');

interface Finding {
	file: string;
	line: number;
	rule: string | null;
	severity: 'error' | 'warning';
	message: string;
}
interface ScanReport {
	passed: boolean;
	message: string | null;
	details: string | null;
	files: string[];
	findings: Finding[];
}

/** The environment of a nested tool: no npm_* of a surrounding `npm test`, no NODE_ENV=test (see the .mjs). */
function toolEnv(): NodeJS.ProcessEnv {
	return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'NODE_ENV'));
}

/** Folders this file made; removed after the tests. */
const scratch: string[] = [];
afterAll(() => {
	for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
});

function scan(dir: string, leg: 'source' | 'tarball'): ScanReport {
	// The scanner makes a temp folder when it loads (for packages it would download) and leaves it: give it one of ours.
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'musicapi-scanner-'));
	scratch.push(tmp);
	const env = { ...toolEnv(), TMPDIR: tmp };
	const run = spawnSync(process.execPath, [SCANNER, dir, leg], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
	if (run.status !== 0) throw new Error(`scanner exited ${run.status ?? run.signal}:\n${run.stderr}`);
	return JSON.parse(run.stdout) as ScanReport;
}

function n8nNodeLint(cwd: string): { status: number | null; output: string } {
	const run = spawnSync(N8N_NODE, ['lint'], { cwd, env: toolEnv(), encoding: 'utf8', timeout: 180_000 });
	return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** A copy of what the scanner and n8n-node lint read, with the repository's node_modules linked in. */
function scratchCopy(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'musicapi-verify-'));
	for (const entry of ['package.json', 'eslint.config.mjs', 'tsconfig.json', 'nodes', 'credentials', 'icons']) {
		fs.cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
	}
	fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
	return dir;
}

describe("n8n's scanner (@n8n/scan-community-package)", () => {
	test('passes the source with no error and no warning', () => {
		const report = scan(ROOT, 'source');
		expect(report.files).toEqual(expect.arrayContaining(['package.json', 'nodes/MusicApi/MusicApi.node.ts', 'credentials/MusicApiApi.credentials.ts']));
		expect(report.findings).toEqual([]);
		expect(report.passed).toBe(true);
	}, 120_000);

	test('passes the unpacked npm pack tarball with no error and no warning', () => {
		if (!fs.existsSync(path.join(ROOT, 'dist', 'nodes'))) throw new Error('dist/ is missing: run `npm run build` first');
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'musicapi-tarball-'));
		scratch.push(dir);
		const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, env: toolEnv(), encoding: 'utf8', timeout: 120_000 });
		if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
		const tarball = fs.readdirSync(dir).find((file) => file.endsWith('.tgz'))!;
		const unpacked = path.join(dir, 'package');
		fs.mkdirSync(unpacked);
		const untar = spawnSync('tar', ['-xzf', path.join(dir, tarball), '-C', unpacked, '--strip-components=1']);
		expect(untar.status).toBe(0);

		const report = scan(unpacked, 'tarball');
		expect(report.files).toEqual(expect.arrayContaining(['package.json', 'dist/nodes/MusicApi/MusicApi.node.js']));
		expect(report.findings).toEqual([]);
		expect(report.passed).toBe(true);
	}, 180_000);

	test('ignores inline eslint comments: a disabled rule still fails the scan', () => {
		const dir = scratchCopy();
		scratch.push(dir);
		const file = path.join(dir, 'nodes', 'MusicApi', 'MusicApi.node.ts');
		const source = fs.readFileSync(file, 'utf8');
		const broken = source
			.replace(/\t\tsubtitle:\s*\n?\s*'[^']*',\n/, '')
			.replace('\tdescription: INodeTypeDescription = {', '\t// eslint-disable-next-line n8n-nodes-base/node-class-description-missing-subtitle\n\tdescription: INodeTypeDescription = {');
		expect(broken).not.toContain('subtitle:');
		fs.writeFileSync(file, broken);

		const report = scan(dir, 'source');
		expect(report.passed).toBe(false);
		expect(report.findings.map((f) => f.rule)).toContain('n8n-nodes-base/node-class-description-missing-subtitle');
	}, 120_000);
});

test('no source n8n checks turns a rule off inline (n8n ignores such comments; the code must pass instead)', () => {
	const list = (dir: string): string[] =>
		fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
			entry.isDirectory() ? list(`${dir}/${entry.name}`) : [`${dir}/${entry.name}`],
		);
	const disabling = [...list('nodes'), ...list('credentials')].filter((file) =>
		/eslint-disable|eslint\s+[\w@/-]+:\s*(off|0)/.test(fs.readFileSync(path.join(ROOT, file), 'utf8')),
	);
	expect(disabling).toEqual([]);
});

describe('n8n-node lint (@n8n/node-cli)', () => {
	test('runs in strict mode over the package and passes', () => {
		const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
		expect(pkg.n8n.strict).toBe(true);
		const { status, output } = n8nNodeLint(ROOT);
		expect(output).not.toContain('Strict mode violation');
		expect(status).toBe(0);
	}, 180_000);

	test('refuses a package whose eslint.config.mjs is not n8n’s template, and one that breaks a rule', () => {
		const modified = scratchCopy();
		scratch.push(modified);
		fs.appendFileSync(path.join(modified, 'eslint.config.mjs'), '\nexport const extra = [];\n');
		const strict = n8nNodeLint(modified);
		expect(strict.output).toContain('Strict mode violation');
		expect(strict.status).not.toBe(0);

		const breaking = scratchCopy();
		scratch.push(breaking);
		fs.writeFileSync(path.join(breaking, 'nodes', 'shared', 'uses-a-timer.ts'), 'export const later = (f: () => void) => setTimeout(f, 1);\n');
		const rule = n8nNodeLint(breaking);
		expect(rule.output).toContain('@n8n/community-nodes/no-restricted-globals');
		expect(rule.status).not.toBe(0);
	}, 240_000);
});
