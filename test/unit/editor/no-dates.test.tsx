import type { INodeProperties } from 'n8n-workflow';

import { MusicApi } from '../../../nodes/MusicApi/MusicApi.node';

/** Every text the panel shows (descriptions, hints, option descriptions), with where it sits. */
function panelTexts(properties: INodeProperties[], path = ''): Array<[string, string]> {
	return properties.flatMap((p) => {
		const here = `${path}${p.name}`;
		const own: Array<[string, string]> = [p.description, p.hint, p.displayName]
			.filter((text): text is string => typeof text === 'string')
			.map((text) => [here, text]);
		const options = (p.options ?? []) as unknown as Array<Record<string, unknown>>;
		const nested = options.flatMap((o) => {
			const texts: Array<[string, string]> = [o.description, o.action]
				.filter((text): text is string => typeof text === 'string')
				.map((text) => [`${here}.${String(o.value ?? o.name)}`, text]);
			const values = Array.isArray(o.values) ? panelTexts(o.values as INodeProperties[], `${here}.`) : [];
			const inner = 'type' in o ? panelTexts([o as unknown as INodeProperties], `${here}.`) : [];
			return [...texts, ...values, ...inner];
		});
		return [...own, ...nested];
	});
}

describe('descriptions carry no dates', () => {
	// A date ("since 2026-10", "15 before 2026-10") ages the panel: a user reads it as news long after it is history.
	it('no text in the action node panel names a year-month', () => {
		const dated = panelTexts(new MusicApi().description.properties).filter(([, text]) => /\b20\d\d-\d\d\b/.test(text));
		expect(dated).toEqual([]);
	});
});
