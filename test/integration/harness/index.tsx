/**
 * Integration-test harness: runs nodes inside n8n-core's real WorkflowExecute, with real
 * HTTP (no nock), real credential authentication, n8n-core's BinaryDataService and
 * cancellation, and captured logs. See runNode / runWorkflow.
 */
export { runNode, runNodesAtOnce } from './run-node';
export { runWorkflow, runWorkflowsAtOnce } from './run-workflow';
export { START_NODE_TYPE, HarnessStart } from './node-types';
export type { LogEntry, LogLevel } from './capture-logger';
export type {
	BinaryMode,
	CommonRunOptions,
	HarnessError,
	HarnessResult,
	NodeInput,
	RunNodeOptions,
	RunWorkflowOptions,
} from './types';
