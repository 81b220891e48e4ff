/** The e2e harness: a real n8n (2.40.7 unless MUSICAPI_N8N picks another host) with this package installed the way users install it. */
export { selectHost } from '../../../scripts/n8n-install';
export { HttpError, request, type HttpResponse } from './http';
export { N8n, OWNER, startN8n, type PublicationStatus, type StartOptions, type WebhookCallOptions } from './n8n';
export { installPackage, type InstalledPackage } from './package-install';
export { REPO_ROOT } from './paths';
export { freePort, freePorts } from './ports';
export { groupAlive, makeTempDir } from './processes';
export { createStubPackage, STUB_CREDENTIAL_TYPE, STUB_NODE_TYPE, STUB_PACKAGE } from './stub-package';
export { runWorkflowViaWebhook, WRAPPER_WEBHOOK_NODE, type WebhookRunOptions, type WebhookRunResult } from './webhook-run';
export { nodeOutput, TERMINAL_STATUSES, type Connections, type Execution, type ExecutionStatus, type Workflow, type WorkflowInput, type WorkflowNode } from './workflows';
