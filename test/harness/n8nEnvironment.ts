/**
 * The one place an n8n environment is set up for the engine harness, whoever runs it: jest's global
 * setup, the demo, the benchmarks and the child process of the install test. n8n-core keeps an
 * encryption key under its user folder and binary data (filesystem mode, as n8n runs by default for
 * large files) under a storage path, both read from the environment when first used: they go to a
 * fresh temporary folder, never the home directory.
 */
import { randomBytes } from 'crypto';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/** The variables of an n8n environment in `root` (a fresh temporary folder by default). */
export function n8nEnvironment(root = mkdtempSync(join(tmpdir(), 'bankconnect-n8n-'))): Record<string, string> {
	return {
		N8N_USER_FOLDER: root,
		// a fresh folder holds no saved key: passing one avoids n8n's "generating a key" notice
		N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
		N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
		N8N_BINARY_DATA_STORAGE_PATH: join(root, 'binaryData'),
	};
}

/**
 * Sets an n8n environment in this process unless a user folder is set already (jest's workers
 * inherit the global setup's, a user may choose their own); filesystem binary data either way.
 */
export function prepareN8nEnvironment(): void {
	if (!process.env.N8N_USER_FOLDER) {
		for (const [name, value] of Object.entries(n8nEnvironment())) process.env[name] ??= value;
	}
	process.env.N8N_DEFAULT_BINARY_DATA_MODE ??= 'filesystem';
}
