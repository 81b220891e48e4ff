/**
 * n8n in queue mode for one test file: PostgreSQL + Redis (this run's own, see services.tsx), one main
 * (`n8n start`: UI, API, webhooks, waiting webhooks; enqueues executions) and workers (`n8n worker`: run them),
 * all with the same encryption key, database, queue and community package.
 *
 *   const q = await startQueueN8n({ workers: 2 });   // q.n8n is the e2e harness's N8n, talking to the main
 *   …
 *   await q.stop();                                  // workers, main, Redis, PostgreSQL: always all of them
 *
 * The main is the e2e harness's own server (test/e2e/harness/server.tsx, environment overridden for queue mode);
 * workers are started here because that server only knows `n8n start`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { ensureN8n, type N8nInstall } from '../../../scripts/n8n-install';
import { installPackage, makeTempDir, N8n, REPO_ROOT, request, type InstalledPackage } from '../../e2e/harness';
import { freePorts } from '../../e2e/harness/ports';
import { N8nServer } from '../../e2e/harness/server';
import { ManagedProcess } from './managed-process';
import { ensureServiceBinaries, startPostgres, startRedis, type Postgres, type Redis } from './services';

/** Main and workers must share it: credentials are encrypted by one process and decrypted by another. */
export const QUEUE_ENCRYPTION_KEY = 'musicapi-queue-not-a-secret';

export interface QueueStartOptions {
	/** Number of `n8n worker` processes (default 2: which one takes a job is Bull's choice). */
	workers?: number;
	/** Extra environment for main and workers. */
	env?: Record<string, string>;
	/** Package folder to install (default: the repo root, built). */
	packageDir?: string;
	/** Jobs a worker runs at once (`--concurrency`; n8n warns below 5). */
	concurrency?: number;
}

export interface QueueTimings {
	n8nInstallMs: number;
	servicesInstallMs: number;
	servicesStartMs: number;
	packageMs: number;
	mainBootMs: number;
	workersBootMs: number;
	setupMs: number;
}

/** Same filter as the e2e server: nothing of the developer's n8n, database or jest environment leaks in. */
function baseEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^(N8N_|DB_|EXECUTIONS_|QUEUE_|npm_|JEST_|NODE_ENV$|NODE_OPTIONS$|NODE_PATH$|MUSICAPI_E2E_INSTANCE$)/i.test(key)) continue;
		env[key] = value;
	}
	return env;
}

export class QueueWorker {
	private constructor(
		readonly index: number,
		readonly userFolder: string,
		readonly healthUrl: string,
		private readonly proc: ManagedProcess,
	) {}

	get pid(): number {
		return this.proc.pid;
	}

	logs(): string {
		return this.proc.logs();
	}

	/** Execution ids this worker ran, from its log lines "Worker started execution <id> (job <job>)". */
	executionsStarted(): string[] {
		return [...this.logs().matchAll(/Worker started execution (\S+) \(job/g)].map((m) => m[1]);
	}

	static async start(index: number, install: N8nInstall, sharedEnv: Record<string, string>, nodesDir: string, concurrency: number): Promise<QueueWorker> {
		// Own user folder (event log, crash journal, task runner files are per process), the main's nodes folder.
		const userFolder = makeTempDir(`n8n-worker${index}`);
		fs.mkdirSync(path.join(userFolder, '.n8n'), { recursive: true });
		fs.symlinkSync(nodesDir, path.join(userFolder, '.n8n', 'nodes'), 'dir');
		const [healthPort, brokerPort] = await freePorts(2);
		const env: NodeJS.ProcessEnv = {
			...baseEnv(),
			PATH: `${path.dirname(install.nodeBin)}${path.delimiter}${process.env.PATH ?? ''}`,
			...sharedEnv,
			N8N_USER_FOLDER: userFolder,
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(healthPort),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		};
		const proc = new ManagedProcess(`worker${index}`, install.nodeBin, [install.n8nBin, 'worker', `--concurrency=${concurrency}`], {
			cwd: userFolder,
			env,
			dirs: [userFolder],
			logFile: path.join(userFolder, 'n8n-worker.log'),
		});
		const worker = new QueueWorker(index, userFolder, `http://127.0.0.1:${healthPort}`, proc);
		try {
			await worker.waitReady(120_000);
		} catch (error) {
			await worker.stop();
			throw error;
		}
		return worker;
	}

	/** The worker server's /healthz/readiness: 200 once DB and Redis are connected and the queue is set up. */
	private async waitReady(timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.proc.hasExited) throw new Error(`worker ${this.index} exited (code ${this.proc.code}) before it was ready:\n${this.logs().slice(-4000)}`);
			try {
				const response = await request('GET', `${this.healthUrl}/healthz/readiness`, { timeoutMs: 2000 });
				if (response.status === 200 && /n8n worker is now ready/.test(this.logs())) return;
			} catch {
				// Not listening yet.
			}
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
		throw new Error(`worker ${this.index} not ready after ${timeoutMs} ms:\n${this.logs().slice(-4000)}`);
	}

