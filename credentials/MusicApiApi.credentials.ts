import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { DEFAULT_BASE_URL } from '../nodes/shared/constants';
import { AUTH_REMEDY } from '../nodes/shared/transport/errors';

export class MusicApiApi implements ICredentialType {
	// A literal, as in the nodes' descriptions: n8n's linter reads it to check that nodes use only this package's
	// credentials. Code refers to it as CREDENTIAL_NAME (nodes/shared/constants.ts).
	name = 'musicApiApi';

	displayName = 'MusicAPI API';

	icon: Icon = { light: 'file:../icons/musicapi.svg', dark: 'file:../icons/musicapi.dark.svg' };

	// This package's own page on setting the credential up (the API reference is linked from there).
	documentationUrl = 'https://github.com/n8n-nodes-musicapi/n8n-nodes-musicapi#credential-musicapi-api';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Your MusicAPI key, from the MusicAPI dashboard → API Keys',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description:
				'Change only for a sister host that serves the same API (e.g. https://api.aimusicapi.ai/api/v1) or a local test server',
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional. Sent with jobs that report back by webhook; MusicAPI signs its deliveries with it and the MusicAPI Trigger verifies them.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};

	// n8n's credential test shows only the HTTP status text ("Unauthorized") unless a rule gives the answer's words
	// (its credentials tester reads `rules` of type responseCode on a failed request): the same words as the node.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/get-credits',
			method: 'GET',
		},
		rules: [
			{ type: 'responseCode', properties: { value: 401, message: `MusicAPI rejected the API key. ${AUTH_REMEDY}` } },
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: `The Base URL answers, but not as MusicAPI (no /get-credits there). Set it to ${DEFAULT_BASE_URL} or your MusicAPI host's API address.`,
				},
			},
		],
	};
}
