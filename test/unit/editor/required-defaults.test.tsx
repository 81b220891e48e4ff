import type { INodeProperties } from 'n8n-workflow';

import { MusicApi } from '../../../nodes/MusicApi/MusicApi.node';

/**
 * A required field is either empty (n8n marks it, the run refuses it before anything is sent) or has a default that
 * works: the incoming item's value, or a real choice. 0 is never a stand-in for "not given yet".
 */
const { properties } = new MusicApi().description;

/** Required numbers whose 0 is a real value, not a stand-in. */
const ZERO_IS_MEANT: Record<string, string> = {
	'sonic/replaceSection infillStart': 'a section may start at the beginning of the clip',
	'producer/replaceSection startsAt': 'a section may start at the beginning of the clip',
	'producer/create startsAt': 'shown only on a node saved with the former Create’s Task Type, which keeps what it was saved with',
};

const where = (p: INodeProperties) => `${String(p.displayOptions?.show?.resource)}/${String(p.displayOptions?.show?.operation)} ${p.name}`;

describe('required fields: empty, or a default that works', () => {
	const required = properties.filter((p) => p.required && p.type !== 'hidden');

	it('no required number stands at 0 unless 0 is meant', () => {
		const zeros = required.filter((p) => p.type === 'number' && p.default === 0).map(where);
		expect(zeros.filter((field) => !(field in ZERO_IS_MEANT))).toEqual([]);
	});

	it('a required text is empty or reads the incoming item', () => {
		const filled = required.filter((p) => p.type === 'string' && p.default !== '' && !/^=\{\{ \$json\.\w+ \}\}$/.test(String(p.default)));
		expect(filled.map(where)).toEqual([]);
	});
});
