/**
 * Proves the harness, not the MusicAPI node: a throw-away community package is packed, installed and loaded
 * by a real n8n, runs behind a webhook with a credential, and shows up in the executions API. When the real
 * package has been built, it is installed beside the stub and must be listed too.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';

import {
	createStubPackage,
	groupAlive,
	makeTempDir,
	nodeOutput,
	REPO_ROOT,
	runWorkflowViaWebhook,
	selectHost,
	startN8n,
	STUB_CREDENTIAL_TYPE,
	STUB_NODE_TYPE,
	type N8n,
	type WorkflowNode,
} from './harness';

const realPackageBuilt = fs.existsSync(path.join(REPO_ROOT, 'dist', 'nodes', 'MusicApi', 'MusicApi.node.js'));

function setNode(name: string, field: string, expression: string): WorkflowNode {
	return {
		name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		parameters: {
			mode: 'manual',
			assignments: { assignments: [{ id: randomUUID(), name: field, value: expression, type: 'string' }] },
			includeOtherFields: false,
			options: {},
		},
	};
}

describe(`e2e harness (real n8n ${selectHost()})`, () => {
	let n8n: N8n;
	let scratch: string;
	const started = Date.now();

	beforeAll(async () => {
		scratch = makeTempDir('smoke');
		const stub = createStubPackage(scratch);
		n8n = await startN8n({ packageDir: realPackageBuilt ? [stub, REPO_ROOT] : [stub] });
		process.stderr.write(`[e2e smoke] timings ms ${JSON.stringify(n8n.timings)}\n`);
	});

	afterAll(async () => {
		await n8n?.stop();
		fs.rmSync(scratch, { recursive: true, force: true });
		process.stderr.write(`[e2e smoke] whole file ${Date.now() - started} ms\n`);
	});

	test('n8n loads the packed stub package as a community package', async () => {
		const nodeNames = (await n8n.nodeTypes()).map((t) => t.name);
		expect(nodeNames).toContain(STUB_NODE_TYPE);
		expect(nodeNames).toContain('n8n-nodes-base.webhook');
		expect((await n8n.credentialTypes()).map((t) => t.name)).toContain(STUB_CREDENTIAL_TYPE);

		// The editor's description look-up (POST /rest/node-types) knows it too; it answers with the short name.
		const found = await n8n.rest<{ data: Array<{ name: string; displayName: string }> }>('POST', '/node-types', { nodeInfos: [{ name: STUB_NODE_TYPE, version: 1 }] });
		expect(found.data.map((t) => t.displayName)).toEqual(['E2E Stub']);

		// Installed the way n8n's installer leaves a package: no dev/peer dependencies, listed in nodes/package.json.
		const installed = JSON.parse(fs.readFileSync(path.join(n8n.packages[0].dir, 'package.json'), 'utf8')) as Record<string, unknown>;
		expect(installed.devDependencies).toBeUndefined();
		expect(installed.peerDependencies).toBeUndefined();
		const list = JSON.parse(fs.readFileSync(path.join(n8n.userFolder, '.n8n', 'nodes', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
		expect(list.dependencies['n8n-nodes-e2e-stub']).toBe('0.0.1');
	});

	(realPackageBuilt ? test : test.skip)('n8n loads the built n8n-nodes-musicapi package', async () => {
		const nodeNames = (await n8n.nodeTypes()).map((t) => t.name);
		expect(nodeNames).toContain('n8n-nodes-musicapi.musicApi');
		expect((await n8n.credentialTypes()).map((t) => t.name)).toContain('musicApiApi');
	});

	test('runWorkflowViaWebhook: Webhook → Set → stub node with a credential returns the last node output', async () => {
		const credential = await n8n.createCredential(STUB_CREDENTIAL_TYPE, 'stub credential', { apiKey: 'k-123' });
		const stubNode: WorkflowNode = {
			name: 'Stub',
			type: STUB_NODE_TYPE,
			typeVersion: 1,
			parameters: { greeting: 'hi' },
			credentials: { [STUB_CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } },
		};
		const run = await runWorkflowViaWebhook(n8n, [setNode('Set', 'fromSet', '={{ $json.body.hello }}'), stubNode], { Set: { main: [[{ node: 'Stub', type: 'main', index: 0 }]] } }, { input: { hello: 'world' } });

		expect(run.status).toBe(200);
		expect(run.items).toEqual([{ fromSet: 'world', stub: 'hi', hasApiKey: true }]);
		expect(run.execution.status).toBe('success');
		expect(nodeOutput(run.execution, 'Stub')).toEqual(run.items);
		// The wrapper cleans up after itself.
		await expect(n8n.getWorkflow(run.workflow.id)).rejects.toThrow(/404/);
	});

	test('nodes inside n8n reach a local server on 127.0.0.1 (as they will reach the fake MusicAPI)', async () => {
		const seen: string[] = [];
		const server = http.createServer((req, res) => {
			seen.push(`${req.method} ${req.url}`);
			res.setHeader('content-type', 'application/json');
			res.end(JSON.stringify({ pong: true }));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const { port } = server.address() as { port: number };
			const httpNode: WorkflowNode = {
				name: 'HTTP',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				parameters: { method: 'GET', url: `http://127.0.0.1:${port}/ping`, options: {} },
			};
			const run = await runWorkflowViaWebhook(n8n, [httpNode], {});
			expect(run.status).toBe(200);
			expect(run.items).toEqual([{ pong: true }]);
			expect(seen).toEqual(['GET /ping']);
		} finally {
			await new Promise((resolve) => server.close(resolve));
		}
	});

	test('a failing node answers HTTP 500 and leaves an error execution', async () => {
		const stop: WorkflowNode = { name: 'Fail', type: 'n8n-nodes-base.stopAndError', typeVersion: 1, parameters: { errorMessage: 'boom from e2e' } };
		const run = await runWorkflowViaWebhook(n8n, [stop], {});
		expect(run.status).toBe(500);
		expect(run.execution.status).toBe('error');
		expect(run.execution.data?.resultData.error?.message).toContain('boom from e2e');
	});

	test('a published workflow runs once per webhook call and the executions API returns each run', async () => {
		const webhookPath = `smoke-${randomUUID()}`;
		const workflow = await n8n.createWorkflow({
			name: 'smoke: webhook → set',
			nodes: [
				{
					name: 'Webhook',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					webhookId: randomUUID(),
					parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'onReceived', options: {} },
				},
				setNode('Set', 'n', '={{ $json.body.n }}'),
			],
			connections: { Webhook: { main: [[{ node: 'Set', type: 'main', index: 0 }]] } },
		});
		await n8n.activate(workflow.id);
		expect((await n8n.getWorkflow(workflow.id)).active).toBe(true);

		const first = await n8n.callWebhook('POST', webhookPath, { n: 'one' }, { retryUntilRegistered: true });
		expect(first.status).toBe(200);
		expect((await n8n.callWebhook('POST', webhookPath, { n: 'two' })).status).toBe(200);

		const executions = await n8n.waitForExecutions(workflow.id, 2, 30_000);
		expect(executions.map((e) => e.status)).toEqual(['success', 'success']);
		expect(executions.map((e) => nodeOutput(e, 'Set')[0].n)).toEqual(['one', 'two']);
		expect(executions.every((e) => e.mode === 'webhook')).toBe(true);

		await n8n.deactivate(workflow.id);
		expect((await n8n.callWebhook('POST', webhookPath, { n: 'three' })).status).toBe(404);
	});

	test('stop() ends the whole process group and deletes the user folder; a second stop() is harmless', async () => {
		const { pid } = n8n;
		expect(groupAlive(pid)).toBe(true);
		await n8n.stop();
		expect(groupAlive(pid)).toBe(false);
		if (process.env.MUSICAPI_E2E_KEEP !== '1') expect(fs.existsSync(n8n.userFolder)).toBe(false);
		await n8n.stop();
	});
});
