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

export class MusicApi implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MusicAPI',
		name: 'musicApi',
		icon: { light: 'file:../../icons/musicapi.svg', dark: 'file:../../icons/musicapi.dark.svg' },
		group: ['transform'],
		version: 1,
		// n8n names a node added from the picker after its action ("Create a song") and renames it when the action
		// changes, so the subtitle says what the name does not: which of MusicAPI's model families it uses.
		// A literal, as n8n's lint reads it; test/unit/editor keeps it in step with the resources' names.
		subtitle:
			'={{ {"sonic": "Sonic", "producer": "Producer", "suno": "Suno (Legacy)", "nuro": "Nuro (Legacy)", "riffusion": "Riffusion (Legacy)", "studio": "Studio (Legacy)", "credits": "Account"}[$parameter["resource"]] }}',
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
