import { noticeProperty } from '../../descriptions/resourceFields';
import { create as sonicCreate } from '../sonic/create.operation';
import type { AsyncOperation } from '../types';

const PATH = '/suno/create';
const POLL_PREFIX = '/suno/clip/';

/**
 * `POST /suno/create`: the pre-rename alias of Sonic Create (contract §3.5). Same body, same fields and checks;
 * only the submit path and the poll path (`/suno/clip/{id}`) differ.
 */
export const create: AsyncOperation = {
	...sonicCreate,
	// The batch endpoint exists on the Sonic path only.
	batch: undefined,
	action: 'Create a song on the legacy Suno path',
	description: 'Legacy alias of Sonic Create with the same fields (15 credits; concat 2)',
	endpoint: `POST ${PATH}`,
	properties: [
		noticeProperty(
			'sunoLegacyNotice',
			'Legacy path: MusicAPI keeps the Suno operations for old integrations. New workflows should use Sonic → Create.',
		),
		...sonicCreate.properties,
	],
	pollPath: (taskId) => `${POLL_PREFIX}${encodeURIComponent(taskId)}`,
	buildRequest: (ctx, itemIndex) => ({ ...sonicCreate.buildRequest(ctx, itemIndex), path: PATH }),
};
