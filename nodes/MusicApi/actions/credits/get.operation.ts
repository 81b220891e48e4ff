import type { IDataObject } from 'n8n-workflow';

import { defineSync } from '../define';
import type { SyncOperation } from '../../base/operation';

export const get: SyncOperation = {
	...defineSync({
		value: 'get',
		name: 'Get Credits',
		action: 'Get the credits left',
		description: 'Subscription and extra credits left, as one item (free)',
		credits: '0',
		method: 'GET',
		path: '/get-credits',
		shape: (body) => {
			const { credits, extra_credits: extra } = (body ?? {}) as { credits?: number; extra_credits?: number };
			return [{ credits, extraCredits: extra, total: (credits ?? 0) + (extra ?? 0) } as IDataObject];
		},
	}),
	// The balance is the account's, not the item's: one item however many come in.
	once: true,
};
