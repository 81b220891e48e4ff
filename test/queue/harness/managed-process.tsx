/**
 * A long-running child of the queue tests (PostgreSQL, Redis, an n8n worker) with the e2e harness's safety
 * nets (test/e2e/harness/processes.tsx): detached as the leader of its own process group, recorded in the live
 * folder (globalTeardown and the next run reap it), watched (killed within seconds if jest dies), and stopped
 * as a whole group.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';

import { groupAlive, register, signalGroup, startWatchdog, stopGroup, unregister } from '../../e2e/harness/processes';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const LOG_LIMIT = 8 * 1024 * 1024;

export interface ManagedProcessOptions {
	cwd: string;
	/** The whole environment (nothing is inherited); the reaping marker is added. */
	env?: NodeJS.ProcessEnv;
	uid?: number;
	gid?: number;
	/** Deleted by the reaper if the test never stops this process. */
	dirs: string[];
	/** Also written here (kept with MUSICAPI_E2E_KEEP=1 when it lives in a kept folder). */
	logFile?: string;
}

export class ManagedProcess {
	readonly pid: number;
	private readonly chunks: string[] = [];
	private logBytes = 0;
	private exitCode: number | null | undefined;
	private readonly exited: Promise<void>;
	private stopping: Promise<void> | undefined;

	constructor(
		readonly name: string,
		command: string,
		args: string[],
		options: ManagedProcessOptions,
	) {
		const marker = randomUUID();
		const env: NodeJS.ProcessEnv = {
			...(options.env ?? { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' }),
			MUSICAPI_E2E_INSTANCE: marker,
		};
		const child = spawn(command, args, {
			cwd: options.cwd,
			env,
			uid: options.uid,
			gid: options.gid,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		if (child.pid === undefined) throw new Error(`could not start ${command}`);
		this.pid = child.pid;
		register({ pid: this.pid, ownerPid: process.pid, envMarker: `MUSICAPI_E2E_INSTANCE=${marker}`, dirs: options.dirs });
		startWatchdog(this.pid, process.pid);
		const file = options.logFile ? fs.createWriteStream(options.logFile) : undefined;
		const capture = (chunk: Buffer): void => {
			const text = chunk.toString('utf8');
			file?.write(text);
			if (process.env.MUSICAPI_E2E_LOGS === '1') process.stderr.write(text.replace(/^(?=.)/gm, `[${name}] `));
			this.chunks.push(text);
			this.logBytes += text.length;
			while (this.logBytes > LOG_LIMIT && this.chunks.length > 1) this.logBytes -= this.chunks.shift()?.length ?? 0;
		};
		child.stdout?.on('data', capture);
		child.stderr?.on('data', capture);
		this.exited = new Promise((resolve) =>
			child.on('close', (code) => {
				this.exitCode = code;
				file?.end();
				resolve();
			}),
		);
	}

	logs(): string {
		return this.chunks.join('');
	}

	get hasExited(): boolean {
		return this.exitCode !== undefined;
	}

	get code(): number | null | undefined {
		return this.exitCode;
	}

	/**
	 * `signal` to the group first (PostgreSQL: SIGINT is its fast shutdown; SIGTERM would wait for clients),
	 * SIGTERM/SIGKILL if it is still there after 10 s; idempotent.
	 */
	stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
		this.stopping ??= (async () => {
			if (groupAlive(this.pid)) {
				signalGroup(this.pid, signal);
				const deadline = Date.now() + 10_000;
				while (groupAlive(this.pid) && Date.now() < deadline) await sleep(50);
				if (groupAlive(this.pid)) await stopGroup(this.pid, 3000);
			}
			let timer: NodeJS.Timeout | undefined;
			await Promise.race([this.exited, new Promise((resolve) => (timer = setTimeout(resolve, 2000)))]);
			clearTimeout(timer);
			unregister(this.pid);
		})();
		return this.stopping;
	}
}
