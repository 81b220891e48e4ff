import { readFileSync } from 'fs';
import { join } from 'path';

import type { INodePropertyOptions } from 'n8n-workflow';

import { MusicApi } from '../../nodes/MusicApi/MusicApi.node';
import { operationsTable } from '../../scripts/operations-table';

describe('README', () => {
	const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

	it('lists exactly the operations the node offers', () => {
		const start = readme.indexOf('<!-- operations:start -->');
		const end = readme.indexOf('<!-- operations:end -->');
		expect(start).toBeGreaterThan(-1);
		expect(readme.slice(start + '<!-- operations:start -->'.length, end).trim()).toBe(operationsTable());
	});

	it('names each operation as the Operation dropdown shows it, in the dropdown’s order', () => {
		const { properties } = new MusicApi().description;
		const resources = properties.find((p) => p.name === 'resource')?.options as INodePropertyOptions[];
		// The dropdown the panel shows for a resource (a legacy one's is tied by `hide`; its never-shown twin has `@version`).
		const shown = (resource: string) =>
			properties.find(
				(p) =>
					p.name === 'operation' &&
					!p.displayOptions?.show?.['@version'] &&
					((p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource) ||
						(p.displayOptions?.hide?.resource && !(p.displayOptions.hide.resource as string[]).includes(resource))),
			)?.options as INodePropertyOptions[];
		const panel = resources.flatMap((resource) => shown(String(resource.value)).map((op) => `${resource.name} | ${op.name}`));
		const table = operationsTable()
			.split('\n')
			.slice(2)
			.map((row) => row.split(' | ').slice(0, 2).join(' | ').replace(/^\| /, ''));
		expect(table).toEqual(panel);
	});

	it('starts with the demo command and the test command that .ci/run runs', () => {
		const firstBlock = /```(?:bash|sh)?\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
		expect(firstBlock).toMatch(/npm run demo/);
		expect(firstBlock).toMatch(/npm test/);
		expect(readFileSync(join(__dirname, '..', '..', '.ci', 'run'), 'utf8')).toMatch(/npm test/);
	});
});
