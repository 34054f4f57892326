import { execFile } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { installAsN8nDoes, packPackage } from '../../test/harness/communityPackage';
import { PACKAGE_NAME, REPO_ROOT } from '../../test/harness/repository';

/** `npm run build` (dist/ from credentials/ and nodes/); rejects with the compiler's output. */
export async function buildPackage(): Promise<void> {
	await new Promise<void>((resolveBuild, reject) => {
		execFile('npm', ['run', '--silent', 'build'], { cwd: REPO_ROOT }, (error, stdout, stderr) => {
			if (error) reject(new Error(`npm run build failed:\n${stdout}${stderr}`));
			else resolveBuild();
		});
	});
}

/**
 * Packs dist/ and installs the tarball into the user folder the way n8n installs a community
 * package, replacing the copy installed before (files a rebuild no longer makes must go too).
 */
export function installIntoUserFolder(userFolder: string): void {
	const packFolder = mkdtempSync(join(tmpdir(), 'bankconnect-dev-pack-'));
	try {
		const tarball = packPackage(packFolder);
		rmSync(join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME), { recursive: true, force: true });
		installAsN8nDoes(userFolder, tarball);
	} finally {
		rmSync(packFolder, { recursive: true, force: true });
	}
}
