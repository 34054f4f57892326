/**
 * The real n8n app as the test target (`npm run test:n8n`): test/app/*.n8n.ts, kept out of the
 * default `npm test`, whose testMatch is `*.test.ts` (test/app/install.test.ts, the packed package
 * loaded as n8n installs it, runs there). One file at a time: each starts n8n processes of its own.
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/app'],
	testMatch: ['**/*.n8n.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }],
	},
	globalSetup: '<rootDir>/test/harness/app/globalSetup.ts',
	testTimeout: 180000,
	maxWorkers: 1,
};
