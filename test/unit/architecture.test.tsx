/**
 * The layout rules of docs/architecture.md, checked on the real source: imports go one way, so a newcomer can read
 * the package from nodes/shared up to the two nodes without meeting a loop.
 *
 * - no import cycle, type-only imports included: tsc erases them, but a reader still meets the loop;
 * - no node folder imports another node's folder (what both need lives in nodes/shared);
 * - nodes/shared imports no node folder;
 * - inside the action node, imports go down its layers only (LAYERS), types too;
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

// Every relative import and re-export, `import type` included: tsc erases type imports, but they tie the code together
// all the same.
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
			edges.push({ from, to });
		}
	}
	return edges;
}

/** Every import cycle, type-only imports included, each as the chain of files that closes it. */
function cycles(edges: ImportEdge[]): string[][] {
	const next = new Map<string, string[]>();
	for (const edge of edges) next.set(edge.from, [...new Set([...(next.get(edge.from) ?? []), edge.to])]);
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

/** Imports that cross folders the wrong way. */
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

/**
 * The action node's layers, top to bottom (docs/architecture.md): a file may import its own layer or one below it.
 * The node file routes to actions; actions submit and finish jobs; jobs and input read what descriptions declare;
 * base holds what every layer shares: what an operation is, and the bad-input error.
 */
const LAYERS = ['MusicApi.node.ts', 'actions', 'jobs', 'input', 'descriptions', 'base'];

function layerOf(file: string): number | undefined {
	const [root, node, part] = file.split('/');
	if (root !== 'nodes' || node !== 'MusicApi') return undefined;
	const at = LAYERS.indexOf(part);
	if (at < 0) throw new Error(`${file}: not in a layer of LAYERS`);
	return at;
}

function upwardImports(edges: ImportEdge[]): string[] {
	return edges
		.filter(({ from, to }) => {
			const source = layerOf(from);
			const target = layerOf(to);
			return source !== undefined && target !== undefined && target < source;
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

	it('has no import cycle, type imports included', () => {
		expect(cycles(edges).map((cycle) => cycle.join(' -> '))).toEqual([]);
	});

	it('has no import from one node folder into another, nor from nodes/shared into a node', () => {
		expect(wrongWayImports(edges)).toEqual([]);
	});

	it('has no import up the action node\'s layers (type imports count)', () => {
		expect(upwardImports(edges)).toEqual([]);
	});

	it(`has no source file over ${MAX_LINES} lines`, () => {
		expect(longFiles(sources)).toEqual([]);
	});
});

describe('the architecture check itself', () => {
	const tree = (files: Record<string, string>): Sources => new Map(Object.entries(files));

	it('finds a cycle, also one closed only by type imports', () => {
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
		expect(cycles(importsOf(typeLoop))).toEqual([['nodes/A/a.ts', 'nodes/A/b.ts', 'nodes/A/a.ts']]);
	});

	it('finds an import up the layers, a type import included, and allows one down', () => {
		const layered = tree({
			'nodes/MusicApi/jobs/park.ts': "import type { Job } from '../actions/types';\nimport { f } from '../descriptions/f';",
			'nodes/MusicApi/descriptions/f.ts': "import { inputError } from '../input/readBody';",
			'nodes/MusicApi/actions/types.ts': "import type { Op } from '../base/operation';",
			'nodes/MusicApi/input/readBody.ts': '',
			'nodes/MusicApi/base/operation.ts': '',
		});
		expect(upwardImports(importsOf(layered))).toEqual([
			'nodes/MusicApi/jobs/park.ts -> nodes/MusicApi/actions/types.ts',
			'nodes/MusicApi/descriptions/f.ts -> nodes/MusicApi/input/readBody.ts',
		]);
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
