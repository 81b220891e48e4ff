import type {
	ICredentialDataDecryptedObject,
	ICredentialsEncrypted,
	ICredentialsExpressionResolveValues,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import {
	ICredentials,
	ICredentialsHelper,
	NodeHelpers,
	UnexpectedError,
	deepCopy,
	isExpression,
} from 'n8n-workflow';

import { getAdditionalKeys } from 'n8n-core';

import type { HarnessCredentialTypes } from './credential-types';

export type CredentialsByType = Record<string, ICredentialDataDecryptedObject>;

/**
 * The parts of n8n's CredentialsHelper (packages/cli) that decide what a node sees,
 * without a database: data comes from the test, defaults from the credential class'
 * properties, `authenticate` (function or generic `={{$credentials.x}}` headers/qs/body/auth)
 * is applied for real, and `preAuthentication` runs with the refreshed token kept in memory.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	private readonly store: CredentialsByType;

	constructor(
		private readonly credentialTypes: HarnessCredentialTypes,
		credentials: CredentialsByType,
	) {
		super();
		// Copied so a node or preAuthentication mutating its data can't leak into the test's fixture.
		this.store = deepCopy(credentials);
	}

	getParentTypes(name: string): string[] {
		return this.credentialTypes.getParentTypes(name);
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		if (!this.credentialTypes.recognizes(credentialType)) return true;
		if (!this.credentialTypes.getByName(credentialType).restrictToSupportedNodes) return true;
		const supported = this.credentialTypes.getSupportedNodes(credentialType);
		// Registered nodes are known by their short name; the list may hold either form.
		const shortName = nodeType.split('.').pop() ?? nodeType;
		return supported.some((name) => name === nodeType || name.split('.').pop() === shortName);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.credentialTypes.getProperties(type);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.credentialTypes.getByName(typeName);
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate?.type === 'generic') {
			if (!workflow || !node) {
				throw new UnexpectedError('Workflow and node are required for generic credential auth');
			}
			const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
			for (const [outerKey, entries] of Object.entries(authenticate.properties)) {
				target[outerKey] ??= {};
				for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
					const resolve = (raw: unknown) => resolveValue(raw, credentials, workflow, node);
					target[outerKey][resolve(key)] = resolve(value);
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.credentialTypes.getByName(typeName);
		const expirable = credentialType.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof credentialType.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;

		const output = await credentialType.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		// n8n writes the fresh token to the database; the next getDecrypted here sees it instead.
		this.store[typeName] = { ...this.store[typeName], ...(output as ICredentialDataDecryptedObject) };
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const { preAuthentication } = this.credentialTypes.getByName(typeName);
		if (typeof preAuthentication !== 'function') return undefined;
		return (await preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string) {
		const credentials = new PlainCredentials(nodeCredentials, type);
		await credentials.setData(this.stored(type));
		return credentials;
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.stored(type);
		if (raw === true) return stored;

		// Defaults from the credential class (e.g. a baseUrl the test leaves out), as n8n applies them.
		const properties = this.getCredentialsProperties(type);
		let decrypted = NodeHelpers.getNodeParameters(
			properties,
			stored as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		// Data that is no declared property (oauthTokenData, allowedDomains) survives, as in n8n;
		// declared ones hidden by displayOptions stay dropped.
		const declared = new Set(properties.map((property) => property.name));
		for (const [key, value] of Object.entries(stored)) {
			if (!declared.has(key)) decrypted[key] = value;
		}

		if (expressionResolveValues) {
			const { workflow, runExecutionData, runIndex, itemIndex, node, connectionInputData } =
				expressionResolveValues;
			decrypted = workflow.expression.getParameterValue(
				decrypted as INodeParameters,
				runExecutionData,
				runIndex,
				itemIndex,
				node.name,
				connectionInputData,
				mode,
				getAdditionalKeys(additionalData, mode, null, { isCredential: true }),
				executeData,
				false,
				decrypted,
			) as ICredentialDataDecryptedObject;
		}
		return decrypted;
	}

	async updateCredentials(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store[type] = deepCopy(data);
	}

	async updateCredentialsOauthTokenData(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store[type] = { ...this.store[type], oauthTokenData: data.oauthTokenData };
	}

	private stored(type: string): ICredentialDataDecryptedObject {
		const data = this.store[type];
		if (!data) {
			throw new UnexpectedError(`Harness: no credentials of type "${type}" were given to the run`);
		}
		return deepCopy(data);
	}
}

/** Generic auth values are expressions over `$credentials`, resolved by the workflow's own engine. */
function resolveValue(
	raw: unknown,
	credentials: ICredentialDataDecryptedObject,
	workflow: Workflow,
	node: INode,
): string {
	if (typeof raw !== 'string' || !isExpression(raw)) return String(raw);
	const value = workflow.expression.getSimpleParameterValue(
		node,
		raw,
		'internal',
		{ $credentials: credentials },
		undefined,
		'',
	);
	return value ? String(value) : '';
}

/** In-memory ICredentials: nothing is at rest in a test, so nothing is encrypted. */
class PlainCredentials extends ICredentials {
	async getData(): Promise<ICredentialDataDecryptedObject> {
		return JSON.parse(this.data ?? '{}') as ICredentialDataDecryptedObject;
	}

	async setData(data: ICredentialDataDecryptedObject): Promise<void> {
		this.data = JSON.stringify(data);
	}

	async updateData(toUpdate: Partial<ICredentialDataDecryptedObject>, toDelete: string[] = []) {
		const data = { ...(await this.getData()), ...toUpdate } as ICredentialDataDecryptedObject;
		for (const key of toDelete) delete data[key];
		await this.setData(data);
	}

	getDataToSave(): ICredentialsEncrypted {
		return { id: this.id, name: this.name, type: this.type, data: this.data };
	}
}
