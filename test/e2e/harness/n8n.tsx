/**
 * A real n8n for one test file: `const n8n = await startN8n()` … `await n8n.stop()`.
 * Everything goes over HTTP: the public API (X-N8N-API-KEY) where it suffices, the internal REST API (owner's
 * login cookie) for the rest, and production webhooks to run workflows.
 */
import * as fs from 'node:fs';

import { ensureN8n } from '../../../scripts/n8n-install';
import { expectOk, request, type HttpResponse } from './http';
import { installPackage, type InstalledPackage } from './package-install';
import { REPO_ROOT } from './paths';
import { makeTempDir } from './processes';
import { N8nServer } from './server';
import { TERMINAL_STATUSES, toCreateBody, type Execution, type ExecutionStatus, type Workflow, type WorkflowInput } from './workflows';

export interface StartOptions {
	/** Package folder(s) to install as community packages. Default: the repo root. `[]`: none. */
	packageDir?: string | string[];
	/** Extra or overriding n8n environment variables. */
	env?: Record<string, string>;
	readyTimeoutMs?: number;
}

export interface WebhookCallOptions {
	headers?: Record<string, string>;
	/** Retry 404 (webhook not registered yet, right after activation) until this many ms have passed. */
	retryUntilRegistered?: boolean | number;
	timeoutMs?: number;
}

export interface PublicationStatus {
	status: 'in_progress' | 'not_published' | 'published' | 'partial' | 'failed';
	liveVersionId: string | null;
	pendingVersionId: string | null;
	triggers: Array<{ nodeId: string; status: string; errorMessage: string | null }>;
}

