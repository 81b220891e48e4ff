/**
 * The queue-mode layer: `npm run test:queue` (jest -c test/queue/jest.queue.config.js). A real n8n main and
 * workers on this run's own PostgreSQL and Redis (see README.md here). globalSetup installs n8n and, when
 * missing, PostgreSQL + Redis from Debian, before any test timeout starts.
 * @type {import('jest').Config}
 */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	transform: {
		'^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json', isolatedModules: true }],
	},
	testMatch: ['<rootDir>/test/queue/**/*.queue-test.tsx'],
	testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/test/e2e/.work/'],
	modulePathIgnorePatterns: ['<rootDir>/test/e2e/.work/'],
	globalSetup: '<rootDir>/test/queue/harness/global-setup.tsx',
	globalTeardown: '<rootDir>/test/queue/harness/global-teardown.tsx',
	testTimeout: 10 * 60 * 1000,
	maxWorkers: 1,
};
