import { noticeProperty } from '../../descriptions/resourceFields';
import { create as sonicCreate, legacyNotice, taskTypeDropdown } from '../sonic/create.operation';
import type { AsyncOperation } from '../../base/operation';

const PATH = '/suno/create';
const POLL_PREFIX = '/suno/clip/';

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
			.map((p) => (p.name === taskTypeDropdown.name ? taskTypeDropdown : p)),
	],
	pollPath: (taskId) => `${POLL_PREFIX}${encodeURIComponent(taskId)}`,
	buildRequest: (ctx, itemIndex) => ({ ...sonicCreate.buildRequest(ctx, itemIndex), path: PATH }),
};
