import { execFileSync } from 'child_process';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { packPackage } from '../communityPackage';
import { REPO_ROOT } from '../repository';

/**
 * Once per run: the real n8n app (installed into .n8n-app/ by scripts/n8nApp/setup.sh, a no-op when
 * cached) and the packed tarball of this package, handed to the test files in BANKCONNECT_TARBALL.
 */
export default function globalSetup(): void {
	execFileSync('bash', [join(REPO_ROOT, 'scripts', 'n8nApp', 'setup.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
	const packFolder = mkdtempSync(join(tmpdir(), 'bankconnect-pack-'));
	process.env.BANKCONNECT_TARBALL = packPackage(packFolder);
}
