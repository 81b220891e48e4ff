import { taskPath } from '../../../shared/tasks/paths';
import type { AsyncOperation } from '../../base/operation';
import { optionsField, clipIdField } from '../../descriptions/fields';
import { inputError } from '../../base/inputError';
import { readBody } from '../../input/readBody';

/** Basic and full separation are two endpoints with the same body; the Separation field picks the path. */
const KINDS = ['basic', 'full'];

const separation = optionsField('separation', 'separation', {
	displayName: 'Separation',
	options: [
		{ name: 'Basic', value: 'basic', description: 'Vocals and instrumental: 2 stems for 15 credits, or 4 stems for 30' },
		{ name: 'Full', value: 'full', description: 'Every instrument: 12–24 stems (75 credits)' },
	],
	default: 'basic',
	description: 'How finely to split the clip',
});

const clipId = clipIdField('The clip to split into stems');

export const stems: AsyncOperation = {
	mode: 'async',
	value: 'stems',
	name: 'Stems',
	action: 'Split a clip into stems',
	// Stem counts and prices drift (contract §3.4, §7): 2 basic stems for 15 credits mid-2026, 4 for 30 in the
	// 2026-10 docs. Every stem MusicAPI returns becomes an item, whatever the count.
	description: 'Separate a clip into vocal and instrument tracks, one item per stem (basic: 2 stems for 15 credits, or 4 for 30; full: 12–24 stems for 75)',
	credits: '15–30 (basic: 2 or 4 stems) / 75 (full)',
	endpoint: 'POST /sonic/stems/basic | POST /sonic/stems/full',
	dialect: 'sonic',
	taskOptions: { stems: true },
	properties: [separation.property, clipId.property],
	pollPath: (taskId) => taskPath('sonic', taskId),
	buildRequest(ctx, itemIndex) {
		const { separation: kind, ...body } = readBody(ctx.fn, itemIndex, [separation, clipId]);
		if (!KINDS.includes(String(kind))) {
			throw inputError(ctx.fn, itemIndex, 'Separation', `"${String(kind)}" is not one of: ${KINDS.join(', ')}`);
		}
		return { method: 'POST', path: `/sonic/stems/${String(kind)}`, body, kind: 'submit' };
	},
};
