/**
 * The README's operation table, made from the node's own operation list so the two cannot drift apart
 * (test/unit/readme.test.tsx checks the README against it). `npm run readme:operations` rewrites the README's table.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

import { operationName } from '../nodes/MusicApi/actions/describe';
import { RESOURCES } from '../nodes/MusicApi/actions/registry';

/** Each operation by the name the Operation dropdown shows (its action in title case), in the dropdown's order. */
export function operationsTable(): string {
	const rows = RESOURCES.flatMap((resource) =>
		resource.operations
			.map((op) => ({ op, shown: operationName(op.action) }))
			.sort((a, b) => a.shown.localeCompare(b.shown))
			.map(
				({ op, shown }) =>
					`| ${resource.name} | ${shown} | \`${op.endpoint.replace(/\|/g, '\\|')}\` | ${op.mode === 'async' ? 'async (task)' : 'sync'} | ${op.credits} |`,
			),
	);
	return ['| Resource | Operation | Endpoint | Mode | Credits |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

const START = '<!-- operations:start -->';
const END = '<!-- operations:end -->';

if (require.main === module) {
	if (process.argv.includes('--write')) {
		const file = join(__dirname, '..', 'README.md');
		const readme = readFileSync(file, 'utf8');
		const before = readme.slice(0, readme.indexOf(START) + START.length);
		writeFileSync(file, `${before}\n${operationsTable()}\n${readme.slice(readme.indexOf(END))}`);
	} else {
		console.log(operationsTable());
	}
}
