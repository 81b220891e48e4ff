/**
 * What `npm publish` would ship, checked before it ships: `npm pack --dry-run --json` lists the tarball's files
 * without writing it. A verified community node carries its compiled code and its documents, nothing else, and
 * a package.json n8n's scanner accepts (no runtime dependencies, no overrides, no install-time scripts).
 * Needs `npm run build` first (npm test builds before jest).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown> & {
	n8n: { nodes: string[]; credentials: string[] };
	scripts?: Record<string, string>;
};

/** Files allowed at the tarball's top level besides dist/. */
const TOP_LEVEL = new Set(['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md']);

/** npm runs these on install, pack or publish (docs: "Life Cycle Scripts"): none may exist in a node package. */
const LIFECYCLE = ['preinstall', 'install', 'postinstall', 'prepare', 'preprepare', 'postprepare', 'prepack', 'postpack', 'prepublish', 'prepublishOnly', 'publish', 'postpublish', 'dependencies'];

interface PackEntry {
	files: Array<{ path: string; size: number }>;
	entryCount: number;
	size: number;
}

function packFiles(): string[] {
	// npm_* variables of a surrounding `npm test` (dry_run, prefix…) must not steer the nested npm.
	const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
	const result = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
	if (result.status !== 0) throw new Error(`npm pack --dry-run failed (${result.status ?? result.signal}):\n${result.stderr}`);
	const [entry] = JSON.parse(result.stdout) as PackEntry[];
	return entry.files.map((file) => file.path).sort();
}

describe('the published tarball (npm pack --dry-run)', () => {
	const built = fs.existsSync(path.join(ROOT, 'dist', 'nodes'));
	let files: string[] = [];

	beforeAll(() => {
		if (!built) throw new Error('dist/ is missing: run `npm run build` before this test (npm test does)');
		files = packFiles();
	});

	test('holds only dist/, README.md, LICENSE, CHANGELOG.md and package.json', () => {
		const stray = files.filter((file) => !file.startsWith('dist/') && !TOP_LEVEL.has(file));
		expect(stray).toEqual([]);
		for (const required of ['package.json', 'README.md', 'LICENSE']) expect(files).toContain(required);
	});

	test('ships no tests, fixtures, sources or their maps', () => {
		const forbidden = files.filter(
			(file) =>
				/(^|\/)(test|tests|__tests__|__mocks__|fixtures?|fake-musicapi|e2e|scripts|examples|docs)\//.test(file) ||
				/\.(test|spec|e2e)\.[jt]s(\.map)?$/.test(file) ||
				(/\.ts$/.test(file) && !/\.d\.ts$/.test(file)) ||
				/\.tgz$/.test(file),
		);
		expect(forbidden).toEqual([]);
	});

	test('ships CHANGELOG.md and no build leftovers: no .tsbuildinfo, no compiled file whose source is gone', () => {
		expect(files).toContain('CHANGELOG.md');
		expect(files.filter((file) => file.endsWith('.tsbuildinfo'))).toEqual([]);
		// A file moved or deleted in the sources must not live on in a maintainer's dist/ and get published.
		const orphans = files
			.filter((file) => file.startsWith('dist/') && file.endsWith('.js'))
			.filter((file) => !fs.existsSync(path.join(ROOT, file.replace(/^dist\//, '').replace(/\.js$/, '.ts'))));
		expect(orphans).toEqual([]);
	});

	test('ships every node and credential package.json declares, compiled', () => {
		for (const entry of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(files).toContain(entry);
	});

	test('package.json has no dependencies, overrides or lifecycle scripts', () => {
		for (const field of ['dependencies', 'overrides', 'bundleDependencies', 'bundledDependencies', 'optionalDependencies', 'resolutions']) {
			expect({ field, value: pkg[field] }).toEqual({ field, value: undefined });
		}
		const scripts = Object.keys(pkg.scripts ?? {});
		expect(scripts.filter((name) => LIFECYCLE.includes(name))).toEqual([]);
	});
});
