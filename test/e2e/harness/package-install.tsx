/**
 * Installs a node package into an n8n user folder the way n8n 2.40.7's own installer does
 * (CommunityPackagesService.downloadPackage): `npm pack`, `tar -xzf --strip-components=1` into
 * `.n8n/nodes/node_modules/<name>`, drop devDependencies/peerDependencies/optionalDependencies from its
 * package.json, `npm install` its remaining dependencies, and list it in `.n8n/nodes/package.json`.
 * Packing (rather than linking the checkout) proves the `files` list ships everything n8n needs.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';

import { makeTempDir } from './processes';

const execFileAsync = promisify(execFile);

export interface InstalledPackage {
	name: string;
	version: string;
	/** Where n8n will find it. */
	dir: string;
	/** The package.json n8n.nodes entries (n8n names each type `<package name>.<description.name>`). */
	nodeFiles: string[];
}

interface PackageJson {
	name: string;
	version: string;
	scripts?: Record<string, string>;
	dependencies?: Record<string, string>;
	n8n?: { nodes?: string[]; credentials?: string[] };
	[key: string]: unknown;
}

function readJson<T>(file: string): T {
	return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

/** npm without the repo's npm_* environment (when run under `npm run`), bounded in time. */
async function npm(args: string[], cwd: string, timeoutS: number): Promise<string> {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value;
	const { stdout } = await execFileAsync('timeout', ['--kill-after=10', String(timeoutS), 'npm', ...args], {
		cwd,
		env,
		maxBuffer: 64 * 1024 * 1024,
	});
	return stdout;
}

/** The caller builds; this only covers a fresh checkout where nothing was built yet. */
async function buildIfMissing(packageDir: string, pkg: PackageJson): Promise<void> {
	const entries = [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])];
	const missing = entries.filter((entry) => !fs.existsSync(path.join(packageDir, entry)));
	if (missing.length === 0) return;
	if (!pkg.scripts?.build) throw new Error(`${pkg.name}: ${missing.join(', ')} missing and no build script`);
	await npm(['run', 'build'], packageDir, 600);
	const stillMissing = missing.filter((entry) => !fs.existsSync(path.join(packageDir, entry)));
	if (stillMissing.length) throw new Error(`${pkg.name}: npm run build did not produce ${stillMissing.join(', ')}`);
}

export async function installPackage(packageDir: string, userFolder: string): Promise<InstalledPackage> {
	const source = readJson<PackageJson>(path.join(packageDir, 'package.json'));
	await buildIfMissing(packageDir, source);

	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const tmp = makeTempDir('pack');
	try {
		// --ignore-scripts: a prepack/prepare build belongs to the caller, not to every test start.
		const packed = JSON.parse(await npm(['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], packageDir, 120)) as Array<{ filename: string }>;
		const tarball = path.join(tmp, path.basename(packed[0].filename));
		const dir = path.join(nodesDir, 'node_modules', source.name);
		fs.mkdirSync(dir, { recursive: true });
		await execFileAsync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);

		const pkgFile = path.join(dir, 'package.json');
		const shipped = readJson<PackageJson>(pkgFile);
		for (const key of ['devDependencies', 'peerDependencies', 'optionalDependencies']) delete shipped[key];
		fs.writeFileSync(pkgFile, JSON.stringify(shipped, null, 2));
		// n8n runs this npm install unconditionally; with no dependencies it would only cost a second or two.
		if (Object.keys(shipped.dependencies ?? {}).length > 0) {
			await npm(
				['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'],
				dir,
				300,
			);
		}

		const listFile = path.join(nodesDir, 'package.json');
		const list = fs.existsSync(listFile)
			? readJson<{ dependencies: Record<string, string> }>(listFile)
			: { name: 'installed-nodes', private: true, dependencies: {} as Record<string, string> };
		list.dependencies[shipped.name] = shipped.version;
		fs.writeFileSync(listFile, JSON.stringify(list, null, 2));

		return { name: shipped.name, version: shipped.version, dir, nodeFiles: shipped.n8n?.nodes ?? [] };
	} finally {
		fs.rmSync(tmp, { recursive: true, force: true });
	}
}
