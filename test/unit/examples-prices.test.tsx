/**
 * One source of prices: an operation's `credits` (what the node's hint and the README's operations table say).
 * The examples' sticky notes repeat prices for the reader; this keeps every one of them equal to the node's.
 * A price right after a **bold** node name is that node's; any other must be the price of a MusicAPI node of the
 * same workflow (and of its only one, when there is one).
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import { findOperation } from '../../nodes/MusicApi/actions/registry';

interface ExampleNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
}

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const examples = readdirSync(EXAMPLES)
	.filter((file) => file.endsWith('.json'))
	.map((file) => [file, JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')).nodes as ExampleNode[]] as const);

/** The node's price in credits, from its operation (the leading number of `credits`). */
function priceOf(node: ExampleNode): number | undefined {
	const operation = findOperation(String(node.parameters.resource ?? 'sonic'), String(node.parameters.operation ?? 'create'));
	if (!operation) throw new Error(`${node.name}: unknown operation ${String(node.parameters.resource)}/${String(node.parameters.operation)}`);
	const price = /^\d+/.exec(operation.credits);
	return price ? Number(price[0]) : undefined;
}

/** Each price a note states, with the bold name it follows in the same sentence, if any. */
function statedPrices(note: string): Array<{ after?: string; credits: number }> {
	const found: Array<{ after?: string; credits: number }> = [];
	for (const sentence of note.split(/\n|(?<=\.)\s|→/)) {
		const after = [...sentence.matchAll(/\*\*([^*]+)\*\*/g)].at(-1)?.[1];
		for (const match of sentence.matchAll(/(\d+) (?:MusicAPI )?credits?/g)) found.push({ after, credits: Number(match[1]) });
	}
	return found;
}

describe.each(examples)('%s: the sticky notes state the node’s prices', (_file, nodes) => {
	const paid = nodes.filter((n) => /musicApi(Tool)?$/.test(n.type));
	const notes = nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote').map((n) => String(n.parameters.content ?? ''));

	it('every stated price is the price of the node it speaks of', () => {
		for (const { after, credits } of notes.flatMap(statedPrices)) {
			const named = paid.find((n) => n.name === after);
			const expected = named ? [priceOf(named)] : paid.length === 1 ? [priceOf(paid[0])] : paid.map(priceOf);
			expect({ after, credits, ok: expected.includes(credits) }).toEqual({ after, credits, ok: true });
		}
	});
});

test('the check reads prices and names as written', () => {
	expect(statedPrices('**Sing It** sings it (20 credits)\n**Get WAV** fetches (2 credits). Each song costs 15 MusicAPI credits.')).toEqual([
		{ after: 'Sing It', credits: 20 },
		{ after: 'Get WAV', credits: 2 },
		{ after: undefined, credits: 15 },
	]);
});
