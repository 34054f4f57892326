/**
 * n8n-core reads its folders from the environment when it loads: the encryption key and the binary
 * data (filesystem mode, as n8n runs by default for large files) go to a temporary folder, never the
 * home directory. Imported first by the demo's entry point.
 */
import { randomBytes } from 'crypto';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

if (!process.env.N8N_USER_FOLDER) {
	const root = mkdtempSync(join(tmpdir(), 'bankconnect-demo-'));
	process.env.N8N_USER_FOLDER = root;
	// a fresh folder needs no saved key: passing one avoids n8n's "generating a key" notice
	process.env.N8N_ENCRYPTION_KEY ??= randomBytes(24).toString('hex');
	process.env.N8N_BINARY_DATA_STORAGE_PATH ??= join(root, 'binaryData');
}
process.env.N8N_DEFAULT_BINARY_DATA_MODE ??= 'filesystem';
