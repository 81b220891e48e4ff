/** Workflow and execution shapes as n8n 2.40.7's public API sends and accepts them (only what tests use). */

export interface WorkflowNode {
	id?: string;
	name: string;
	type: string;
	typeVersion: number;
	/** Filled in by createWorkflow when missing: n8n requires one, tests rarely care. */
	position?: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
	disabled?: boolean;
	[key: string]: unknown;
}

export type Connections = Record<string, Record<string, Array<Array<{ node: string; type: string; index: number }>>>>;

export interface WorkflowInput {
	name?: string;
	nodes: WorkflowNode[];
	connections: Connections;
	settings?: Record<string, unknown>;
	staticData?: unknown;
	pinData?: Record<string, unknown>;
	/** Anything else a UI export carries (id, active, meta, tags, versionId…) is dropped before sending. */
	[key: string]: unknown;
}

export interface Workflow {
	id: string;
	name: string;
	active: boolean;
	nodes: WorkflowNode[];
	connections: Connections;
	settings: Record<string, unknown>;
	versionId?: string;
	[key: string]: unknown;
}

export type ExecutionStatus = 'canceled' | 'crashed' | 'error' | 'new' | 'running' | 'success' | 'unknown' | 'waiting';

export interface Execution {
	id: string;
	workflowId: string;
	mode: string;
	status: ExecutionStatus;
	finished: boolean;
	startedAt: string;
	stoppedAt: string | null;
	/** With includeData: `data.resultData.runData[nodeName][run].data.main[output][item].json`, and `error`. */
	data?: {
		resultData: {
			runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> }; error?: unknown }>>;
			error?: { message: string; [key: string]: unknown };
			lastNodeExecuted?: string;
		};
		[key: string]: unknown;
	};
	[key: string]: unknown;
}

export const TERMINAL_STATUSES: ExecutionStatus[] = ['success', 'error', 'crashed', 'canceled'];

// The public API's workflow and settings schemas say additionalProperties: false, and reject read-only fields.
const WRITABLE_WORKFLOW_KEYS = ['name', 'description', 'nodes', 'connections', 'settings', 'staticData', 'pinData', 'nodeGroups'];
const WRITABLE_SETTINGS_KEYS = [
	'saveExecutionProgress',
	'saveManualExecutions',
	'saveDataErrorExecution',
	'saveDataSuccessExecution',
	'executionTimeout',
	'errorWorkflow',
	'timezone',
	'executionOrder',
	'binaryMode',
	'callerPolicy',
	'callerIds',
	'timeSavedMode',
	'timeSavedPerExecution',
];

function pick(source: Record<string, unknown>, keys: string[]): Record<string, unknown> {
	return Object.fromEntries(keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]));
}

/** Turns a UI export (as in examples/) or a hand-written workflow into a body POST /api/v1/workflows accepts. */
export function toCreateBody(workflow: WorkflowInput, fallbackName: string): Record<string, unknown> {
	const body = pick(workflow, WRITABLE_WORKFLOW_KEYS);
	body.name = workflow.name ?? fallbackName;
	body.nodes = workflow.nodes.map((node, i) => ({ ...node, position: node.position ?? [220 * i, 0] }));
	body.settings = { executionOrder: 'v1', ...pick(workflow.settings ?? {}, WRITABLE_SETTINGS_KEYS) };
	return body;
}

/** Output items of one node in an execution fetched with includeData (first run, first output). */
export function nodeOutput(execution: Execution, nodeName: string, output = 0): Array<Record<string, unknown>> {
	const runs = execution.data?.resultData.runData[nodeName];
	if (!runs?.length) throw new Error(`execution ${execution.id} has no run of node "${nodeName}"`);
	return (runs[0].data?.main[output] ?? []).map((item) => item.json);
}
