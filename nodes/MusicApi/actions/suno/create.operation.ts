import type { INodeProperties } from 'n8n-workflow';

import { noticeProperty } from '../../descriptions/resourceFields';
import { create as sonicCreate, legacyNotice, taskTypeDropdown } from '../sonic/create.operation';
import { useSunoCdnField } from '../sonic/song';
import type { AsyncOperation } from '../../base/operation';

const PATH = '/suno/create';
const POLL_PREFIX = '/suno/clip/';

/** Use Suno CDN, which Sonic keeps only on nodes saved with it, is offered here: the Suno path is where it belongs. */
function offerSunoCdn(collection: INodeProperties): INodeProperties {
	const options = (collection.options ?? []) as INodeProperties[];
	return { ...collection, options: options.map((o) => (o.name === useSunoCdnField.name ? { ...o, displayOptions: undefined } : o)) };
}

/**
 * `POST /suno/create`: the pre-rename alias of Sonic Create (contract §3.5). Same body, same fields and checks;
 * only the submit path and the poll path (`/suno/clip/{id}`) differ.
 */
export const create: AsyncOperation = {
	...sonicCreate,
	name: 'Create',
	// The batch endpoint exists on the Sonic path only.
	batch: undefined,
	action: 'Create a song on the legacy Suno path',
	description: 'Legacy alias of Sonic Create with the same fields and prices (new song 20 credits, others 15; concat 2)',
	endpoint: `POST ${PATH}`,
	properties: [
		noticeProperty(
			'sunoLegacyNotice',
			'Legacy path: MusicAPI keeps the Suno operations for old integrations. New workflows should use the Sonic operations (Create a Song, Extend a Song…).',
		),
		// Sonic's Create reads a saved Task Type without showing it; this legacy path keeps the dropdown it had.
		...sonicCreate.properties
			.filter((p) => p.name !== legacyNotice.name)
			.map((p) => (p.name === taskTypeDropdown.name ? taskTypeDropdown : p.name === 'additionalFields' ? offerSunoCdn(p) : p)),
	],
	pollPath: (taskId) => `${POLL_PREFIX}${encodeURIComponent(taskId)}`,
	buildRequest: (ctx, itemIndex) => ({ ...sonicCreate.buildRequest(ctx, itemIndex), path: PATH }),
};