	async stop(): Promise<void> {
		await this.proc.stop('SIGTERM');
		if (process.env.MUSICAPI_E2E_KEEP !== '1') fs.rmSync(this.userFolder, { recursive: true, force: true });
	}
}

export class QueueN8n {
	constructor(
		/** The e2e harness's client, talking to the main. */
		readonly n8n: N8n,
		readonly workers: QueueWorker[],
		readonly postgres: Postgres,
		readonly redis: Redis,
		readonly timings: QueueTimings,
	) {}

	/** Which worker ran an execution (by the workers' own log lines); [] if none did. */
	workersThatRan(executionId: string): number[] {
		return this.workers.filter((w) => w.executionsStarted().includes(String(executionId))).map((w) => w.index);
	}

	/** The main's log: it must never say it ran an execution itself. */
	mainLogs(): string {
		return this.n8n.logs();
	}

	/** Everything, for failure messages. */
	allLogs(tail = 6000): string {
		const parts = [`--- main ---\n${this.n8n.logs().slice(-tail)}`];
		for (const w of this.workers) parts.push(`--- worker ${w.index} ---\n${w.logs().slice(-tail)}`);
		return parts.join('\n');
	}

	async stop(): Promise<void> {
		await stopAll([...this.workers.map((w) => () => w.stop()), () => this.n8n.stop(), () => this.redis.stop(), () => this.postgres.stop()]);
	}
}

/** Runs every stop even when one fails (one after another: workers before the main, the main before its DB). */
async function stopAll(stops: Array<() => Promise<void>>): Promise<void> {
	const errors: unknown[] = [];
	for (const stop of stops) {
		try {
			await stop();
		} catch (error) {
			errors.push(error);
		}
	}
	if (errors.length) throw errors[0];
}

export async function startQueueN8n(options: QueueStartOptions = {}): Promise<QueueN8n> {
	const workerCount = options.workers ?? 2;
	let t = Date.now();
	const install = await ensureN8n();
	const n8nInstallMs = Date.now() - t;
	t = Date.now();
	const binaries = await ensureServiceBinaries();
	const servicesInstallMs = Date.now() - t;

	const cleanups: Array<() => Promise<void>> = [];
	try {
		t = Date.now();
		const [postgres, redis] = await Promise.all([
			startPostgres(binaries.pgBin).then((pg) => (cleanups.push(() => pg.stop()), pg)),
			startRedis(binaries.redisServer).then((r) => (cleanups.push(() => r.stop()), r)),
		]);
		const servicesStartMs = Date.now() - t;

		t = Date.now();
		const userFolder = makeTempDir('n8n-main');
		cleanups.unshift(async () => fs.rmSync(userFolder, { recursive: true, force: true }));
		const packages: InstalledPackage[] = [await installPackage(options.packageDir ?? REPO_ROOT, userFolder)];
		const packageMs = Date.now() - t;

		const sharedEnv: Record<string, string> = {
			N8N_ENCRYPTION_KEY: QUEUE_ENCRYPTION_KEY,
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: redis.host,
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: postgres.host,
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: postgres.password,
			DB_POSTGRESDB_DATABASE: postgres.database,
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_LOG_LEVEL: 'info',
			GENERIC_TIMEZONE: 'UTC',
			TZ: 'UTC',
			...options.env,
		};

		t = Date.now();
		const main = await N8nServer.start({ install, userFolder, env: sharedEnv });
		cleanups.unshift(() => main.stop());
		const mainBootMs = Date.now() - t;

		// Workers build resume URLs ($execution.resumeUrl) from WEBHOOK_URL: it must be the main's.
		t = Date.now();
		const workerEnv = { ...sharedEnv, N8N_WEBHOOK_URL: `${main.url}/` };
		const workers: QueueWorker[] = [];
		const started = await Promise.allSettled(
			Array.from({ length: workerCount }, (_, i) => QueueWorker.start(i + 1, install, workerEnv, path.join(userFolder, '.n8n', 'nodes'), options.concurrency ?? 10)),
		);
		for (const s of started) if (s.status === 'fulfilled') workers.push(s.value);
		cleanups.unshift(...workers.map((w) => () => w.stop()));
		const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
		if (failed) throw failed.reason;
		const workersBootMs = Date.now() - t;

		t = Date.now();
		const n8n = new N8n(main, userFolder, packages, { installMs: n8nInstallMs, packagesMs: packageMs, bootMs: mainBootMs, setupMs: 0 }, install.version);
		await n8n.setUp();
		const setupMs = Date.now() - t;
		return new QueueN8n(n8n, workers, postgres, redis, { n8nInstallMs, servicesInstallMs, servicesStartMs, packageMs, mainBootMs, workersBootMs, setupMs });
	} catch (error) {
		await stopAll(cleanups).catch(() => undefined);
		throw error;
	}
}
