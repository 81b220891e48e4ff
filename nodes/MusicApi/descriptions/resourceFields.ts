import type { INodeProperties } from 'n8n-workflow';

import type { BodyField, Show } from './fields';

// Fields of the Suno (legacy), Producer, Riffusion, Studio and Nuro operations that are not plain BodyFields.

/** A notice shown above an operation's fields (deprecated or unavailable resources). */
export function noticeProperty(name: string, text: string): INodeProperties {
	return { displayName: text, name, type: 'notice', default: '' };
}

/**
 * A list of `{name, duration}` rows (Nuro BGM v2.0 segments) as a fixedCollection; the `json` kind hands the
 * collection value through unchecked, and `readSegments` checks and flattens it.
 */
export function segmentsField(name: string, apiName: string, common: { displayName: string; description: string; show?: Show }): BodyField {
	return {
		name,
		apiName,
		kind: 'json',
		property: {
			displayName: common.displayName,
			name,
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Segment',
			default: {},
			description: common.description,
			...(common.show ? { displayOptions: { show: common.show } } : {}),
			options: [
				{
					displayName: 'Segment',
					name: 'segment',
					values: [
						{
							displayName: 'Name',
							name: 'name',
							type: 'string',
							default: '',
							placeholder: 'e.g. intro',
							description: 'Name of the section, e.g. intro, verse, outro',
						},
						{
							displayName: 'Duration (Seconds)',
							name: 'duration',
							type: 'number',
							typeOptions: { minValue: 1 },
							default: 10,
							description: 'Length of the section in seconds',
						},
					],
				},
			],
		},
	};
}
