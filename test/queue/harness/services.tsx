/**
 * PostgreSQL and Redis for n8n's queue mode, as this test run's own processes: Debian's binaries (installed with
 * apt-get when missing), each server on a free 127.0.0.1 port with its data in a temp folder, never the
 * machine's own services.
 *
 *   npx ts-node --transpile-only test/queue/harness/services.tsx   # install if missing; prints the binaries
 *
 * - PostgreSQL refuses to run as root: as root, initdb and postgres run as the `postgres` user Debian's package
 *   creates (spawn's uid/gid, no su), in a folder chowned to it.
 * - Each server is spawned detached as the leader of its own process group and recorded like the e2e harness
 *   records n8n (test/e2e/harness/processes.tsx), so a watchdog, globalTeardown and the next run stop it if
 *   the test cannot.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

import { aptInstall, executable, isRoot, onPath } from '../../e2e/harness/debian';
import { freePort } from '../../e2e/harness/ports';
import { makeTempDir } from '../../e2e/harness/processes';
import { ManagedProcess } from './managed-process';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** apt-get can wait on a lock or a slow mirror: every call is bounded (seconds). */
const APT_TIMEOUT_S = Number(process.env.MUSICAPI_QUEUE_APT_TIMEOUT ?? 600);
const PACKAGES = ['postgresql', 'redis-server'];

export interface ServiceBinaries {
	/** Folder of initdb, postgres and pg_isready (Debian: /usr/lib/postgresql/<major>/bin). */
	pgBin: string;
	redisServer: string;
}

function log(message: string): void {
	process.stderr.write(`[queue-services] ${message}\n`);
}

/** The newest Debian PostgreSQL server folder, else one on PATH; undefined when none is installed. */
function findPgBin(): string | undefined {
	const root = '/usr/lib/postgresql';
	const majors = fs.existsSync(root)
		? fs
				.readdirSync(root)
				.filter((v) => executable(path.join(root, v, 'bin', 'postgres')) && executable(path.join(root, v, 'bin', 'initdb')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	if (majors.length) return path.join(root, majors[0], 'bin');
	const initdb = onPath('initdb');
	return initdb && executable(path.join(path.dirname(fs.realpathSync(initdb)), 'postgres')) ? path.dirname(fs.realpathSync(initdb)) : undefined;
}

function findRedis(): string | undefined {
	return onPath('redis-server') ?? (executable('/usr/bin/redis-server') ? '/usr/bin/redis-server' : undefined);
}

export function findServiceBinaries(): Partial<ServiceBinaries> {
	return { pgBin: findPgBin(), redisServer: findRedis() };
}

/** Installs PostgreSQL and Redis from Debian when either is missing (debian.tsx: root or passwordless sudo). */
export async function ensureServiceBinaries(): Promise<ServiceBinaries & { installedMs: number }> {
	const found = findServiceBinaries();
	if (found.pgBin && found.redisServer) return { pgBin: found.pgBin, redisServer: found.redisServer, installedMs: 0 };
	const installedMs = await aptInstall({ neededBy: 'queue tests', packages: PACKAGES, timeoutS: APT_TIMEOUT_S, log });
	const after = findServiceBinaries();
	if (!after.pgBin || !after.redisServer) throw new Error(`apt-get install ${PACKAGES.join(' ')} finished but ${JSON.stringify(after)}`);
	return { pgBin: after.pgBin, redisServer: after.redisServer, installedMs };
}

async function waitFor(what: string, proc: ManagedProcess, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (proc.hasExited) throw new Error(`${what} exited before it was ready:\n${proc.logs().slice(-3000)}`);
		if (await probe().catch(() => false)) return;
		if (Date.now() >= deadline) throw new Error(`${what} not ready after ${timeoutMs} ms:\n${proc.logs().slice(-3000)}`);
		await sleep(100);
	}
}

/** One command over a fresh TCP connection; resolves with the first reply bytes. */
function tcpAsk(port: number, payload: string | Buffer, timeoutMs = 1000): Promise<string> {
	return new Promise((resolve, reject) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		socket.setTimeout(timeoutMs, () => socket.destroy(new Error('timeout')));
		socket.once('error', reject);
		socket.once('connect', () => socket.write(payload));
		socket.once('data', (data) => {
			resolve(data.toString('utf8'));
			socket.end();
		});
	});
}

/** PostgreSQL's SSLRequest packet: a ready server answers one byte ('N' without SSL), before any login. */
const SSL_REQUEST = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);

