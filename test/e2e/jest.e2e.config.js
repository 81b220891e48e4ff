/**
 * The real-n8n layer: `npm run test:e2e` (jest -c test/e2e/jest.e2e.config.js).
 * One n8n per test file and ~1 GB each, so files run one after another; globalSetup installs n8n (minutes
 * when cold, about a second when cached) before any test timeout starts.
 * @type {import('jest').Config}
 */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	transform: {
		'^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json', isolatedModules: true }],
	},
	testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.tsx'],
	testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/test/e2e/.work/'],
	modulePathIgnorePatterns: ['<rootDir>/test/e2e/.work/'],
	globalSetup: '<rootDir>/test/e2e/harness/global-setup.tsx',
	globalTeardown: '<rootDir>/test/e2e/harness/global-teardown.tsx',
	testTimeout: 10 * 60 * 1000,
	maxWorkers: 1,
};
