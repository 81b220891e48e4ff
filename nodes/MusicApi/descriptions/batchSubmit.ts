import type { INodeProperties } from 'n8n-workflow';

/**
 * Opt-in, in Request Options (so a fresh node shows no extra field): only an operation with a batch endpoint uses
 * it (Sonic → Create, MusicAPI's batch endpoint of the newest official site).
 */
export const batchSubmitOption: INodeProperties = {
	displayName: 'Batch Submit (Beta)',
	name: 'batchSubmit',
	type: 'boolean',
	default: false,
	description:
		'Whether Sonic → Create sends the items in groups of up to 10 in one request (MusicAPI\'s batch endpoint), in Wait for Completion and Submit Only. Beta: MusicAPI documents that endpoint only on its newest site; a host without it gets single submits. When the outcome of a group is unknown (timeout, reset, 5xx) none of its items is sent again, and a validation error rejects the whole group.',
};

export function readBatchSubmit(getParameter: (name: string, fallback: unknown) => unknown): boolean {
	const options = getParameter('requestOptions', {}) as { batchSubmit?: unknown } | undefined;
	return options?.batchSubmit === true;
}
