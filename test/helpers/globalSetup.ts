import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/**
 * n8n-core writes an encryption key under the user folder and binary data under its storage path:
 * both go to a temporary folder, never the home directory. Workers inherit these variables.
 */
export default function globalSetup(): void {
	const root = mkdtempSync(join(tmpdir(), 'bankconnect-n8n-'));
	process.env.N8N_USER_FOLDER ??= root;
	process.env.N8N_DEFAULT_BINARY_DATA_MODE ??= 'filesystem';
	process.env.N8N_BINARY_DATA_STORAGE_PATH ??= join(root, 'binaryData');
}
