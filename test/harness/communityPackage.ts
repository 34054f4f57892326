import { execFileSync } from 'child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

import { PACKAGE_NAME, REPO_ROOT } from './repository';

/** `npm pack` of the repository (dist/ must be built) into `destination`; returns the tarball's path. */
export function packPackage(destination: string): string {
	const output = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const [packed] = JSON.parse(output) as Array<{ filename: string; files: Array<{ path: string }> }>;
	if (!packed.files.some((file) => file.path === 'dist/nodes/BankConnect/BankConnect.node.js')) {
		throw new Error('the packed package has no dist/nodes/BankConnect/BankConnect.node.js: run `npm run build` first');
	}
	return join(destination, packed.filename);
}

/**
 * Installs the tarball into `<userFolder>/.n8n/nodes` the way n8n 2.41's community-package installer
 * does: untar into node_modules/<name>, drop dev/peer/optional dependencies from its package.json,
 * `npm install --install-strategy=shallow --ignore-scripts --package-lock=false` inside it, and record
 * it in the nodes folder's package.json. n8n then resolves `n8n-workflow` and `zod` from its own
 * node_modules (NODE_PATH), never from ours.
 */
export function installAsN8nDoes(userFolder: string, tarball: string): string {
	const nodesFolder = join(userFolder, '.n8n', 'nodes');
	const packageFolder = join(nodesFolder, 'node_modules', PACKAGE_NAME);
	mkdirSync(packageFolder, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', packageFolder, '--strip-components=1']);

	const manifestPath = join(packageFolder, 'package.json');
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown> & { version: string };
	delete manifest.devDependencies;
	delete manifest.peerDependencies;
	delete manifest.optionalDependencies;
	writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	execFileSync('npm', ['install', '--install-strategy=shallow', '--ignore-scripts', '--package-lock=false', '--no-audit', '--no-fund'], {
		cwd: packageFolder,
		stdio: ['ignore', 'pipe', 'pipe'],
	});

	writeFileSync(
		join(nodesFolder, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: manifest.version } }, null, 2),
	);
	return packageFolder;
}
