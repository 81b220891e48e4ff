/**
 * The layout rules of docs/architecture.md, checked on the real source: imports go one way, so a newcomer can read
 * the package from nodes/shared up to the two nodes without meeting a loop.
 *
 * - no runtime import cycle (type-only imports are erased by tsc, so they cannot form one at run time);
 * - no node folder imports another node's folder (what both need lives in nodes/shared);
 * - nodes/shared imports no node folder;
 * - no source file in nodes/ or credentials/ over 300 lines.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';

const ROOT = resolve(__dirname, '../..');
const MAX_LINES = 300;

/** Files by path relative to the repository root ('nodes/shared/tasks/index.ts'), with their text. */
type Sources = Map<string, string>;

interface ImportEdge {
	from: string;
	to: string;
	/** True when tsc erases it: `import type`, `export type`, or every named binding marked `type`. */
	typeOnly: boolean;
}

function listTs(dir: string): string[] {
	return readdirSync(join(ROOT, dir)).flatMap((name) => {
		const path = `${dir}/${name}`;
		if (statSync(join(ROOT, path)).isDirectory()) return listTs(path);
		return path.endsWith('.ts') ? [path] : [];
	});
}

function readSources(dirs: string[]): Sources {
	return new Map(dirs.flatMap(listTs).map((path) => [path, readFileSync(join(ROOT, path), 'utf8')]));
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"](\.[^'"]*)['"]|^\s*import\s+['"](\.[^'"]*)['"]/gm;

function resolveImport(sources: Sources, from: string, specifier: string): string | undefined {
	const base = relative(ROOT, resolve(ROOT, dirname(from), specifier)).split('\\').join('/');
	return [`${base}.ts`, `${base}/index.ts`, base].find((candidate) => sources.has(candidate));
}

function importsOf(sources: Sources): ImportEdge[] {
	const edges: ImportEdge[] = [];
	for (const [from, text] of sources) {
		for (const match of text.matchAll(IMPORT)) {
			const specifier = match[4] ?? match[5];
			const to = resolveImport(sources, from, specifier);
			if (!to) throw new Error(`${from}: cannot resolve '${specifier}'`);
			const bindings = match[3] ?? '';
			const named = /^\{([\s\S]*)\}$/.exec(bindings.trim());
			const allInlineTypes =
				named !== null &&
				named[1]
					.split(',')
					.map((part) => part.trim())
					.filter(Boolean)
					.every((part) => part.startsWith('type '));
			edges.push({ from, to, typeOnly: match[2] !== undefined || allInlineTypes });
		}
	}
	return edges;
}

/** Every runtime cycle, each as the chain of files that closes it. */
function cycles(edges: ImportEdge[]): string[][] {
	const next = new Map<string, string[]>();
	for (const edge of edges.filter((e) => !e.typeOnly)) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
	const found: string[][] = [];
	const done = new Set<string>();
	const visit = (file: string, path: string[]) => {
		const at = path.indexOf(file);
		if (at >= 0) {
			found.push([...path.slice(at), file]);
			return;
		}
		if (done.has(file)) return;
		for (const to of next.get(file) ?? []) visit(to, [...path, file]);
		done.add(file);
	};
	for (const file of next.keys()) visit(file, []);
	return found;
}

/** 'nodes/MusicApi/jobs/poll.ts' → 'MusicApi'; undefined outside nodes/. */
function nodeFolderOf(file: string): string | undefined {
	const parts = file.split('/');
	return parts[0] === 'nodes' && parts.length > 2 ? parts[1] : undefined;
}

/** Imports that cross folders the wrong way; type imports count too, since they tie the code together all the same. */
function wrongWayImports(edges: ImportEdge[]): string[] {
	return edges
		.filter(({ from, to }) => {
			const source = nodeFolderOf(from);
			const target = nodeFolderOf(to);
			if (!source || !target || source === target) return false;
			return target !== 'shared';
		})
		.map(({ from, to }) => `${from} -> ${to}`);
}

function longFiles(sources: Sources): string[] {
	return [...sources]
		.map(([file, text]) => [file, text.split('\n').length - (text.endsWith('\n') ? 1 : 0)] as const)
		.filter(([, lines]) => lines > MAX_LINES)
		.map(([file, lines]) => `${file}: ${lines} lines`);
}

describe('architecture of nodes/ and credentials/', () => {
	const sources = readSources(['nodes', 'credentials']);
	const edges = importsOf(sources);

	it('reads the whole tree', () => {
		expect(sources.size).toBeGreaterThan(50);
		expect(edges.length).toBeGreaterThan(100);
	});

	it('has no runtime import cycle', () => {
		expect(cycles(edges).map((cycle) => cycle.join(' -> '))).toEqual([]);
	});

	it('has no import from one node folder into another, nor from nodes/shared into a node', () => {
		expect(wrongWayImports(edges)).toEqual([]);
	});

	it(`has no source file over ${MAX_LINES} lines`, () => {
		expect(longFiles(sources)).toEqual([]);
	});
});

describe('the architecture check itself', () => {
	const tree = (files: Record<string, string>): Sources => new Map(Object.entries(files));

	it('finds a runtime cycle, and ignores one closed only by type imports', () => {
		const loop = tree({
			'nodes/A/a.ts': "import { b } from './b';",
			'nodes/A/b.ts': "import {\n\tc,\n} from './c';",
			'nodes/A/c.ts': "export * from './a';",
		});
		expect(cycles(importsOf(loop))).toEqual([['nodes/A/a.ts', 'nodes/A/b.ts', 'nodes/A/c.ts', 'nodes/A/a.ts']]);

		const typeLoop = tree({
			'nodes/A/a.ts': "import { b } from './b';",
			'nodes/A/b.ts': "import type { A } from './a';\nimport { type X, type Y } from './a';",
		});
		expect(cycles(importsOf(typeLoop))).toEqual([]);
	});

	it('finds a node importing another node, and nodes/shared importing a node', () => {
		const wrong = tree({
			'nodes/Trigger/t.ts': "import { x } from '../Action/x';\nimport { s } from '../shared/s';",
			'nodes/Action/x.ts': "import type { T } from '../shared/s';",
			'nodes/shared/s.ts': "import type { X } from '../Action/x';",
			'credentials/C.credentials.ts': "import { s } from '../nodes/shared/s';",
		});
		expect(wrongWayImports(importsOf(wrong))).toEqual([
			'nodes/Trigger/t.ts -> nodes/Action/x.ts',
			'nodes/shared/s.ts -> nodes/Action/x.ts',
		]);
	});

	it('finds a file over the limit', () => {
		const long = tree({ 'nodes/A/short.ts': 'x\n'.repeat(MAX_LINES), 'nodes/A/long.ts': 'x\n'.repeat(MAX_LINES + 1) });
		expect(longFiles(long)).toEqual([`nodes/A/long.ts: ${MAX_LINES + 1} lines`]);
	});

	it('refuses an import it cannot resolve rather than skipping it', () => {
		expect(() => importsOf(tree({ 'nodes/A/a.ts': "import { b } from './missing';" }))).toThrow(/cannot resolve/);
	});
});
