import type {
	ExecutionBaseError,
	IConnections,
	INode,
	INodeExecutionData,
	IRun,
	IWorkflowSettings,
} from 'n8n-workflow';

import type { LogEntry } from './capture-logger';
import type { CredentialTypeInput } from './credential-types';
import type { CredentialsByType } from './credentials-helper';
import type { NodeTypeInput } from './node-types';

/** 'default' keeps binary data base64 in the item (memory); 'filesystem' writes it to a temp dir. */
export type BinaryMode = 'default' | 'filesystem';

/** A node as tests write it: everything but type/parameters has a sensible default. */
export type NodeInput = Partial<Omit<INode, 'type'>> & { type: string };

export interface CommonRunOptions {
	nodeTypes: readonly NodeTypeInput[];
	credentialTypes?: readonly CredentialTypeInput[];
	/** Decrypted credential data by credential type name; class property defaults fill the gaps. */
	credentials?: CredentialsByType;
	/** Items the start node emits (default: one empty item); binary in them must be inline base64. */
	items?: INodeExecutionData[];
	binaryMode?: BinaryMode;
	/** Harness guard: cancel the run and fail after this long (default 20 s). */
	timeoutMs?: number;
	/** Cancel the execution after this long, as the n8n UI's stop button does. */
	cancelAfterMs?: number;
	/** How long a cancelled run may take to unwind before the harness gives up on it (default 5 s). */
	cancelGraceMs?: number;
	/**
	 * Read every stored binary back into memory after the run so readBinary() works once the temp dir is gone
	 * (default true). Benchmarks that measure memory turn it off.
	 */
	keepBinaries?: boolean;
	workflowSettings?: IWorkflowSettings;
}

export interface RunNodeOptions extends CommonRunOptions {
	node: NodeInput;
}

export interface RunWorkflowOptions extends CommonRunOptions {
	workflow: { nodes: NodeInput[]; connections: IConnections; name?: string };
	/** Node the execution starts at and that receives `items` (default: the workflow's start node). */
	startNode?: string;
	/** Node whose output fills items/outputs/error (default: the last node that ran). */
	resultNode?: string;
}

/** An error as found in run data: an instance, or its serialised form once it crossed JSON. */
export type HarnessError = (ExecutionBaseError | Error) & {
	description?: string | null;
	itemIndex?: number;
	httpCode?: string | null;
	context?: Record<string, unknown>;
};

export interface HarnessResult {
	/** Output 0 of the result node. */
	items: INodeExecutionData[];
	/** Every output of the result node (last run of it). */
	outputs: INodeExecutionData[][];
	/** The result node's error, or the run's, if the run failed. */
	error?: HarnessError;
	run: IRun;
	status: IRun['status'];
	/** Captured log lines, `[level] message {meta}`. */
	logs: string[];
	logEntries: LogEntry[];
	/** Set when a node called putExecutionToWait (the execution parked instead of finishing). */
	waitTill?: Date;
	/** Names of nodes in the order they finished. */
	executionOrder: string[];
	/** Output 0 (or `outputIndex`) of any node, last run. */
	nodeOutputs(nodeName: string, outputIndex?: number): INodeExecutionData[];
	/** Bytes of a binary property, as read back through n8n-core's BinaryDataService. */
	readBinary(item: INodeExecutionData, property?: string): Promise<Buffer>;
}
