// Packs the package as npm would publish it, unpacks the tarball and runs n8n's community
// package scanner (`analyzePackage`) on it, the way n8n checks a package before listing it.
// Exits non-zero on any violation. Run after `npm run build`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { analyzePackage } from '@n8n/scan-community-package/scanner/scanner.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'bankconnect-scan-'));
try {
	const [packed] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', workDir], { encoding: 'utf8' }),
	);
	execFileSync('tar', ['-xzf', join(workDir, packed.filename), '-C', workDir]);
	const packageDir = join(workDir, 'package');
	console.log(`Scanning ${packed.filename} (${packed.entryCount} files)`);
	// The same two passes n8n's scanner runs: every file, then the compiled JS with package.json.
	for (const patterns of [undefined, ['**/*.js', 'package.json']]) {
		const result = await analyzePackage(packageDir, patterns);
		if (!result.passed) {
			console.error(`Scan failed: ${result.message}`);
			if (result.details) console.error(result.details);
			process.exit(1);
		}
	}
	console.log('Scan passed: no violations');
} finally {
	rmSync(workDir, { recursive: true, force: true });
}
