/**
 * The package installs and loads like a community package: `npm pack`, installed the way n8n 2.41
 * installs one (communityPackage.ts), loaded with n8n-core's PackageDirectoryLoader in a
 * process that resolves only n8n-workflow and zod from outside the package (n8n's NODE_PATH), every
 * node and credential registered with icon and codex, and a workflow run with the loaded classes.
 * A missing file in `files`, a bad `n8n` block or a module that does not resolve outside this
 * repository fails here.
 */
import { execFile } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';

import { composeStatement } from '../../sandbox/statements/compose';
import { installAsN8nDoes, packPackage } from '../harness/communityPackage';
import { n8nEnvironment } from '../harness/n8nEnvironment';
import { PACKAGE_NAME, REPO_ROOT } from '../harness/repository';
import { sampleStatement } from '../harness/sandboxClient';
import { startSandboxProcess } from '../harness/sandboxProcess';
import type { SandboxProcess } from '../harness/sandboxProcess';

const PACKAGE = PACKAGE_NAME;
const SPEC = { bank: 'sbi', months: 2, seed: 'install-test', end: '2026-10-31' };

interface Registered {
	nodes: Array<{ name: string; sourcePath: string; iconUrl: { light: string; dark: string } | string; codex?: { categories?: string[]; resources?: { primaryDocumentation?: Array<{ url: string }> } } }>;
	credentials: Array<{ name: string; sourcePath: string; iconUrl: { light: string; dark: string } | string; supportedNodes?: string[] }>;
	loadedFromPackage: number;
	nodeWorkflowModule: string;
	errors: string[];
	transactions: Array<Record<string, unknown>>;
	reports: string[];
}

let sandbox: SandboxProcess;
let root: string;
let packageDir: string;
let manifest: { files: string[]; n8n: { nodes: string[]; credentials: string[] } } & Record<string, unknown>;
let registered: Registered;

/** What n8n's NODE_PATH offers a community package: n8n-workflow and zod, nothing else of ours. */
function n8nModulesFolder(base: string): string {
	const folder = join(base, 'n8n', 'node_modules');
	mkdirSync(folder, { recursive: true });
	for (const name of ['n8n-workflow', 'zod']) symlinkSync(join(REPO_ROOT, 'node_modules', name), join(folder, name), 'dir');
	return folder;
}

/** The installed file an `icons/<package>/<path>` URL of the loader points at. */
function iconFile(url: string): string {
	const prefix = `icons/${PACKAGE}/`;
	expect(url.startsWith(prefix)).toBe(true);
	return join(packageDir, url.slice(prefix.length));
}

beforeAll(async () => {
	sandbox = await startSandboxProcess(['--processing-ms', '200']);
	root = mkdtempSync(join(tmpdir(), 'bankconnect-install-'));
	packageDir = installAsN8nDoes(join(root, 'user'), packPackage(root));
	manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as typeof manifest;

	const statementPath = join(root, 'statement.pdf');
	writeFileSync(statementPath, await sampleStatement(sandbox.origin, SPEC));
	const env = {
		...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('N8N_'))),
		NODE_PATH: n8nModulesFolder(root),
		NODE_OPTIONS: '',
		...n8nEnvironment(join(root, 'n8n-user')),
	};
	const { stdout } = await promisify(execFile)(
		join(REPO_ROOT, 'node_modules/.bin/tsx'),
		['test/app/loadInstalled.ts', packageDir, sandbox.baseUrl, statementPath],
		{ cwd: REPO_ROOT, env, timeout: 90_000, maxBuffer: 64 * 1024 * 1024 },
	).catch((error: Error & { stdout?: string; stderr?: string }) => {
		throw new Error(`${error.message}\n${error.stdout}\n${error.stderr}`);
	});
	const lines = stdout.trimEnd().split('\n');
	registered = JSON.parse(lines[lines.length - 1]) as Registered;
}, 180_000);

afterAll(async () => {
	await sandbox?.stop();
});

test('the installed package has no dependencies left to install and ships every file its n8n block names', () => {
	expect(manifest.dependencies ?? {}).toEqual({});
	expect(manifest.peerDependencies).toBeUndefined();
	expect(readdirSync(packageDir).sort()).toEqual(expect.arrayContaining(['dist', 'package.json']));
	expect(existsSync(join(packageDir, 'node_modules', 'n8n-workflow'))).toBe(false);
	for (const path of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) {
		expect(existsSync(join(packageDir, path))).toBe(true);
	}
});

test('every node of nodes/ is in the n8n block and registered by the loader, from the installed folder', () => {
	const nodeFolders = readdirSync(join(REPO_ROOT, 'nodes'), { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.flatMap((entry) => readdirSync(join(REPO_ROOT, 'nodes', entry.name)).filter((file) => file.endsWith('.node.ts')).map((file) => `dist/nodes/${entry.name}/${file.replace(/\.ts$/, '.js')}`));
	expect([...manifest.n8n.nodes].sort()).toEqual(nodeFolders.sort());
	expect(registered.nodes.map((node) => node.sourcePath).sort()).toEqual([...manifest.n8n.nodes].sort());
	expect(registered.nodes.map((node) => node.name)).toContain('bankConnect');
	expect(registered.loadedFromPackage).toBeGreaterThan(manifest.n8n.nodes.length);
});

test('n8n-workflow resolves through NODE_PATH to n8n’s copy, not from the package', () => {
	// the NODE_PATH folder links to this repository's copy; nothing above the temporary folder has one
	expect(registered.nodeWorkflowModule.startsWith(packageDir)).toBe(false);
	expect(registered.nodeWorkflowModule.startsWith(join(REPO_ROOT, 'node_modules', 'n8n-workflow'))).toBe(true);
});

test('every node has light and dark icons that exist in the installed package, and a codex with categories and docs', () => {
	for (const node of registered.nodes) {
		expect(typeof node.iconUrl).toBe('object');
		const { light, dark } = node.iconUrl as { light: string; dark: string };
		expect(existsSync(iconFile(light))).toBe(true);
		expect(existsSync(iconFile(dark))).toBe(true);
		expect(light).not.toBe(dark);
		expect(node.codex?.categories?.length).toBeGreaterThan(0);
		expect(node.codex?.resources?.primaryDocumentation?.[0]?.url).toMatch(/^https:\/\//);
	}
});

test('every credential of the n8n block is registered with its icons and the nodes that use it', () => {
	expect(registered.credentials.map((credential) => credential.sourcePath)).toEqual(manifest.n8n.credentials);
	const [credential] = registered.credentials;
	expect(credential.name).toBe('bankConnectApi');
	const { light, dark } = credential.iconUrl as { light: string; dark: string };
	expect(existsSync(iconFile(light))).toBe(true);
	expect(existsSync(iconFile(dark))).toBe(true);
	expect(credential.supportedNodes).toContain('bankConnect');
});

test('a workflow runs with the loaded classes: a statement uploaded, analysed and reported', () => {
	const expected = composeStatement({ bank: SPEC.bank, months: SPEC.months, seed: SPEC.seed, endDate: SPEC.end });
	expect(registered.errors).toEqual([]);
	expect(registered.transactions).toHaveLength(expected.lines.length);
	expect(registered.transactions[0]).toMatchObject({ date: expect.stringContaining(expected.lines[0].date), balance: expected.lines[0].balance });
	expect(registered.reports).toEqual([`sbi_${expected.identity.account_number}.xlsx`]);
});