export const OWNER = { email: 'owner@e2e.test', firstName: 'E2E', lastName: 'Owner', password: 'E2e-password-1' };
// n8n ties the login cookie to a browser id when one is sent; sending a fixed one keeps every call consistent.
const BROWSER_ID = 'musicapi-e2e';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class N8n {
	apiKey = '';
	private cookie = '';
	private workflowCounter = 0;

	constructor(
		private readonly server: N8nServer,
		readonly userFolder: string,
		readonly packages: InstalledPackage[],
		readonly timings: { installMs: number; packagesMs: number; bootMs: number; setupMs: number },
		/** n8n's version, e.g. "2.40.7" (the host MUSICAPI_N8N picked, see scripts/n8n-install.tsx). */
		readonly version: string,
	) {}

	/** n8n's major version: 1.x activates workflows synchronously, 2.x publishes them through an outbox. */
	get major(): number {
		return Number(this.version.split('.')[0]);
	}

	get url(): string {
		return this.server.url;
	}

	/** n8n's pid, which is also its process group id. */
	get pid(): number {
		return this.server.pid;
	}

	/** Production webhook URL of a path (a trigger node's is `<webhookId>/<path>` unless isFullPath). */
	webhookUrl(webhookPath: string): string {
		return `${this.url}/webhook/${webhookPath.replace(/^\/+/, '')}`;
	}

	logs(): string {
		return this.server.logs();
	}

	/** Public API: `path` relative to /api/v1. Throws HttpError on a non-2xx answer; returns the JSON body. */
	async api<T = unknown>(method: string, apiPath: string, body?: unknown): Promise<T> {
		const url = `${this.url}/api/v1${apiPath.replace(/^\/api\/v1/, '')}`;
		const response = await request<T>(method, url, { body, headers: { 'x-n8n-api-key': this.apiKey } });
		return expectOk(method, url, response).body;
	}

	/** Internal REST API as the logged-in owner: `path` relative to /rest. Returns the JSON body ({ data } mostly). */
	async rest<T = unknown>(method: string, restPath: string, body?: unknown): Promise<T> {
		const url = `${this.url}/rest${restPath.replace(/^\/rest/, '')}`;
		const response = await request<T>(method, url, { body, headers: { cookie: this.cookie, 'browser-id': BROWSER_ID } });
		return expectOk(method, url, response).body;
	}

	/** Any path of the server with the owner's cookie (e.g. /types/nodes.json); never throws on a status. */
	async raw<T = unknown>(method: string, urlPath: string, body?: unknown): Promise<HttpResponse<T>> {
		return request<T>(method, `${this.url}${urlPath}`, { body, headers: { cookie: this.cookie, 'browser-id': BROWSER_ID } });
	}

	/** Every node type n8n loaded (the editor's /types/nodes.json): `name` is e.g. `n8n-nodes-musicapi.musicApi`. */
	async nodeTypes(): Promise<Array<{ name: string; version: number | number[]; displayName: string; [key: string]: unknown }>> {
		return expectOk('GET', '/types/nodes.json', await this.raw('GET', '/types/nodes.json')).body as never;
	}

	async credentialTypes(): Promise<Array<{ name: string; displayName: string; [key: string]: unknown }>> {
		return expectOk('GET', '/types/credentials.json', await this.raw('GET', '/types/credentials.json')).body as never;
	}

	async createCredential(type: string, name: string, data: Record<string, unknown>): Promise<{ id: string; name: string; type: string }> {
		if (this.major < 2 && !('allowedHttpRequestDomains' in data)) {
			// n8n 1.x adds "Allowed HTTP Request Domains" to credentials that authenticate requests, and its public
			// API's schema then demands `allowedDomains` unless the choice is given: give the editor's default.
			const schema = await this.api<{ properties?: Record<string, unknown> }>('GET', `/credentials/schema/${type}`);
			if (schema.properties && 'allowedHttpRequestDomains' in schema.properties) data = { ...data, allowedHttpRequestDomains: 'all' };
		}
		return this.api('POST', '/credentials', { name, type, data });
	}

	/** Creates (inactive) from a hand-written workflow or a UI export; read-only fields are dropped. */
	async createWorkflow(workflow: WorkflowInput): Promise<Workflow> {
		return this.api<Workflow>('POST', '/workflows', toCreateBody(workflow, `e2e workflow ${++this.workflowCounter}`));
	}

	async getWorkflow(id: string): Promise<Workflow> {
		return this.api<Workflow>('GET', `/workflows/${id}`);
	}

	/**
	 * Publishes (n8n 2.x's word for activating) and waits until n8n has applied it: publication runs
	 * asynchronously through an outbox. Throws when a trigger failed to activate (with n8n's reason).
	 * On n8n 1.x: `POST /workflows/{id}/activate`, which answers once the triggers are registered (or with
	 * the trigger's error).
	 */
	async activate(id: string): Promise<Workflow> {
		if (this.major < 2) return this.api<Workflow>('POST', `/workflows/${id}/activate`);
		const workflow = await this.api<Workflow>('POST', `/workflows/${id}/publish`, {});
		const status = await this.waitForPublication(id, (s) => s !== 'in_progress' && s !== 'not_published');
		if (status.status !== 'published') {
			throw new Error(`workflow ${id} publication ${status.status}: ${JSON.stringify(status.triggers)}
${this.logs().slice(-3000)}`);
		}
		return workflow;
	}

	/** Unpublishes and waits until its triggers and webhooks are gone (until then a delete answers 409). */
	async deactivate(id: string): Promise<Workflow> {
		if (this.major < 2) return this.api<Workflow>('POST', `/workflows/${id}/deactivate`);
		const workflow = await this.api<Workflow>('POST', `/workflows/${id}/unpublish`);
		await this.waitForPublication(id, (s) => s === 'not_published');
		return workflow;
	}

	/** n8n's own publication state (`GET /rest/workflows/:id/publication-status`); on 1.x derived from `active`. */
	async publicationStatus(id: string): Promise<PublicationStatus> {
		if (this.major < 2) {
			const workflow = await this.getWorkflow(id);
			return { status: workflow.active ? 'published' : 'not_published', liveVersionId: null, pendingVersionId: null, triggers: [] };
		}
		return (await this.rest<{ data: PublicationStatus }>('GET', `/workflows/${id}/publication-status`)).data;
	}

	private async waitForPublication(id: string, done: (status: PublicationStatus['status']) => boolean, timeoutMs = 30_000): Promise<PublicationStatus> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const status = await this.publicationStatus(id);
			if (done(status.status)) return status;
			if (Date.now() >= deadline) throw new Error(`workflow ${id}: publication still ${status.status} after ${timeoutMs} ms`);
			await sleep(100);
		}
	}

	async deleteWorkflow(id: string): Promise<void> {
		await this.api('DELETE', `/workflows/${id}`);
	}

	/** Calls a production webhook; returns status, headers and body whatever the status (a node error is a 500). */
	async callWebhook<T = unknown>(method: string, webhookPath: string, body?: unknown, options: WebhookCallOptions = {}): Promise<HttpResponse<T>> {
		const url = this.webhookUrl(webhookPath);
		const retryMs = options.retryUntilRegistered === true ? 3000 : options.retryUntilRegistered || 0;
		const deadline = Date.now() + retryMs;
		for (;;) {
			const response = await request<T>(method, url, { body, headers: options.headers, timeoutMs: options.timeoutMs ?? 120_000 });
			if (response.status !== 404 || Date.now() >= deadline) return response;
			await sleep(100);
		}
	}

	/** One execution with its data. */
	async getExecution(id: string): Promise<Execution> {
		return this.api<Execution>('GET', `/executions/${id}?includeData=true`);
	}

	/**
	 * Waits until the workflow has `count` executions in one of `statuses` (default: finished, whatever the
	 * outcome) and returns them oldest first, with data.
	 */
	async waitForExecutions(workflowId: string, count: number, timeoutMs = 60_000, statuses: ExecutionStatus[] = TERMINAL_STATUSES): Promise<Execution[]> {
		const deadline = Date.now() + timeoutMs;
		let last: Execution[] = [];
		for (;;) {
			const page = await this.api<{ data: Execution[] }>('GET', `/executions?workflowId=${workflowId}&includeData=true&limit=250`);
			last = page.data.filter((e) => statuses.includes(e.status)).sort((a, b) => Number(a.id) - Number(b.id));
			if (last.length >= count) return last;
			if (Date.now() >= deadline) {
				const seen = page.data.map((e) => `${e.id}:${e.status}`).join(', ') || 'none';
				throw new Error(`workflow ${workflowId}: ${last.length}/${count} executions in [${statuses.join(', ')}] after ${timeoutMs} ms (seen: ${seen})`);
			}
			await sleep(250);
		}
	}

	/**
	 * What the editor's "Execute workflow" does: a manual run of the saved workflow from `trigger`; resolves with that
	 * execution once it has finished (its first, in a workflow run once).
	 */
	async runManually(workflowId: string, trigger: string, timeoutMs = 30_000): Promise<Execution> {
		const answer = await this.rest<{ data: { executionId?: string } }>('POST', `/workflows/${workflowId}/run`, { triggerToStartFrom: { name: trigger } });
		if (typeof answer.data.executionId !== 'string') throw new Error(`workflow ${workflowId}: the manual run started no execution (${JSON.stringify(answer.data)})`);
		const [execution] = await this.waitForExecutions(workflowId, 1, timeoutMs);
		if (execution.id !== answer.data.executionId) throw new Error(`workflow ${workflowId}: expected execution ${answer.data.executionId}, found ${execution.id}`);
		return execution;
	}

	/** Stops n8n (whole process group) and deletes its folder; idempotent, safe in afterAll after a failed start. */
	async stop(): Promise<void> {
		await this.server.stop();
		if (process.env.MUSICAPI_E2E_KEEP !== '1') fs.rmSync(this.userFolder, { recursive: true, force: true });
	}

	/** Owner account, login cookie, API key with every scope: what a human does once in the UI. */
	async setUp(): Promise<void> {
		await this.rest('POST', '/owner/setup', OWNER);
		const login = await request(`POST`, `${this.url}/rest/login`, {
			body: { emailOrLdapLoginId: OWNER.email, password: OWNER.password },
			headers: { 'browser-id': BROWSER_ID },
		});
		expectOk('POST', '/rest/login', login);
		this.cookie = login.headers
			.getSetCookie()
			.map((c) => c.split(';')[0])
			.join('; ');
		const scopes = await this.rest<{ data: string[] }>('GET', '/api-keys/scopes');
		const key = await this.rest<{ data: { rawApiKey: string } }>('POST', '/api-keys', { label: 'e2e', scopes: scopes.data, expiresAt: null });
		this.apiKey = key.data.rawApiKey;
	}
}

