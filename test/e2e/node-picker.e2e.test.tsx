/**
 * The node picker of a real n8n 2.40.7 (the editor in headless Chromium, the packed package installed): the
 * phrases users type lead to the MusicAPI node, and inside it to the action they mean. What n8n does: its picker
 * matches the typed text against each node's display name and codex aliases (nodes/MusicApi/MusicApi.node.json);
 * picking the node opens the list of its actions (the operations' `action` texts).
 */
import type { Browser, Locator, Page } from 'playwright-core';

import { startN8n, type N8n } from './harness';
import { openEditor } from './harness/browser';
import { MUSICAPI_NODE_TYPE } from './helpers/musicapi';

/** Each phrase, and the action it means (the operation's `action`, as the picker lists it). */
const PHRASES: Array<[phrase: string, action: string]> = [
	['add vocals', 'Add vocals to an instrumental'],
	['replace section', 'Replace a section of a clip'],
	['create a song', 'Create a song'],
	['extend a song', 'Extend a song'],
	['cover a song', 'Cover a song'],
	['background music', 'Create background music or a song'],
	['split stems', 'Split a clip into stems'],
];

/** A phrase no alias or name of the node answers: the picker must not offer MusicAPI for it (the check can fail). */
const UNRELATED = 'quarterly tax report';

let n8n: N8n;
let browser: Browser;
let page: Page;
let workflowUrl: string;

const creator = (): Locator => page.locator('[data-test-id="node-creator"]');
/** The names of what the picker lists (search results, or a node's actions), in order. */
const listedNames = async (): Promise<string[]> => (await creator().locator('[data-test-id="node-creator-item-name"]').allInnerTexts()).map((t) => t.trim());
const musicApiResult = (): Locator => creator().locator('[data-test-id="item-iterator-item"]').filter({ has: page.locator('[data-test-id="node-creator-item-name"]', { hasText: /^MusicAPI$/ }) });

/** Opens the picker from the canvas's "+" (after the trigger: "What happens next?") and types `phrase`. */
async function search(phrase: string): Promise<void> {
	// Each search starts from a freshly loaded editor: no picker state carries over from the previous phrase.
	await page.goto(workflowUrl);
	await page.locator('[data-test-id="node-creator-plus-button"]').waitFor({ state: 'visible' });
	await page.click('[data-test-id="node-creator-plus-button"]');
	const input = creator().locator('input[data-test-id="node-creator-search-bar"]');
	await input.waitFor({ state: 'visible' });
	await page.keyboard.type(phrase, { delay: 20 });
	// A fresh picker starts with an empty search: the box holds exactly the phrase, not a leftover.
	expect(await input.inputValue()).toBe(phrase);
	await settled();
}

/** The list is filtered as one types: wait until two reads 300 ms apart agree. */
async function settled(): Promise<void> {
	let before = JSON.stringify(await listedNames());
	for (let i = 0; i < 20; i++) {
		await page.waitForTimeout(300);
		const now = JSON.stringify(await listedNames());
		if (now === before) return;
		before = now;
	}
}

beforeAll(async () => {
	n8n = await startN8n();
	// A workflow with a trigger: "+" then opens the picker for the next step, where action nodes are offered.
	const workflow = await n8n.createWorkflow({
		name: 'Picker',
		nodes: [{ id: '5f0c7a2e-1b3d-4c5e-8f9a-0b1c2d3e4f50', name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }],
		connections: {},
	});
	({ browser, page } = await openEditor(n8n.url));
	workflowUrl = `${n8n.url}/workflow/${workflow.id}`;
});

afterAll(async () => {
	await browser?.close();
	await n8n?.stop();
});

test('n8n loaded the MusicAPI node from the installed package', async () => {
	const types = (await n8n.nodeTypes()).filter((t) => t.name === MUSICAPI_NODE_TYPE);
	expect(types.map((t) => t.displayName)).toEqual(['MusicAPI']);
});

test(`a phrase the node does not answer ("${UNRELATED}") does not offer it`, async () => {
	await search(UNRELATED);
	expect(await musicApiResult().count()).toBe(0);
});

describe.each(PHRASES)('typing "%s" into the node picker', (phrase, action) => {
	test(`offers the MusicAPI node; picking it lists the action "${action}"`, async () => {
		await search(phrase);
		const found = musicApiResult().first();
		await found.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => undefined);
		expect({ phrase, offered: await found.isVisible(), listed: await listedNames() }).toEqual({ phrase, offered: true, listed: expect.arrayContaining(['MusicAPI']) });

		// n8n 2.40.7 opens "Node details": every action, grouped by resource, not filtered by the search.
		await found.click();
		await creator().locator('[data-test-id="node-creator-category-item"]', { hasText: /^Actions \(\d+\)/ }).waitFor({ state: 'visible' });
		await settled();
		expect({ phrase, listed: await listedNames() }).toEqual({ phrase, listed: expect.arrayContaining([action]) });
	});
});
