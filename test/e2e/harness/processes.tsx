/**
 * Child processes that never outlive the tests.
 *
 * n8n runs detached, as the leader of its own process group: its task runner is a plain child
 * (`spawn('node', …)` in n8n's JsTaskRunnerProcess), so one signal to the group reaches everything. Being
 * detached also means Ctrl-C or a killed jest would not reach it, hence three safety nets:
 * - stop() in the test's afterAll (SIGTERM the group, SIGKILL after a grace period);
 * - a record per server in LIVE_DIR that globalTeardown, and the next globalSetup, reap;
 * - a watchdog process that kills the group as soon as the owning jest process is gone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { LIVE_DIR } from './paths';

export interface LiveRecord {
	/** Pid of the group leader, which is also the process group id. */
	pid: number;
	/** Process that started it; the record is stale once this one is gone. */
	ownerPid: number;
	/** `KEY=value` present in the leader's environment: guards against killing a recycled pid. */
	envMarker: string;
	/** Folders to delete once the group is gone. */
	dirs: string[];
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** True while any process of the group exists (zombies included, until their parent reaps them). */
export function groupAlive(pgid: number): boolean {
	return isAlive(-pgid);
}

export function signalGroup(pgid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pgid, signal);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
	}
}

/** Whether `pid` is still the process we started (Linux: its environment carries our marker). */
function stillOurs(record: LiveRecord): boolean {
	try {
		return fs.readFileSync(`/proc/${record.pid}/environ`, 'latin1').split('\0').includes(record.envMarker);
	} catch {
		return false;
	}
}

/** SIGTERM the group, wait, then SIGKILL whatever is left; resolves once the group is gone. */
export async function stopGroup(pgid: number, graceMs = 10_000): Promise<void> {
	signalGroup(pgid, 'SIGTERM');
	const deadline = Date.now() + graceMs;
	while (groupAlive(pgid) && Date.now() < deadline) await sleep(100);
	if (!groupAlive(pgid)) return;
	signalGroup(pgid, 'SIGKILL');
	const hardDeadline = Date.now() + 5000;
	while (groupAlive(pgid) && Date.now() < hardDeadline) await sleep(100);
}

function recordFile(pid: number): string {
	return path.join(LIVE_DIR, `${pid}.json`);
}

export function register(record: LiveRecord): void {
	fs.mkdirSync(LIVE_DIR, { recursive: true });
	fs.writeFileSync(recordFile(record.pid), JSON.stringify(record));
}

export function unregister(pid: number): void {
	fs.rmSync(recordFile(pid), { force: true });
}

const TEMP_PREFIX = 'musicapi-e2e-';

/**
 * A fresh folder in the system temp dir named after this process, so that the next run can delete it if
 * this one is killed before its afterAll runs (see sweepTempDirs).
 */
export function makeTempDir(label: string): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), `${TEMP_PREFIX}${process.pid}-${label}-`));
}

/** Deletes temp folders of processes that are gone, and this process's own (it only runs at setup/teardown). */
function sweepTempDirs(): void {
	for (const name of fs.readdirSync(os.tmpdir())) {
		const owner = Number(new RegExp(`^${TEMP_PREFIX}(\\d+)-`).exec(name)?.[1] ?? 0);
		if (owner && (owner === process.pid || !isAlive(owner))) fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
	}
}

/**
 * Stops the recorded servers of this process and of processes that are gone (a crashed or killed run),
 * deletes their folders and the temp folders of dead processes, and returns how many groups it stopped.
 * Servers of other live processes (another jest run in the same checkout) are left alone.
 */
export async function reapRecorded(): Promise<number> {
	let killed = 0;
	let files: string[] = [];
	try {
		files = fs.readdirSync(LIVE_DIR).filter((f) => f.endsWith('.json'));
	} catch {
		// No server was ever recorded here.
	}
	for (const file of files) {
		let record: LiveRecord;
		try {
			record = JSON.parse(fs.readFileSync(path.join(LIVE_DIR, file), 'utf8')) as LiveRecord;
		} catch {
			fs.rmSync(path.join(LIVE_DIR, file), { force: true });
			continue;
		}
		if (record.ownerPid !== process.pid && isAlive(record.ownerPid)) continue;
		if (groupAlive(record.pid) && stillOurs(record)) {
			await stopGroup(record.pid, 5000);
			killed++;
		}
		if (process.env.MUSICAPI_E2E_KEEP !== '1') {
			for (const dir of record.dirs) fs.rmSync(dir, { recursive: true, force: true });
		}
		unregister(record.pid);
	}
	if (process.env.MUSICAPI_E2E_KEEP !== '1') sweepTempDirs();
	return killed;
}

/**
 * Kills the group when `ownerPid` dies (jest killed, Ctrl-C, crash) and exits by itself once the group is
 * gone. Runs on the machine's Node; its code is inline so it needs no build step.
 */
export function startWatchdog(pgid: number, ownerPid: number): void {
	const script = `
		const [pgid, owner] = process.argv.slice(1).map(Number);
		const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
		const kill = (signal) => { try { process.kill(-pgid, signal); } catch {} };
		const timer = setInterval(() => {
			if (!alive(-pgid)) process.exit(0);
			if (alive(owner)) return;
			clearInterval(timer);
			kill('SIGTERM');
			setTimeout(() => { kill('SIGKILL'); process.exit(0); }, 5000);
		}, 500);
	`;
	const watchdog: ChildProcess = spawn(process.execPath, ['-e', script, String(pgid), String(ownerPid)], {
		detached: true,
		stdio: 'ignore',
	});
	watchdog.unref();
}
