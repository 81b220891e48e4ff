/**
 * Debian packages a test layer needs (Chromium for the browser tests, PostgreSQL and Redis for queue mode),
 * installed with apt-get when missing, so `.ci/run` works on a fresh machine. Root, or passwordless sudo; every
 * call bounded, since apt-get can wait on a lock or a slow mirror.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
const POLICY_RC_D = '/usr/sbin/policy-rc.d';

export function executable(file: string): boolean {
	try {
		fs.accessSync(file, fs.constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

export function onPath(name: string): string | undefined {
	for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
		if (dir && executable(path.join(dir, name))) return path.join(dir, name);
	}
	return undefined;
}

export function isRoot(): boolean {
	return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Runs `command` bounded by `timeoutS`; the error carries the tail of its output. */
export async function runBounded(command: string, args: string[], timeoutS: number, env: NodeJS.ProcessEnv = process.env): Promise<void> {
	try {
		await execFileAsync('timeout', ['--kill-after=10', String(timeoutS), command, ...args], { env, maxBuffer: 64 * 1024 * 1024 });
	} catch (error) {
		const e = error as { code?: number; stderr?: string; stdout?: string };
		const why = e.code === 124 ? `timed out after ${timeoutS} s` : `exit ${e.code}`;
		throw new Error(`${command} ${args.join(' ')}: ${why}\n${(e.stderr || e.stdout || '').slice(-3000)}`);
	}
}

export interface AptInstall {
	/** What needs the packages, for the error when nothing can install them ("queue tests", "browser tests"). */
	neededBy: string;
	packages: string[];
	/** Seconds each apt-get call may take. */
	timeoutS: number;
	log: (line: string) => void;
}

/**
 * `apt-get update` + `apt-get install --no-install-recommends` of `packages`; returns the milliseconds it took.
 * Package scripts must not start machine-wide services (postgresql, redis): when no policy-rc.d forbids it (Docker
 * images ship one), a temporary one does, for the duration of the install only.
 */
export async function aptInstall({ neededBy, packages, timeoutS, log }: AptInstall): Promise<number> {
	let sudo: string[] = [];
	if (!isRoot()) {
		try {
			await execFileAsync('sudo', ['-n', 'true']);
			sudo = ['sudo', '-n'];
		} catch {
			throw new Error(`${neededBy} need ${packages.join(', ')}: run \`apt-get install -y ${packages.join(' ')}\` as root (no root, no passwordless sudo here)`);
		}
	}
	const started = Date.now();
	log(`installing ${packages.join(' ')} with apt-get…`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const exec = (args: string[]): Promise<void> =>
		sudo.length ? runBounded(sudo[0], [...sudo.slice(1), 'env', 'DEBIAN_FRONTEND=noninteractive', ...args], timeoutS, env) : runBounded(args[0], args.slice(1), timeoutS, env);
	const ownPolicy = !fs.existsSync(POLICY_RC_D);
	if (ownPolicy) await exec(['sh', '-c', `printf '#!/bin/sh\\nexit 101\\n' > ${POLICY_RC_D} && chmod 755 ${POLICY_RC_D}`]);
	try {
		await exec(['apt-get', 'update', '-o', 'DPkg::Lock::Timeout=300']);
		await exec(['apt-get', 'install', '-y', '--no-install-recommends', '-o', 'DPkg::Lock::Timeout=300', ...packages]);
	} finally {
		if (ownPolicy) await exec(['rm', '-f', POLICY_RC_D]).catch(() => undefined);
	}
	const installedMs = Date.now() - started;
	log(`installed ${packages.join(' ')} in ${(installedMs / 1000).toFixed(1)} s`);
	return installedMs;
}
