import type { ICredentialType, ICredentialTypes, INodeProperties } from 'n8n-workflow';
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';

export type CredentialTypeInput = ICredentialType | (new () => ICredentialType);

/** ICredentialTypes over the credential classes a test hands in (n8n's loader is not used). */
export class HarnessCredentialTypes implements ICredentialTypes {
	private readonly byName = new Map<string, ICredentialType>();

	constructor(inputs: readonly CredentialTypeInput[]) {
		for (const input of inputs) {
			const credentialType = typeof input === 'function' ? new input() : input;
			this.byName.set(credentialType.name, credentialType);
		}
	}

	recognizes(credentialType: string): boolean {
		return this.byName.has(credentialType);
	}

	getByName(credentialType: string): ICredentialType {
		const found = this.byName.get(credentialType);
		if (!found) {
			throw new UnexpectedError(
				`Harness: unknown credential type "${credentialType}" — pass its class in credentialTypes`,
			);
		}
		return found;
	}

	getSupportedNodes(type: string): string[] {
		return this.byName.get(type)?.supportedNodes ?? [];
	}

	getParentTypes(typeName: string): string[] {
		const parents = this.byName.get(typeName)?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	/** Own properties merged over the parents', as n8n's CredentialsHelper does. */
	getProperties(typeName: string): INodeProperties[] {
		const credentialType = this.getByName(typeName);
		if (!credentialType.extends) return credentialType.properties;
		const combined: INodeProperties[] = [];
		for (const parent of credentialType.extends) {
			if (this.recognizes(parent)) {
				NodeHelpers.mergeNodeProperties(combined, this.getProperties(parent));
			}
		}
		NodeHelpers.mergeNodeProperties(combined, credentialType.properties);
		return combined;
	}
}
