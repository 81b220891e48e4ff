import type { INodeProperties } from 'n8n-workflow';

/** Opt-in: a create operation that offers a batch endpoint shows this (Sonic → Create and POST /sonic/batch). */
export const batchSubmitProperty: INodeProperties = {
	displayName: 'Batch Submit (Beta)',
	name: 'batchSubmit',
	type: 'boolean',
	default: false,
	description:
		'Whether to send the items in groups of up to 10 through POST /sonic/batch: one request instead of ten. Beta: MusicAPI documents the endpoint only on its newest site; a host without it gets single submits. A group is one request, so when its outcome is unknown (timeout, reset, 5xx) none of its items is sent again, and a validation error rejects the whole group.',
	displayOptions: { show: { completion: ['wait', 'submit'] } },
};

export function readBatchSubmit(getParameter: (name: string, fallback: unknown) => unknown): boolean {
	return getParameter('batchSubmit', false) === true;
}
