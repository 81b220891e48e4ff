/**
 * Editor screenshots for the README: `npm run screenshots` → docs/screenshots/*.png (1440×900).
 *
 * Starts the same set-up as `npm run demo` (scripts/demo.tsx: real n8n 2.40.7 + this package + fake MusicAPI +
 * the examples), then drives the editor in headless Chromium (Debian's /usr/bin/chromium, installed when missing, or CHROMIUM_PATH)
 * with playwright-core: logs in as the owner, opens the "generate a song" example, runs it from the node's
 * panel, opens Extend a Song of the extend-and-join example (its clip field's default), the MusicAPI Trigger and the node picker (searched by name and by everyday intents). Every
 * shot is checked before it is saved (the page is the editor, not the sign-in form; the element it is about is
 * visible; no first-run modal covers it).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

import { bindCredential, MUSICAPI_NODE_TYPE, MUSICAPI_TRIGGER_TYPE, startDemo, type Demo } from './demo';
import { REPO_ROOT } from '../test/e2e/harness';
import { CHROMIUM_ARGS, ensureChromium, signIn, VIEWPORT } from '../test/e2e/harness/browser';

const OUT_DIR = path.join(REPO_ROOT, 'docs', 'screenshots');
const MAX_BYTES = 400 * 1024;

// Searches that found nothing before the codex aliases (issue 11); each must show the MusicAPI node.
const PICKER_SEARCHES = ['extend', 'wav', 'background music'];

const log = (line: string): void => void process.stderr.write(`[screenshots] ${line}\n`);

const musicNode = (page: Page, type = MUSICAPI_NODE_TYPE): Locator => page.locator(`[data-test-id="canvas-node"][data-node-type="${type}"]`).first();
const ndv = (page: Page): Locator => page.locator('[data-test-id="ndv"]');
const outputPanel = (page: Page): Locator => page.locator('[data-test-id="output-panel"]');

/** Closes whatever first-run dialog n8n shows (surveys, what's new, tours…); the node panel is left alone. */
async function dismissModals(page: Page): Promise<void> {
	for (let round = 0; round < 5; round++) {
		const dialogs = page.locator('.el-overlay:visible, [role="dialog"]:visible').filter({ hasNot: page.locator('[data-test-id="ndv"]') });
		if ((await dialogs.count()) === 0) return;
		const close = dialogs.locator('[aria-label="Close this dialog"], [aria-label="Close"], .el-dialog__headerbtn, .el-drawer__close-btn').first();
		if (await close.isVisible().catch(() => false)) await close.click().catch(() => undefined);
		else await page.keyboard.press('Escape');
		await page.waitForTimeout(300);
	}
}

/** Waits for the canvas to finish drawing (nodes, their icons) and for first-run dialogs to be gone. */
async function settle(page: Page): Promise<void> {
	await page.waitForLoadState('networkidle');
	await dismissModals(page);
	// The canvas fades nodes in; icons load after the node types.
	await page.waitForTimeout(1200);
}

/** Closes n8n's toasts ("Node executed successfully"…): they sit on top of the output panel. */
async function closeToasts(page: Page): Promise<void> {
	const buttons = page.locator('.el-notification .el-notification__closeBtn:visible');
	while ((await buttons.count()) > 0) {
		await buttons.first().click().catch(() => undefined);
		await page.waitForTimeout(300);
	}
}

/** Drags the node panel's parameter column sideways (n8n remembers the position for the next panels). */
async function dragParameterPanel(page: Page, dx: number): Promise<void> {
	const grip = ndv(page).locator('button[class*="dragButton"]').first();
	const box = await grip.boundingBox();
	if (!box) throw new Error('the node panel has no drag handle');
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2, { steps: 12 });
	await page.mouse.up();
	await page.waitForTimeout(500);
}