/**
 * Installs n8n if needed (warm: instant), packs and installs the package(s) into a fresh user folder, starts
 * n8n on free ports and prepares owner, cookie and API key. Always pair with `await n8n.stop()` in afterAll.
 */
export async function startN8n(options: StartOptions = {}): Promise<N8n> {
	let t = Date.now();
	const install = await ensureN8n();
	const installMs = Date.now() - t;
	const userFolder = makeTempDir('n8n');
	let server: N8nServer | undefined;
	try {
		t = Date.now();
		const dirs = options.packageDir === undefined ? [REPO_ROOT] : ([] as string[]).concat(options.packageDir);
		const packages: InstalledPackage[] = [];
		for (const dir of dirs) packages.push(await installPackage(dir, userFolder));
		const packagesMs = Date.now() - t;

		t = Date.now();
		server = await N8nServer.start({ install, userFolder, env: options.env, readyTimeoutMs: options.readyTimeoutMs });
		const bootMs = Date.now() - t;

		t = Date.now();
		const timings = { installMs, packagesMs, bootMs, setupMs: 0 };
		const n8n = new N8n(server, userFolder, packages, timings, install.version);
		await n8n.setUp();
		timings.setupMs = Date.now() - t;
		return n8n;
	} catch (error) {
		await server?.stop();
		if (process.env.MUSICAPI_E2E_KEEP !== '1') fs.rmSync(userFolder, { recursive: true, force: true });
		throw error;
	}
}
