import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { describeResource } from './actions/describe';
import { RESOURCES } from './actions/registry';
import { route } from './actions/router';
import { CALLBACK_WEBHOOKS } from './jobs/callback/address';
import { callbackWebhook } from './jobs/callback/resume';
import { requestOptionsProperty } from './descriptions/requestOptions';
import { modelSearch } from './descriptions/models';

/**
 * The subtitle under the node on the canvas names its action ("Create a song"), not "sonic: create": n8n
 * evaluates it as an expression, so it looks the action up by resource and operation.
 */
const ACTIONS = Object.fromEntries(
	RESOURCES.flatMap((r) => r.operations.map((op) => [`${r.value}:${op.value}`, op.action])),
);
export const ACTION_SUBTITLE = `={{ ${JSON.stringify(ACTIONS)}[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] }}`;

export class MusicApi implements INodeType {
	// The subtitle is built from the operations, so this rule cannot read it here; the description lint test
	// (test/unit/editor) runs it over the built description, where the subtitle is a literal.
	// eslint-disable-next-line n8n-nodes-base/node-class-description-missing-subtitle
	description: INodeTypeDescription = {
		displayName: 'MusicAPI',
		name: 'musicApi',
		icon: { light: 'file:../../icons/musicapi.svg', dark: 'file:../../icons/musicapi.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: ACTION_SUBTITLE,
		description: 'Create AI songs, lyrics, stems and WAVs with MusicAPI (musicapi.ai)',
		defaults: { name: 'MusicAPI' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'musicApiApi', required: true }],
		// Served only while an execution waits in "Wait for Callback" mode (restartWebhook).
		webhooks: CALLBACK_WEBHOOKS,
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				// In registry order, not alphabetical: the node picker lists the actions in this order, and Sonic's
				// (today's models) must come first, not after Account, Nuro, Producer and Riffusion.
				options: RESOURCES.map((r) => ({ name: r.name, value: r.value, description: r.description })),
				default: 'sonic',
			},
			...RESOURCES.flatMap((resource) => describeResource(resource, RESOURCES)),
			// Request Options sit in the node's Settings tab, beside n8n's Retry On Fail: they say how this node talks
			// to MusicAPI (spacing, timeout, retries of one request), not what it makes, and a fresh node's panel
			// stays short. The parameter (and saved workflows' values) is the same.
			{ ...requestOptionsProperty, isNodeSetting: true },
		],
	};

	methods = { listSearch: modelSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await callbackWebhook.call(this);
	}
}