async function shoot(page: Page, name: string, mustShow: Locator[]): Promise<string> {
	await closeToasts(page);
	if (new URL(page.url()).pathname.startsWith('/signin')) throw new Error(`${name}: the page is the sign-in form`);
	for (const locator of mustShow) {
		if (!(await locator.first().isVisible())) throw new Error(`${name}: ${locator.toString()} is not visible`);
	}
	const file = path.join(OUT_DIR, `${name}.png`);
	await page.screenshot({ path: file, type: 'png' });
	const bytes = fs.statSync(file).size;
	if (bytes > MAX_BYTES) throw new Error(`${name}.png is ${Math.round(bytes / 1024)} KB (limit ${MAX_BYTES / 1024} KB)`);
	log(`${path.relative(REPO_ROOT, file)} (${Math.round(bytes / 1024)} KB)`);
	return file;
}

async function logIn(page: Page, baseUrl: string): Promise<void> {
	await signIn(page, baseUrl);
	await settle(page);
}

async function openWorkflow(page: Page, baseUrl: string, id: string): Promise<void> {
	await page.goto(`${baseUrl}/workflow/${id}`);
	await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 30_000 });
	await settle(page);
}

async function openNode(page: Page, node: Locator): Promise<void> {
	await node.dblclick();
	await ndv(page).waitFor({ state: 'visible' });
	await page.waitForLoadState('networkidle');
	await page.waitForTimeout(800);
}

async function closeNode(page: Page): Promise<void> {
	await page.click('[data-test-id="ndv-close-button"]');
	await ndv(page).waitFor({ state: 'hidden' });
}

/** A workflow holding the MusicAPI Trigger: an imported example when there is one, else a one-node workflow. */
async function triggerWorkflowId(demo: Demo): Promise<string> {
	for (const w of demo.workflows) {
		const workflow = await demo.n8n.getWorkflow(w.id);
		if (workflow.nodes.some((n) => n.type === MUSICAPI_TRIGGER_TYPE)) return w.id;
	}
	log('no example holds a MusicAPI Trigger: using a one-node workflow');
	const created = await demo.n8n.createWorkflow(
		bindCredential(
			{
				name: 'MusicAPI Trigger',
				nodes: [{ name: 'MusicAPI Trigger', type: MUSICAPI_TRIGGER_TYPE, typeVersion: 1, webhookId: 'b7c1e0a4-5d6f-4c1e-9a37-2f8e6d4b1c90', position: [0, 0], parameters: {} }],
				connections: {},
			},
			demo.credential,
		),
	);
	return created.id;
}

