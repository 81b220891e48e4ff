import { readFileSync } from 'fs';
import { join } from 'path';

import { operationsTable } from '../../scripts/operations-table';

describe('README', () => {
	const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

	it('lists exactly the operations the node offers', () => {
		const start = readme.indexOf('<!-- operations:start -->');
		const end = readme.indexOf('<!-- operations:end -->');
		expect(start).toBeGreaterThan(-1);
		expect(readme.slice(start + '<!-- operations:start -->'.length, end).trim()).toBe(operationsTable());
	});

	it('starts with the demo command and the test command that .ci/run runs', () => {
		const firstBlock = /```(?:bash|sh)?\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
		expect(firstBlock).toMatch(/npm run demo/);
		expect(firstBlock).toMatch(/npm test/);
		expect(readFileSync(join(__dirname, '..', '..', '.ci', 'run'), 'utf8')).toMatch(/npm test/);
	});
});
