/**
 * Prints the README's operation table from the node's own operation list, so the two cannot drift apart
 * (test/unit/readme.test.ts checks the README against this). Usage: npx ts-node --transpile-only scripts/operations-table.ts
 */
import { RESOURCES } from '../nodes/MusicApi/actions/registry';

export function operationsTable(): string {
	const rows = RESOURCES.flatMap((resource) =>
		resource.operations.map(
			(op) =>
				`| ${resource.name} | ${op.name} | \`${op.endpoint.replace(/\|/g, '\\|')}\` | ${op.mode === 'async' ? 'async (task)' : 'sync'} | ${op.credits} |`,
		),
	);
	return ['| Resource | Operation | Endpoint | Mode | Credits |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

if (require.main === module) console.log(operationsTable());
