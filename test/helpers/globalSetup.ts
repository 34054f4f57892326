import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/** n8n-core writes an encryption key under the user folder: keep it out of the home directory. */
export default function globalSetup(): void {
	process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'bankconnect-n8n-'));
}
