/** Unit, engine, sandbox and end-to-end tests; engine tests load the nodes from dist/. */
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