async function takeAll(page: Page, demo: Demo): Promise<string[]> {
	const base = demo.n8n.url;
	const files: string[] = [];
	await logIn(page, base);

	// (a) The "generate a song" example on the canvas.
	await openWorkflow(page, base, demo.song.id);
	files.push(await shoot(page, 'workflow-canvas', [musicNode(page), page.locator('[data-test-id="canvas-trigger-node"]')]));

	// (b) The MusicAPI node's parameters: Resource Sonic, Operation Create a Song, Model, Mode, Completion.
	await openNode(page, musicNode(page));
	const params = ndv(page).locator('[data-test-id="node-parameters"]');
	const mustShowParams = ['resource', 'operation', 'sonicModel', 'songMode', 'completion'].map((p) => params.locator(`[data-test-id="parameter-input-${p}"]`));
	files.push(await shoot(page, 'node-parameters', mustShowParams));

	// (c) Run it from the panel ("Execute step"): the clips as items, then their audio files.
	await ndv(page).locator('[data-test-id="node-execute-button"]').click();
	await outputPanel(page).getByText(/^\s*\d+ items?\s*$/).first().waitFor({ state: 'visible', timeout: 90_000 });
	await page.waitForTimeout(500);
	// Give the output the room of the input panel: drag the parameter column to the left edge.
	await dragParameterPanel(page, -420);
	await outputPanel(page).locator('[data-test-id="radio-button-table"]').click();
	await page.waitForTimeout(500);
	files.push(await shoot(page, 'output-items', [outputPanel(page).locator('table'), outputPanel(page).getByText('clipId', { exact: true })]));
	await outputPanel(page).getByText('Binary', { exact: true }).click();
	await page.waitForTimeout(500);
	files.push(await shoot(page, 'output-binary', [outputPanel(page).getByText('audio/mpeg').first()]));
	await dragParameterPanel(page, 420);
	await closeNode(page);

	// (d) The MusicAPI Trigger's panel.
	await openWorkflow(page, base, await triggerWorkflowId(demo));
	await openNode(page, musicNode(page, MUSICAPI_TRIGGER_TYPE));
	// Unfold the webhook URLs: the Production URL is what MusicAPI jobs must be given.
	await ndv(page).getByText('Webhook URLs', { exact: true }).click();
	await ndv(page).getByText('Production URL', { exact: true }).click();
	await page.waitForTimeout(500);
	files.push(await shoot(page, 'trigger-node', [ndv(page).getByText('/webhook/'), ndv(page).locator('[data-test-id="parameter-input-events"]')]));
	await closeNode(page);

	// (d2) A step on an existing clip: Extend a Song's Source Clip ID reads the incoming item's clipId by default.
	const extendExample = demo.workflows.find((w) => w.file === 'extend-and-join.json');
	if (!extendExample) throw new Error('examples/extend-and-join.json was not imported');
	await openWorkflow(page, base, extendExample.id);
	await openNode(page, page.locator('[data-test-id="canvas-node"]', { hasText: 'Extend a Song' }).first());
	const extendParams = ndv(page).locator('[data-test-id="node-parameters"]');
	files.push(await shoot(page, 'node-clip-field', [extendParams.locator('[data-test-id="parameter-input-continueClipId"]'), extendParams.getByText('$json.clipId').first()]));
	await closeNode(page);

	// (e) The node picker: search "MusicAPI", then the node's actions.
	await openWorkflow(page, base, demo.song.id);
	await page.click('[data-test-id="node-creator-plus-button"]');
	const creator = page.locator('[data-test-id="node-creator"]');
	await creator.waitFor({ state: 'visible' });
	await page.keyboard.type('MusicAPI', { delay: 30 });
	await page.waitForTimeout(800);
	const result = creator.getByText('MusicAPI', { exact: true }).first();
	files.push(await shoot(page, 'node-picker-search', [result]));
	await result.click();
	await page.waitForTimeout(800);
	files.push(await shoot(page, 'node-picker-actions', [creator.getByText('Create a song', { exact: true })]));

	// (f) Everyday intents the picker must lead to the node by (codex aliases): one shot per search.
	for (const word of PICKER_SEARCHES) {
		await page.keyboard.press('Escape');
		await page.click('[data-test-id="node-creator-plus-button"]');
		await creator.waitFor({ state: 'visible' });
		await page.keyboard.type(word, { delay: 30 });
		await page.waitForTimeout(800);
		files.push(await shoot(page, `node-picker-${word.replace(/\s+/g, '-')}`, [creator.getByText('MusicAPI', { exact: true }).first()]));
	}
	return files;
}

async function main(): Promise<void> {
	const executablePath = await ensureChromium(log);
	fs.mkdirSync(OUT_DIR, { recursive: true });
	const demo = await startDemo({ log });
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'musicapi-screenshots-'));
	let context: BrowserContext | undefined;
	try {
		context = await chromium.launchPersistentContext(profile, {
			executablePath,
			headless: true,
			args: CHROMIUM_ARGS,
			viewport: VIEWPORT,
			deviceScaleFactor: 1,
		});
		context.setDefaultTimeout(30_000);
		const page = context.pages()[0] ?? (await context.newPage());
		const files = await takeAll(page, demo);
		process.stdout.write(`${files.map((f) => path.relative(REPO_ROOT, f)).join('\n')}\n`);
	} finally {
		await context?.close().catch(() => undefined);
		fs.rmSync(profile, { recursive: true, force: true });
		await demo.stop();
	}
}

main().catch((error: unknown) => {
	log(`FAILED: ${(error as Error)?.stack ?? String(error)}`);
	process.exit(1);
});
