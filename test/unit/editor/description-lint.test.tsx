import { dirname } from 'path';

import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { MusicApiApi } from '../../../credentials/MusicApiApi.credentials';
import { MusicApi } from '../../../nodes/MusicApi/MusicApi.node';
import { RESOURCES } from '../../../nodes/MusicApi/actions/registry';
import { MusicApiTrigger } from '../../../nodes/MusicApiTrigger/MusicApiTrigger.node';
import { nodeModule } from './literal-module';
import { allParameters, ownChecks, type Finding } from './own-checks';
import { lintWithN8nRules, scratchModules, type EslintFinding } from './scratch-lint';

/**
 * n8n's lint rules only read literal properties, and our fields are built by code, so `npm run lint` never saw
 * them. Here the descriptions as n8n loads them are written out as literal modules and judged by n8n's own
 * rules (eslint-plugin-n8n-nodes-base, @n8n/eslint-plugin-community-nodes), then by the checks those lack.
 */

// The sentence-case function n8n's action rule itself uses, to tell a product name from a real miscasing.
const { sentenceCase } = require(
	require.resolve('sentence-case', { paths: [dirname(require.resolve('eslint-plugin-n8n-nodes-base'))] }),
) as { sentenceCase(s: string): string };
const PRODUCTS = /\b(MusicAPI|Sonic|Suno|Producer|Riffusion|Studio|Nuro)\b/g;

/** Findings of n8n's rules we accept, each with why. A listed exception that no longer matches fails too. */
const ESLINT_EXCEPTIONS: Array<{ rule: string; applies(f: EslintFinding): boolean; reason: string }> = [
	{
		rule: '@n8n/community-nodes/webhook-lifecycle-complete',
		applies: () => true,
		reason:
			'judges the class methods (webhookMethods), which the written-out module leaves out; npm run lint checks the real classes',
	},
	{
		rule: 'n8n-nodes-base/node-param-options-type-unsorted-items',
		applies: (f) => f.message.includes(`Order: ${RESOURCES.map((r) => r.name).sort((a, b) => a.localeCompare(b)).join(' | ')} `),
		reason:
			"the Resource list only: n8n's node picker lists the actions in this order, and Sonic's must come first, not after Account, Nuro, Producer and Riffusion",
	},
	{
		rule: 'n8n-nodes-base/node-param-operation-option-action-miscased',
		applies: (f) => {
			const action = /action: "(.*)"/.exec(f.source)?.[1] ?? '';
			const withoutProducts = action.replace(PRODUCTS, (name) => name.toLowerCase());
			const words = withoutProducts.split(' ').filter((w) => w !== w.toUpperCase()).join(' ');
			return action !== withoutProducts && sentenceCase(words) === words;
		},
		reason:
			'product names are proper nouns (n8n\'s own Gemini node: "Upload a file to a File Search store"); sentence case would write "a sonic task"',
	},
	{
		rule: 'n8n-nodes-base/node-param-default-wrong-for-number',
		applies: (f) => f.source.includes('default: "={{ $json.duration }}"'),
		reason:
			"Continue At's default is an expression (the end of the incoming clip, a number at run time); the rule reads only number literals, and 0 would be a stand-in that always fails",
	},
];

/** Findings of our own checks we accept, each with why. */
const OWN_EXCEPTIONS: Array<{ rule: string; where: RegExp; reason: string }> = [
	// Durations are in seconds across the node, except these two. A unit lives in the saved value, so changing
	// it means a new parameter name, and n8n drops saved collection values whose name the node no longer
	// lists (NodeHelpers.getNodeParameters): workflows that set them would silently fall back to the default.
	// The way out is a node version 2 that renames both; until then they keep their unit and say it.
	{ rule: 'unit-not-seconds', where: /^resultOptions .*› timeout$/, reason: 'saved values are minutes (see above)' },
	{ rule: 'unit-not-seconds', where: /^requestOptions › retryDelay$/, reason: 'saved values are milliseconds (see above)' },
];

const describeFinding = (f: EslintFinding) => `${f.rule} ${f.file}:${f.line} ${f.message} | ${f.source}`;
const describeOwn = (f: Finding) => `${f.rule} ${f.where}: ${JSON.stringify(f.text)}`;

/** The real MusicAPI description with two faults a careless edit could bring, to show the lint sees them. */
function withInjectedFaults(): INodeTypeDescription {
	const description = new MusicApi().description;
	const properties = JSON.parse(JSON.stringify(description.properties)) as INodeProperties[];
	const upload = properties.find((p) => p.name === 'url' && p.displayOptions?.show?.operation?.includes('upload'));
	if (!upload) throw new Error('the Upload operation has no Audio URL field any more: pick another field to break');
	upload.description = 'A link to the audio.';
	upload.placeholder = 'https://example.com/song.mp3';
	return { ...description, properties };
}

const canaryFile = 'nodes/Canary/Canary.node.ts';

describe('descriptions as n8n sees them', () => {
	let findings: EslintFinding[];

	beforeAll(() => {
		findings = lintWithN8nRules({ ...scratchModules(), [canaryFile]: nodeModule('Canary', withInjectedFaults()) });
	}, 180_000);

	const real = () => findings.filter((f) => f.file !== canaryFile);

	it("n8n's own rules find nothing beyond the listed exceptions", () => {
		const unexcused = real().filter((f) => !ESLINT_EXCEPTIONS.some((e) => e.rule === f.rule && e.applies(f)));
		expect(unexcused.map(describeFinding)).toEqual([]);
	});

	it('every listed exception is still needed', () => {
		const unused = ESLINT_EXCEPTIONS.filter((e) => !real().some((f) => f.rule === e.rule && e.applies(f)));
		expect(unused.map((e) => e.rule)).toEqual([]);
	});

	it('sees code-built fields: a final period on a one-sentence description is reported', () => {
		const canary = findings.filter((f) => f.file === canaryFile).map(describeFinding);
		expect(canary.filter((f) => f.includes('"A link to the audio."'))).toEqual([
			expect.stringContaining('n8n-nodes-base/node-param-description-excess-final-period'),
		]);
	});
});

describe("descriptions against the conventions n8n's rules lack", () => {
	const nodes = {
		MusicApi: new MusicApi().description.properties,
		MusicApiTrigger: new MusicApiTrigger().description.properties,
		MusicApiApi: new MusicApiApi().properties,
	};

	it('every listed exception is still needed', () => {
		const all = Object.values(nodes).flatMap((properties) => ownChecks(properties));
		const unused = OWN_EXCEPTIONS.filter((e) => !all.some((f) => f.rule === e.rule && e.where.test(f.where)));
		expect(unused.map((e) => `${e.rule} ${e.where}`)).toEqual([]);
	});

	it.each(Object.entries(nodes))('%s: no findings beyond the listed exceptions', (_name, properties) => {
		const unexcused = ownChecks(properties).filter(
			(f) => !OWN_EXCEPTIONS.some((e) => f.rule === e.rule && e.where.test(f.where)),
		);
		expect(unexcused.map(describeOwn)).toEqual([]);
	});

	it('can fail: a placeholder without "e.g." and an API name in a tooltip are reported', () => {
		const canary = withInjectedFaults().properties;
		const upload = allParameters(canary).find((x) => x.p.placeholder === 'https://example.com/song.mp3');
		if (upload) upload.p.description = 'Sent as audio_url.';
		const rules = ownChecks(canary).map((f) => f.rule);
		expect(rules).toEqual(
			expect.arrayContaining([
				'placeholder-without-eg',
				'api-name-in-text (snake_case API field)',
				'api-name-in-text (says which API field it is sent as)',
			]),
		);
	});
});
