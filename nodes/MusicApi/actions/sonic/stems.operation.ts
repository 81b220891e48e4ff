import { taskPath } from '../../../shared/tasks/paths';
import type { AsyncOperation } from '../types';
import { optionsField, clipIdField } from '../../descriptions/fields';
import { inputError, readBody } from '../../input/readBody';

/** Basic and full separation are two endpoints with the same body; the Separation field picks the path. */
const KINDS = ['basic', 'full'];

const separation = optionsField('separation', 'separation', {
	displayName: 'Separation',
	options: [
		{ name: 'Basic', value: 'basic', description: 'Vocals and instrumental: 2 stems (15 credits)' },
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
	description: 'Separate a clip into vocal and instrument tracks, one item per stem (basic 15 credits, full 75)',
	credits: '15 (basic) / 75 (full)',
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
