/** The real n8n app in queue mode (`npm run test:queue`): main, workers and webhook processes on Redis and PostgreSQL. */
module.exports = {
	...require('./jest.n8n.config'),
	testMatch: ['**/*.queue.ts'],
	globalSetup: '<rootDir>/test/harness/app/queueGlobalSetup.ts',
};
