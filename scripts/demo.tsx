/**
 * One-command demo: a real n8n 2.40.7 with this package, a fake MusicAPI, every example workflow imported, and
 * the "generate a song" example run once.
 *
 *   npm run demo              # set up, run the song example, print the results, keep running until Ctrl-C
 *   npm run demo -- --once    # same, then stop everything and exit (0 on success): for scripts and CI
 *
 * Everything is set up here: Node 24 + n8n (scripts/n8n-install.tsx, cached after the first run), the fake
 * MusicAPI in this process (test/fake-musicapi), n8n with the packed package (test/e2e/harness), the owner
 * account and a MusicAPI credential pointing at the fake. MUSICAPI_E2E_KEEP=1 keeps n8n's folder (database,
 * audio files) after exit. `startDemo()` is shared with scripts/screenshots.tsx.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { ensureN8n } from './n8n-install';
import { startFakeMusicApi, type FakeMusicApi } from '../test/fake-musicapi';
import { OWNER, REPO_ROOT, startN8n, TERMINAL_STATUSES, type Execution, type N8n, type Workflow, type WorkflowInput } from '../test/e2e/harness';

export const DEMO_API_KEY = 'demo-key';
export const DEMO_WEBHOOK_SECRET = 'demo-webhook-secret';
export const CREDENTIAL_TYPE = 'musicApiApi';
export const CREDENTIAL_NAME = 'MusicAPI (demo: local fake)';
const PACKAGE_PREFIX = 'n8n-nodes-musicapi.';
export const MUSICAPI_NODE_TYPE = 'n8n-nodes-musicapi.musicApi';
export const MUSICAPI_TRIGGER_TYPE = 'n8n-nodes-musicapi.musicApiTrigger';
export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');
export const SONG_EXAMPLE = 'generate-a-song.json';

export interface ImportedWorkflow {
	file: string;
	id: string;
	name: string;
	url: string;
}

export interface Demo {
	n8n: N8n;
	fake: FakeMusicApi;
	credential: { id: string; name: string };
	workflows: ImportedWorkflow[];
	/** The imported examples/generate-a-song.json. */
	song: ImportedWorkflow;
	/** Stops n8n (and deletes its folder unless MUSICAPI_E2E_KEEP=1) and the fake; idempotent. */
	stop(): Promise<void>;
}

export interface DemoOptions {
	/** Progress lines; default: stderr. */
	log?: (line: string) => void;
	/** Multiplies the fake's timeline (60 s per song at 1). */
	timeScale?: number;
}

export interface ClipSummary {
	node: string;
	title: string;
	clipId: string;
	duration: number | undefined;
	state: string;
	files: Array<{ property: string; fileName: string; mimeType: string; fileSize: string; id: string; path: string | undefined }>;
}

export interface SongRun {
	execution: Execution;
	clips: ClipSummary[];
	ms: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const stderrLog = (line: string): void => void process.stderr.write(`[demo] ${line}\n`);

/**
 * A UI export with every node of this package (action, trigger, and the action's AI-tool variant
 * `musicApiTool`) bound to `credential`: example files name a credential but carry no id.
 */
export function bindCredential(workflow: WorkflowInput, credential: { id: string; name: string }): WorkflowInput {
	return {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			node.type.startsWith(PACKAGE_PREFIX) || node.credentials?.[CREDENTIAL_TYPE]
				? { ...node, credentials: { ...node.credentials, [CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } } }
				: node,
		),
	};
}

function exampleFiles(): string[] {
	if (!fs.existsSync(EXAMPLES_DIR)) return [];
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((f) => f.endsWith('.json'))
		.sort();
}

/**
 * Installs n8n if needed, starts the fake MusicAPI and n8n with this package, creates the owner and a MusicAPI
 * credential pointing at the fake, and imports every examples/*.json. Call `stop()` when done.
 */