export interface Postgres {
	host: string;
	port: number;
	user: string;
	password: string;
	database: string;
	logs(): string;
	stop(): Promise<void>;
}

export interface Redis {
	host: string;
	port: number;
	logs(): string;
	stop(): Promise<void>;
}

function postgresAccount(): { uid?: number; gid?: number } {
	if (!isRoot()) return {};
	const line = fs
		.readFileSync('/etc/passwd', 'utf8')
		.split('\n')
		.find((l) => l.startsWith('postgres:'));
	if (!line) throw new Error('running as root, and there is no `postgres` user to run PostgreSQL as (it refuses root)');
	const [, , uid, gid] = line.split(':');
	return { uid: Number(uid), gid: Number(gid) };
}

/**
 * A throw-away PostgreSQL cluster: initdb (trust auth, superuser `n8n`) into a temp folder, then `postgres` on
 * a free port, durability off (fsync, synchronous_commit, full_page_writes): nothing here must survive.
 */
export async function startPostgres(pgBin: string): Promise<Postgres> {
	const account = postgresAccount();
	const root = makeTempDir('pg');
	const dataDir = path.join(root, 'data');
	const socketDir = path.join(root, 'run');
	fs.mkdirSync(socketDir);
	if (account.uid !== undefined) for (const dir of [root, socketDir]) fs.chownSync(dir, account.uid, account.gid ?? account.uid);
	try {
		const initEnv = { PATH: process.env.PATH, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
		await new Promise<void>((resolve, reject) => {
			execFile(
				path.join(pgBin, 'initdb'),
				['-D', dataDir, '-U', 'n8n', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions'],
				{ cwd: root, env: initEnv, uid: account.uid, gid: account.gid, timeout: 120_000 },
				(error, stdout, stderr) => (error ? reject(new Error(`initdb failed: ${error.message}\n${stderr || stdout}`)) : resolve()),
			);
		});
	} catch (error) {
		fs.rmSync(root, { recursive: true, force: true });
		throw error;
	}

	for (let attempt = 1; ; attempt++) {
		const port = await freePort();
		const proc = new ManagedProcess(
			'postgres',
			path.join(pgBin, 'postgres'),
			['-D', dataDir, '-p', String(port), '-h', '127.0.0.1', '-k', socketDir, '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=100'],
			{ cwd: root, ...account, dirs: [root] },
		);
		const stop = async (): Promise<void> => {
			await proc.stop('SIGINT');
			fs.rmSync(root, { recursive: true, force: true });
		};
		try {
			await waitFor(`PostgreSQL on ${port}`, proc, async () => /ready to accept connections/.test(proc.logs()) && (await tcpAsk(port, SSL_REQUEST, 500)) === 'N', 60_000);
			return { host: '127.0.0.1', port, user: 'n8n', password: 'n8n', database: 'postgres', logs: () => proc.logs(), stop };
		} catch (error) {
			await proc.stop('SIGINT');
			if (!/could not bind|already in use/i.test(proc.logs()) || attempt === 3) {
				fs.rmSync(root, { recursive: true, force: true });
				throw error;
			}
		}
	}
}

/** A throw-away Redis: no persistence at all, its working folder a temp folder. */
export async function startRedis(redisServer: string): Promise<Redis> {
	const root = makeTempDir('redis');
	for (let attempt = 1; ; attempt++) {
		const port = await freePort();
		const proc = new ManagedProcess(
			'redis',
			redisServer,
			['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', root, '--daemonize', 'no', '--protected-mode', 'yes'],
			{ cwd: root, dirs: [root] },
		);
		const stop = async (): Promise<void> => {
			await proc.stop('SIGTERM');
			fs.rmSync(root, { recursive: true, force: true });
		};
		try {
			await waitFor(`Redis on ${port}`, proc, async () => (await tcpAsk(port, 'PING\r\n', 500)).startsWith('+PONG'), 30_000);
			return { host: '127.0.0.1', port, logs: () => proc.logs(), stop };
		} catch (error) {
			await proc.stop('SIGTERM');
			if (!/Address already in use/i.test(proc.logs()) || attempt === 3) {
				fs.rmSync(root, { recursive: true, force: true });
				throw error;
			}
		}
	}
}

if (require.main === module) {
	ensureServiceBinaries().then(
		(result) => process.stdout.write(`${JSON.stringify({ ...result, os: os.release() })}\n`),
		(error: Error) => {
			process.stderr.write(`${error.message}\n`);
			process.exit(1);
		},
	);
}
