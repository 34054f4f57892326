/**
 * `npm test`: every *.test.ts under test/ — unit (pure functions), node (the node through n8n's
 * engine against nock), e2e (the engine against the sandbox process), sandbox, examples, bench and
 * app/install.test.ts. What runs the engine loads the nodes from dist/: `npm run build` first.
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }],
	},
	globalSetup: '<rootDir>/test/harness/globalSetup.ts',
	setupFilesAfterEnv: ['<rootDir>/test/harness/nockPerFile.ts'],
	testTimeout: 60000,
	maxWorkers: 2,
};
