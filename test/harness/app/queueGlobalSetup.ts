import { execFileSync } from 'child_process';
import { join } from 'path';

import { REPO_ROOT } from '../repository';
import n8nGlobalSetup from './globalSetup';

/** The n8n app and the packed package as for test:n8n, plus Debian's Redis and PostgreSQL. */
export default function globalSetup(): void {
	execFileSync('bash', [join(REPO_ROOT, 'scripts', 'n8nApp', 'queueDeps.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
	n8nGlobalSetup();
}
