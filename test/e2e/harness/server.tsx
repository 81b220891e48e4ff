/**
 * The n8n process itself: environment, ports, logs, readiness, stop. Knows nothing about users or
 * workflows (that is n8n.tsx).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { N8nInstall } from '../../../scripts/n8n-install';
import { request } from './http';
import { freePorts } from './ports';
import { register, startWatchdog, stopGroup, unregister } from './processes';

/** Fixed so that a kept user folder (MUSICAPI_E2E_KEEP=1) can be reopened by hand with the same key. */
const ENCRYPTION_KEY = 'musicapi-e2e-not-a-secret';
const LOG_LIMIT = 8 * 1024 * 1024;

export class PortInUseError extends Error {}

export interface ServerOptions {
	install: N8nInstall;
	userFolder: string;
	env?: Record<string, string>;
	readyTimeoutMs?: number;
}

/**
 * Our variables replace the caller's: an N8N_* or DB_* left in a developer's shell must not leak in, and
 * jest's NODE_ENV=test makes n8n refuse to load nodes ("Not available in tests") and exit silently.
 */
function baseEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^(N8N_|DB_|EXECUTIONS_|QUEUE_|npm_|JEST_|NODE_ENV$|NODE_OPTIONS$|NODE_PATH$)/i.test(key)) continue;
		env[key] = value;
	}
	return env;
}

export class N8nServer {
	readonly url: string;
	readonly pid: number;
	private readonly chunks: string[] = [];
	private logBytes = 0;
	private readonly exited: Promise<number | null>;
	private exitCode: number | null | undefined;
	private stopping: Promise<void> | undefined;

	private constructor(
		private readonly options: ServerOptions,
		readonly port: number,
		readonly brokerPort: number,
	) {
		this.url = `http://127.0.0.1:${port}`;
		const instanceId = randomUUID();
		const { install, userFolder } = options;
		const env: NodeJS.ProcessEnv = {
			...baseEnv(),
			// n8n starts its task runner as plain `node`: Node 24 must come first on PATH.
			PATH: `${path.dirname(install.nodeBin)}${path.delimiter}${process.env.PATH ?? ''}`,
			N8N_USER_FOLDER: userFolder,
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
			DB_TYPE: 'sqlite',
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			N8N_WEBHOOK_URL: `${this.url}/`,
			// The default 5679 collides as soon as two servers run.
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_SECURE_COOKIE: 'false',
			// `info`, not less: CLI commands print their results through the logger.
			N8N_LOG_LEVEL: 'info',
			GENERIC_TIMEZONE: 'UTC',
			TZ: 'UTC',
			MUSICAPI_E2E_INSTANCE: instanceId,
			...options.env,
		};
		const child = spawn(install.nodeBin, [install.n8nBin, 'start'], {
			cwd: userFolder,
			env,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		if (child.pid === undefined) throw new Error(`could not start ${install.nodeBin} ${install.n8nBin}`);
		this.pid = child.pid;
		register({ pid: this.pid, ownerPid: process.pid, envMarker: `MUSICAPI_E2E_INSTANCE=${instanceId}`, dirs: [userFolder] });
		startWatchdog(this.pid, process.pid);
		const logFile = fs.createWriteStream(path.join(userFolder, 'n8n.log'));
		const capture = (chunk: Buffer): void => {
			const text = chunk.toString('utf8');
			logFile.write(text);
			if (process.env.MUSICAPI_E2E_LOGS === '1') process.stderr.write(text);
			this.chunks.push(text);
			this.logBytes += text.length;
			while (this.logBytes > LOG_LIMIT && this.chunks.length > 1) this.logBytes -= this.chunks.shift()?.length ?? 0;
		};
		child.stdout?.on('data', capture);
		child.stderr?.on('data', capture);
		this.exited = new Promise((resolve) => {
			child.on('close', (code) => {
				this.exitCode = code;
				logFile.end();
				resolve(code);
			});
		});
	}

	/**
	 * Starts n8n on fresh ports and waits until /healthz/readiness answers 200 and the REST API is routed
	 * (n8n 1.x listens, and answers readiness, before it registers its controllers: an early
	 * `POST /rest/owner/setup` gets Express's 404 "Cannot POST").
	 */
	static async start(options: ServerOptions): Promise<N8nServer> {
		for (let attempt = 1; ; attempt++) {
			const [port, brokerPort] = await freePorts(2);
			const server = new N8nServer(options, port, brokerPort);
			try {
				await server.waitReady(options.readyTimeoutMs ?? 120_000);
				return server;
			} catch (error) {
				await server.stop();
				// Someone took a port between freePorts() and n8n's listen(): try others.
				if (!(error instanceof PortInUseError) || attempt === 3) throw error;
			}
		}
	}

	logs(): string {
		return this.chunks.join('');
	}

	private async waitReady(timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.exitCode !== undefined) {
				const tail = this.logs().slice(-4000);
				if (/EADDRINUSE|already in use/i.test(tail)) throw new PortInUseError(tail);
				throw new Error(`n8n exited (code ${this.exitCode}) before it was ready:\n${tail}`);
			}
			try {
				const response = await request('GET', `${this.url}/healthz/readiness`, { timeoutMs: 2000 });
				if (response.status === 200) {
					const settings = await request('GET', `${this.url}/rest/settings`, { timeoutMs: 2000 });
					if (settings.status !== 404) return;
				}
			} catch {
				// Not listening yet.
			}
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
		throw new Error(`n8n not ready after ${timeoutMs} ms:\n${this.logs().slice(-4000)}`);
	}

	/** SIGTERM the whole group (n8n + task runner), SIGKILL after 10 s; idempotent. The user folder is the caller's. */
	stop(): Promise<void> {
		this.stopping ??= (async () => {
			await stopGroup(this.pid);
			// The group is gone; 'close' follows once the pipes drain. The timer is cleared so jest can exit.
			let timer: NodeJS.Timeout | undefined;
			await Promise.race([this.exited, new Promise((resolve) => (timer = setTimeout(resolve, 2000)))]);
			clearTimeout(timer);
			unregister(this.pid);
		})();
		return this.stopping;
	}
}
