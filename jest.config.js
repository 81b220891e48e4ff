/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	transform: {
		'^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.test.json', isolatedModules: true }],
	},
	testMatch: ['<rootDir>/test/**/*.test.tsx'],
	setupFilesAfterEnv: ['<rootDir>/test/jest.setup.tsx'],
	// The real-n8n layer has its own config (jest.e2e.config.js): it needs Node 24 and minutes, not seconds.
	testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/test/e2e/'],
	testTimeout: 30000,
};
