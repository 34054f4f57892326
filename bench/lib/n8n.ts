/** The real n8n engine of the tests (test/harness/engine.ts), which sets up its n8n environment when loaded. */
export type Engine = typeof import('../../test/harness/engine');

export async function loadEngine(): Promise<Engine> {
	return require('../../test/harness/engine') as Engine;
}