export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
	const log = options.log ?? stderrLog;
	const files = exampleFiles();
	if (!files.includes(SONG_EXAMPLE)) throw new Error(`${path.join(EXAMPLES_DIR, SONG_EXAMPLE)} is missing`);

	let t = Date.now();
	log('checking n8n 2.40.7 + Node 24 (the first run installs them: a few minutes, 2.8 GB, cached after)…');
	await ensureN8n();
	log(`n8n ready to start (${Date.now() - t} ms)`);

	const fake = await startFakeMusicApi({ apiKeys: [DEMO_API_KEY], timeScale: options.timeScale ?? 0.05, credits: 500, extraCredits: 0 });
	log(`fake MusicAPI on ${fake.baseUrl} (API key "${DEMO_API_KEY}", 500 credits, a song takes ~${Math.round(60 * (options.timeScale ?? 0.05))} s; the examples poll every 15 s)`);

	let n8n: N8n | undefined;
	let stopping: Promise<void> | undefined;
	const stop = (): Promise<void> =>
		(stopping ??= (async () => {
			await n8n?.stop();
			await fake.stop();
		})());
	try {
		t = Date.now();
		log('packing this package and starting n8n…');
		// Filesystem mode: audio lands as files under the user folder instead of base64 in the database.
		n8n = await startN8n({ env: { N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem' } });
		log(`n8n ready on ${n8n.url} (${Date.now() - t} ms: ${JSON.stringify(n8n.timings)})`);

		const created = await n8n.createCredential(CREDENTIAL_TYPE, CREDENTIAL_NAME, {
			apiKey: DEMO_API_KEY,
			baseUrl: fake.baseUrl,
			webhookSecret: DEMO_WEBHOOK_SECRET,
		});
		const credential = { id: created.id, name: created.name };

		const workflows: ImportedWorkflow[] = [];
		for (const file of files) {
			const json = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as WorkflowInput;
			const workflow: Workflow = await n8n.createWorkflow(bindCredential(json, credential));
			workflows.push({ file, id: workflow.id, name: workflow.name, url: `${n8n.url}/workflow/${workflow.id}` });
		}
		log(`imported ${workflows.length} example workflow(s)`);
		const song = workflows.find((w) => w.file === SONG_EXAMPLE) as ImportedWorkflow;
		return { n8n, fake, credential, workflows, song, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

/**
 * Where n8n's filesystem binary mode keeps a file whose id is `filesystem-v2:<relative path>`: under
 * `<user folder>/.n8n/storage` in n8n 2.x (`.n8n/binaryData` before, still used when that folder exists).
 */
export function binaryPath(n8n: N8n, id: string): string | undefined {
	const match = /^filesystem(?:-v2)?:(.+)$/.exec(id);
	if (!match) return undefined;
	const candidates = ['storage', 'binaryData'].map((dir) => path.join(n8n.userFolder, '.n8n', dir, match[1]));
	return candidates.find((file) => fs.existsSync(file)) ?? candidates[0];
}

interface RunItem {
	json: Record<string, unknown>;
	binary?: Record<string, { fileName?: string; mimeType?: string; fileSize?: string; id?: string }>;
}

/**
 * Runs a workflow with a Manual Trigger the way the editor's "Execute workflow" button does
 * (`POST /rest/workflows/:id/run {triggerToStartFrom: {name}}` → `{data: {executionId}}`) and waits for it.
 */
export async function runManually(n8n: N8n, workflowId: string, timeoutMs = 120_000): Promise<Execution> {
	const workflow = await n8n.getWorkflow(workflowId);
	const trigger = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
	if (!trigger) throw new Error(`workflow ${workflowId} has no Manual Trigger`);
	const started = await n8n.rest<{ data: { executionId?: string; waitingForWebhook?: boolean } }>('POST', `/workflows/${workflowId}/run`, {
		triggerToStartFrom: { name: trigger.name },
	});
	const executionId = started.data.executionId;
	if (!executionId) throw new Error(`n8n did not start workflow ${workflowId}: ${JSON.stringify(started.data)}`);
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const execution = await n8n.getExecution(executionId);
		if (TERMINAL_STATUSES.includes(execution.status)) return execution;
		if (Date.now() >= deadline) throw new Error(`execution ${executionId} still ${execution.status} after ${timeoutMs} ms`);
		await sleep(250);
	}
}

/** Every clip item the MusicAPI nodes of an execution put out, with their binary files. */
export function clipSummaries(n8n: N8n, execution: Execution, workflow: Workflow): ClipSummary[] {
	const musicNodes = new Set(workflow.nodes.filter((n) => n.type === MUSICAPI_NODE_TYPE).map((n) => n.name));
	const clips: ClipSummary[] = [];
	for (const [node, runs] of Object.entries(execution.data?.resultData.runData ?? {})) {
		if (!musicNodes.has(node)) continue;
		for (const run of runs) {
			for (const item of (run.data?.main[0] ?? []) as RunItem[]) {
				const json = item.json;
				clips.push({
					node,
					title: String(json.title ?? ''),
					clipId: String(json.clipId ?? ''),
					duration: typeof json.duration === 'number' ? json.duration : undefined,
					state: String(json.state ?? ''),
					files: Object.entries(item.binary ?? {}).map(([property, b]) => ({
						property,
						fileName: b.fileName ?? '',
						mimeType: b.mimeType ?? '',
						fileSize: b.fileSize ?? '',
						id: b.id ?? '',
						path: b.id ? binaryPath(n8n, b.id) : undefined,
					})),
				});
			}
		}
	}
	return clips;
}

/** Runs examples/generate-a-song.json and collects its clips; throws when the execution did not succeed. */
export async function runSong(demo: Demo): Promise<SongRun> {
	const t = Date.now();
	const execution = await runManually(demo.n8n, demo.song.id);
	if (execution.status !== 'success') {
		const error = execution.data?.resultData.error;
		throw new Error(`"${demo.song.name}" ended ${execution.status}: ${error?.message ?? 'no error message'}`);
	}
	const clips = clipSummaries(demo.n8n, execution, await demo.n8n.getWorkflow(demo.song.id));
	if (clips.length === 0) throw new Error(`"${demo.song.name}" succeeded but no MusicAPI node returned items`);
	return { execution, clips, ms: Date.now() - t };
}

function printSummary(demo: Demo, run: SongRun, once: boolean): void {
	const out: string[] = [];
	const { n8n, fake } = demo;
	out.push('', `Ran "${demo.song.name}" (${SONG_EXAMPLE}): execution ${run.execution.id}, ${run.execution.status}, ${(run.ms / 1000).toFixed(1)} s`);
	for (const clip of run.clips) {
		const duration = clip.duration === undefined ? '?' : `${clip.duration.toFixed(1)} s`;
		out.push(`  ♪ ${clip.title || '(untitled)'} — ${duration}, clip ${clip.clipId} [${clip.state}] (node "${clip.node}")`);
		for (const file of clip.files) {
			out.push(`      binary.${file.property}: ${file.fileName} (${file.mimeType}, ${file.fileSize})`);
			if (file.path) out.push(`      on disk: ${file.path}${fs.existsSync(file.path) ? '' : ' (missing!)'}`);
		}
	}
	const balance = fake.credits(DEMO_API_KEY);
	out.push(`  credits left at the fake MusicAPI: ${balance.credits} (+ ${balance.extra_credits} extra)`);
	out.push('', 'Imported example workflows (examples/):');
	const width = Math.max(...demo.workflows.map((w) => w.name.length));
	for (const w of demo.workflows) out.push(`  ${w.name.padEnd(width)}  ${w.url}  (${w.file})`);
	out.push(
		'',
		`n8n editor:  ${n8n.url}`,
		`  log in:    ${OWNER.email} / ${OWNER.password}`,
		`  credential "${demo.credential.name}" → ${fake.baseUrl} (API key ${DEMO_API_KEY})`,
		`  n8n folder: ${n8n.userFolder}${process.env.MUSICAPI_E2E_KEEP === '1' ? ' (kept after exit)' : ' (deleted on exit; MUSICAPI_E2E_KEEP=1 keeps it)'}`,
	);
	out.push(once ? '--once: stopping.' : 'Running. Ctrl-C stops n8n and the fake.', '');
	process.stdout.write(out.join('\n') + '\n');
}

async function main(): Promise<void> {
	const once = process.argv.includes('--once');
	const started = Date.now();
	const demo = await startDemo();
	let exiting = false;
	const shutdown = async (code: number): Promise<never> => {
		if (!exiting) {
			exiting = true;
			stderrLog('stopping n8n and the fake…');
			await demo.stop();
		}
		process.exit(code);
	};
	process.once('SIGINT', () => void shutdown(130));
	process.once('SIGTERM', () => void shutdown(143));
	try {
		const run = await runSong(demo);
		printSummary(demo, run, once);
		stderrLog(`ready ${((Date.now() - started) / 1000).toFixed(1)} s after start`);
	} catch (error) {
		stderrLog(`FAILED: ${(error as Error).message}`);
		return shutdown(1);
	}
	if (once) return shutdown(0);
	// Keep the event loop alive until a signal arrives.
	setInterval(() => undefined, 1 << 30);
}

if (require.main === module) {
	main().catch((error: unknown) => {
		stderrLog(`FAILED: ${(error as Error)?.stack ?? String(error)}`);
		process.exit(1);
	});
}
