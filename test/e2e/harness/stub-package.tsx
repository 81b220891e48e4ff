/**
 * A tiny community package (one node, one credential, plain JS, no dependencies) that proves the loader
 * without depending on the real package's state. n8n knows its node as `n8n-nodes-e2e-stub.e2eStub`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const STUB_PACKAGE = 'n8n-nodes-e2e-stub';
export const STUB_NODE_TYPE = `${STUB_PACKAGE}.e2eStub`;
export const STUB_CREDENTIAL_TYPE = 'e2eStubApi';

const packageJson = {
	name: STUB_PACKAGE,
	version: '0.0.1',
	description: 'Throw-away package of the e2e harness',
	keywords: ['n8n-community-node-package'],
	license: 'MIT',
	files: ['dist'],
	n8n: {
		n8nNodesApiVersion: 1,
		credentials: ['dist/credentials/E2eStubApi.credentials.js'],
		nodes: ['dist/nodes/E2eStub/E2eStub.node.js'],
	},
	peerDependencies: { 'n8n-workflow': '*' },
	devDependencies: { typescript: '*' },
};

// No require('n8n-workflow'): the connection type is the string 'main', so the node needs nothing at run time.
const nodeJs = `'use strict';
class E2eStub {
	constructor() {
		this.description = {
			displayName: 'E2E Stub',
			name: 'e2eStub',
			group: ['transform'],
			version: 1,
			description: 'Adds the greeting parameter (and whether a credential was attached) to every item',
			defaults: { name: 'E2E Stub' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: '${STUB_CREDENTIAL_TYPE}', required: false }],
			properties: [{ displayName: 'Greeting', name: 'greeting', type: 'string', default: 'hello' }],
		};
	}
	async execute() {
		const items = this.getInputData();
		let credential = null;
		try {
			credential = await this.getCredentials('${STUB_CREDENTIAL_TYPE}');
		} catch (error) {
			credential = null;
		}
		return [items.map((item, i) => ({
			json: { ...item.json, stub: this.getNodeParameter('greeting', i), hasApiKey: Boolean(credential && credential.apiKey) },
			pairedItem: { item: i },
		}))];
	}
}
exports.E2eStub = E2eStub;
`;

const credentialJs = `'use strict';
class E2eStubApi {
	constructor() {
		this.name = '${STUB_CREDENTIAL_TYPE}';
		this.displayName = 'E2E Stub API';
		this.properties = [{ displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '' }];
	}
}
exports.E2eStubApi = E2eStubApi;
`;

/** Writes the stub package into `<parentDir>/n8n-nodes-e2e-stub` and returns that folder. */
export function createStubPackage(parentDir: string): string {
	const dir = path.join(parentDir, STUB_PACKAGE);
	const write = (file: string, content: string): void => {
		fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
		fs.writeFileSync(path.join(dir, file), content);
	};
	write('package.json', JSON.stringify(packageJson, null, '\t'));
	write('dist/nodes/E2eStub/E2eStub.node.js', nodeJs);
	write('dist/credentials/E2eStubApi.credentials.js', credentialJs);
	return dir;
}
