/**
 * A required number the user empties in the panel of a real n8n 2.40.7 (the editor in headless Chromium). n8n's own
 * required-field check looks at text, not numbers, so if an empty number could be saved the node alone would stand
 * between it and a paid job. Measured here: n8n's number input does not keep it empty — on leaving the field it
 * shows the field's default again (not the value typed before), and n8n saves that default — so what is saved and
 * sent is what the panel shows. The one way a required number
 * is empty at run time is an expression that resolves to nothing, which the node refuses by name before anything
 * is paid. The field: Sonic → Replace a Section's Section End (Seconds), required, default 30.
 */
import type { Browser, Locator, Page } from 'playwright-core';

import type { FakeMusicApi } from '../fake-musicapi';
import { startN8n, type N8n } from './harness';
import { openEditor } from './harness/browser';
import { createFakeCredential, CREDENTIAL_TYPE, MUSICAPI_NODE_TYPE, startE2eFake } from './helpers/musicapi';

const NODE = 'Replace a Section';

let n8n: N8n;
let fake: FakeMusicApi;
let browser: Browser;
let page: Page;
let credential: { id: string; name: string };

const ndv = (): Locator => page.locator('[data-test-id="ndv"]');
const endField = (): Locator => ndv().locator('[data-test-id="parameter-input-infillEnd"] input').first();

beforeAll(async () => {
	fake = await startE2eFake();
	n8n = await startN8n();
	credential = await createFakeCredential(n8n, fake);
	({ browser, page } = await openEditor(n8n.url));
});

afterAll(async () => {
	await browser?.close();
	await n8n?.stop();
	await fake?.stop();
});

test('an emptied Section End shows its default again on leaving the field; the run sends what the panel shows', async () => {
	const workflow = await n8n.createWorkflow(replaceSectionWorkflow('Emptied number', {}));
	await page.goto(`${n8n.url}/workflow/${workflow.id}`);
	await page.locator('[data-test-id="canvas-node"]', { hasText: NODE }).first().dblclick();
	await endField().waitFor({ state: 'visible' });
	expect(await endField().inputValue()).toBe('30');

	// The user sets 45, then empties the field and leaves it: n8n puts the default back, and saves it as one
	// (a default is not stored: the parameter is absent from the saved node).
	await replaceText(endField(), '45');
	expect(await endField().inputValue()).toBe('45');
	await replaceText(endField(), '');
	expect(await endField().inputValue()).toBe('30');

	await page.click('[data-test-id="ndv-close-button"]');
	await page.keyboard.press('Control+S');
	expect(await savedAfter(workflow.id, workflow.versionId)).toBe('absent');

	const before = fake.requests.length;
	const execution = await n8n.runManually(workflow.id, 'Manual Trigger');
	expect(execution.status).toBe('success');
	const sent = fake.requestsTo('POST', '/sonic/replace-section').map((r) => r.body);
	expect(sent.slice(-1)).toEqual([expect.objectContaining({ clip_id: 'clip-1', infill_end_s: 30 })]);
	expect(fake.requests.length - before).toBe(1);
});

test('a Section End whose expression resolves to nothing fails the run naming the field and the item, before anything is paid', async () => {
	const workflow = await n8n.createWorkflow(replaceSectionWorkflow('Empty expression', { infillEnd: '={{ $json.sectionEnd }}' }));
	const before = fake.requests.length;
	const execution = await n8n.runManually(workflow.id, 'Manual Trigger');
	expect(execution.status).toBe('error');
	expect(execution.data?.resultData.error?.message).toBe('[item 0] Section End (Seconds): is required but empty');
	expect(fake.requests.slice(before)).toEqual([]);
});

/** Manual Trigger → the MusicAPI node on Sonic → Replace a Section (Submit Only), with `parameters` on top. */
function replaceSectionWorkflow(name: string, parameters: Record<string, unknown>) {
	return {
		name,
		nodes: [
			{ id: '0b6f3a52-6d1e-4f0a-9d7c-1a2b3c4d5e60', name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} },
			{
				id: '0b6f3a52-6d1e-4f0a-9d7c-1a2b3c4d5e61',
				name: NODE,
				type: MUSICAPI_NODE_TYPE,
				typeVersion: 1,
				position: [260, 0] as [number, number],
				parameters: { resource: 'sonic', operation: 'replaceSection', clipId: 'clip-1', completion: 'submit', ...parameters },
				credentials: { [CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } },
			},
		],
		connections: { 'Manual Trigger': { main: [[{ node: NODE, type: 'main', index: 0 }]] } },
	};
}

/** As a user edits a field: click it, select all, type (nothing to empty it), leave it with Tab. */
async function replaceText(field: Locator, text: string): Promise<void> {
	await field.click();
	await page.keyboard.press('Control+A');
	await page.keyboard.press('Backspace');
	if (text) await page.keyboard.type(text);
	await page.keyboard.press('Tab');
	// Tab may open the next control's list (Additional Fields): close it, as a user's next click would.
	await page.keyboard.press('Escape');
}

/** Section End as saved once the editor's save landed (the workflow's version changed); 'absent': not stored. */
async function savedAfter(workflowId: string, versionBefore: string | undefined): Promise<unknown> {
	for (let waited = 0; waited < 15_000; waited += 250) {
		const saved = await n8n.getWorkflow(workflowId);
		if (saved.versionId !== versionBefore) {
			const parameters = saved.nodes.find((n) => n.name === NODE)?.parameters ?? {};
			return 'infillEnd' in parameters ? parameters.infillEnd : 'absent';
		}
		await page.waitForTimeout(250);
	}
	throw new Error('the editor did not save the workflow within 15 s');
}
