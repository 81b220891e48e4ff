import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { collectionOptions, description, resolvedParameters, shownProperties } from '../../../node-description';

const COLLECTIONS = ['collection', 'fixedCollection'];
const BELOW_OPERATION = (p: INodeProperties) => p.name !== 'resource' && p.name !== 'operation';

function panel(parameters: Record<string, unknown>) {
	const shown = shownProperties(parameters as never).filter(BELOW_OPERATION);
	return {
		fields: shown.filter((p) => !COLLECTIONS.includes(p.type)).map((p) => p.displayName),
		collections: shown.filter((p) => COLLECTIONS.includes(p.type)).map((p) => p.displayName),
	};
}

describe('A fresh node', () => {
	it('starts on Sonic → Create a Song', () => {
		expect(resolvedParameters({})).toMatchObject({ resource: 'sonic', operation: 'create' });
	});

	it('shows at most 5 fields and 2 collections below Operation', () => {
		const { fields, collections } = panel({});
		expect(fields).toEqual(['Model', 'Mode', 'Song Description', 'Style Tags', 'Completion']);
		expect(collections).toEqual(['Additional Fields', 'Result Options']);
	});

	it('keeps Request Options in the Settings tab (beside Retry On Fail), with their saved name', () => {
		const requestOptions = description.properties.find((p) => p.name === 'requestOptions');
		expect(requestOptions?.isNodeSetting).toBe(true);
	});
});

describe('Each field where it applies', () => {
	const additional = (operation: string, extra: Record<string, unknown> = {}) =>
		collectionOptions({ resource: 'sonic', operation, ...extra } as never, 'additionalFields');

	it('Create a Song offers no remaster, region or source-audio options', () => {
		for (const name of ['Variation (Remaster)', 'Region Start (Seconds)', 'Region End (Seconds)', 'Audio Weight']) {
			expect(additional('create')).not.toContain(name);
		}
		expect(additional('create')).toContain('Target Duration (Seconds)');
	});

	it('Auto Lyrics only in custom mode, where MusicAPI accepts it', () => {
		expect(additional('create')).not.toContain('Auto Lyrics');
		expect(additional('create', { songMode: 'custom' })).toContain('Auto Lyrics');
		expect(additional('extend', { songMode: 'custom' })).toContain('Auto Lyrics');
	});

	it('a workflow saved with a Task Type still offers (and keeps) that type\'s options', () => {
		expect(additional('create', { taskType: 'remaster' })).toContain('Variation (Remaster)');
		expect(resolvedParameters({ resource: 'sonic', operation: 'create', taskType: 'remaster', additionalFields: { variationCategory: 'high' } })).toMatchObject({
			taskType: 'remaster',
			additionalFields: { variationCategory: 'high' },
		});
	});

	it('Remaster offers only its variation; Concat nothing', () => {
		expect(additional('remaster')).toEqual(['Variation']);
		expect(panel({ resource: 'sonic', operation: 'concat' })).toEqual({ fields: ['Extension Clip ID', 'Completion'], collections: ['Result Options'] });
	});

	it('Add Vocals has no mode to get wrong: the lyrics are its required text', () => {
		const { fields } = panel({ resource: 'sonic', operation: 'addVocals' });
		expect(fields).toEqual(['Source Clip ID', 'Model', 'Lyrics', 'Style Tags', 'Completion']);
		for (const name of ['Auto Lyrics', 'Instrumental', 'Weirdness']) expect(additional('addVocals')).not.toContain(name);
	});

	it('Extend says in its own words that it needs a description of the new part', () => {
		const prompt = shownProperties({ resource: 'sonic', operation: 'extend' } as never).find((p) => p.name === 'gptDescriptionPrompt');
		expect(prompt?.required).toBe(true);
		expect(prompt?.description).toMatch(/new part.*Required to extend/);
		expect(prompt?.placeholder).toMatch(/^e\.g\. /);
	});

	it('Producer offers Instrumental (ignored by MusicAPI) only on Create', () => {
		const producer = (taskType: string) => collectionOptions({ resource: 'producer', operation: 'create', taskType } as never, 'additionalFields');
		expect(producer('create_music')).toContain('Instrumental');
		expect(producer('cover_music')).not.toContain('Instrumental');
	});
});

/**
 * The node picker's actions, built the way n8n's editor builds them (editor-ui NodeCreator
 * composables/useActionsGeneration.ts, resourceCategories): for each Resource option, the Operation property whose
 * `displayOptions.show.resource` includes it and whose `@version` condition, if any, holds for the node's version;
 * each of its options is an action (`action`, or "<Resource> <Name>").
 */
function pickerActions(): string[] {
	const resources = description.properties.find((p) => p.name === 'resource')?.options as INodePropertyOptions[];
	const forThisVersion = (p: INodeProperties) => (p.displayOptions?.show?.['@version'] ?? [description.version]).includes(description.version as never);
	return resources.flatMap((resource) => {
		const operations = description.properties.find(
			(p) =>
				p.name === 'operation' &&
				(p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource.value as string) &&
				forThisVersion(p),
		);
		return ((operations?.options ?? []) as INodePropertyOptions[]).map((op) => op.action ?? `${resource.name} ${op.name}`);
	});
}

describe('The action list', () => {
	it('lists each song intent in users\' words and no legacy operation', () => {
		const actions = pickerActions();
		expect(actions).toEqual(
			expect.arrayContaining([
				'Create a song',
				'Extend a song',
				'Cover a song',
				'Remaster a song',
				'Add vocals to an instrumental',
				'Add an instrumental to vocals',
				'Concat an extension into the full song',
				'Create a song in the voice of a persona',
				'Create background music or a song',
				'Get the credits left',
			]),
		);
		expect(actions.filter((a) => /legacy|suno|riffusion|studio|nuro/i.test(a))).toEqual([]);
		// 35 before: 12 of them legacy (Suno ×5, Riffusion ×3, Studio ×2, Nuro ×2); 7 song intents and Get Batch joined,
		// then Producer's 5 task types besides Create.
		expect(actions).toHaveLength(36);
	});

	it('keeps the legacy resources, last, with their operations in the Operation dropdown', () => {
		const resources = (description.properties.find((p) => p.name === 'resource')?.options as INodePropertyOptions[]).map((r) => r.name);
		expect(resources).toEqual(['Account', 'Producer', 'Sonic', 'Nuro (Legacy)', 'Riffusion (Legacy)', 'Studio (Legacy)', 'Suno (Legacy)']);
		const shown = shownProperties({ resource: 'suno' } as never).find((p) => p.name === 'operation');
		expect((shown?.options as INodePropertyOptions[]).map((o) => o.value)).toEqual(['create', 'getSong', 'getClip', 'getLyrics', 'makeLyrics']);
		expect(resolvedParameters({ resource: 'riffusion', operation: 'upload' })).toMatchObject({ resource: 'riffusion', operation: 'upload' });
	});

	it('no two actions read alike', () => {
		const actions = pickerActions().map((a) => a.toLowerCase());
		expect(new Set(actions).size).toBe(actions.length);
		expect(actions).not.toContain('create a persona');
		expect(actions).not.toContain('create a voice persona');
	});
});
