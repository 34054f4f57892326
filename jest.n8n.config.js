/**
 * The real n8n app as the test target (`npm run test:n8n`): kept out of the default `npm test`, whose
 * testMatch is `*.test.ts`. One file at a time: each starts n8n processes of its own.
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/n8n-app'],
	testMatch: ['**/*.n8n.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }],
	},
	globalSetup: '<rootDir>/test/harness/app/globalSetup.ts',
	testTimeout: 180000,
	maxWorkers: 1,
};
