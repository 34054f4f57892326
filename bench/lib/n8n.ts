/**
 * The real n8n engine of the tests (test/helpers/engine.ts), loaded after n8n-core's folders are
 * set: n8n-core reads them when it is first imported, so the import is deferred.
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

export type Engine = typeof import('../../test/helpers/engine');

/** Points n8n-core's user folder and filesystem binary data at a temporary folder (unless set). */
export function prepareN8nEnvironment(): void {
	if (process.env.N8N_USER_FOLDER && process.env.N8N_BINARY_DATA_STORAGE_PATH) return;
	const root = mkdtempSync(join(tmpdir(), 'bankconnect-bench-'));
	process.env.N8N_USER_FOLDER ??= root;
	process.env.N8N_DEFAULT_BINARY_DATA_MODE ??= 'filesystem';
	process.env.N8N_BINARY_DATA_STORAGE_PATH ??= join(root, 'binaryData');
}

export async function loadEngine(): Promise<Engine> {
	prepareN8nEnvironment();
	// deferred until the folders are set
	return require('../../test/helpers/engine') as Engine;
}
