import { spawn } from 'child_process';
import type { ChildProcess } from 'child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { CREDENTIAL_ID, CREDENTIAL_NAME } from '../harness/app/instance';
import { freePort } from '../harness/app/n8nCli';
import { REPO_ROOT } from '../harness/repository';
import { N8nRest } from '../harness/app/n8nRest';
import { NODE_TYPE, TRIGGER_TYPE } from '../harness/app/workflows';

/**
 * `npm run dev` (scripts/dev.sh) as a contributor runs it: the printed editor and sandbox URLs
 * answer, the editor has this package loaded, the sandbox credential (whose Test passes) and every
 * example of examples/ imported; a saved source file rebuilds the package and restarts n8n; SIGTERM
 * stops everything and exits 0.
 */
const START_TIMEOUT_MS = 170_000;

interface Dev {
	child: ChildProcess;
	output(): string;
	exited: Promise<number | null>;
}

function startDev(args: string[]): Dev {
	const child = spawn('bash', [join(REPO_ROOT, 'scripts', 'dev.sh'), ...args], {
		cwd: REPO_ROOT,
		// its own process group, so a failed test can stop whatever it left running
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
	return { child, output: () => output, exited };
}

/** Resolves with the first match of `pattern` in what dev printed after `from` characters. */
async function waitForOutput(dev: Dev, pattern: RegExp, from = 0, timeoutMs = START_TIMEOUT_MS): Promise<RegExpExecArray> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const match = pattern.exec(dev.output().slice(from));
		if (match) return match;
		if (dev.child.exitCode !== null) throw new Error(`npm run dev exited with ${dev.child.exitCode}:\n${dev.output()}`);
		await new Promise((resolveWait) => setTimeout(resolveWait, 250));
	}
	throw new Error(`npm run dev printed no ${pattern} within ${timeoutMs} ms:\n${dev.output()}`);
}

async function answers(url: string): Promise<boolean> {
	try {
		await fetch(url);
		return true;
	} catch {
		return false;
	}
}

function exampleNames(): string[] {
	const folder = join(REPO_ROOT, 'examples');
	return readdirSync(folder)
		.filter((file) => file.endsWith('.json'))
		.map((file) => (JSON.parse(readFileSync(join(folder, file), 'utf8')) as { name: string }).name)
		.sort();
}

describe('npm run dev: the sandbox and the n8n editor with this package', () => {
	let userFolder: string;
	let dev: Dev;
	let editorUrl: string;
	let sandboxUrl: string;
	let apiKey: string;
	let serverHash: string;
	let rest: N8nRest;

	beforeAll(async () => {
		userFolder = mkdtempSync(join(tmpdir(), 'bankconnect-dev-test-'));
		dev = startDev(['--port', String(await freePort()), '--sandbox-port', '0', '--user-folder', userFolder]);
		[, editorUrl] = await waitForOutput(dev, /^ {2}Editor: +(http:\/\/\S+)$/m);
		[, sandboxUrl] = await waitForOutput(dev, /^ {2}Sandbox: +(http:\/\/\S+\/bank-connect)$/m);
		[, apiKey, serverHash] = await waitForOutput(dev, /API key (\S+), Server Hash (\S+);/);
		rest = new N8nRest(editorUrl);
		await rest.setupOwner();
	}, START_TIMEOUT_MS + 10_000);

	afterAll(() => {
		if (dev?.child.exitCode === null && dev.child.pid) process.kill(-dev.child.pid, 'SIGKILL');
		rmSync(userFolder, { recursive: true, force: true });
	});

	it('serves n8n and the sandbox at the URLs it printed', async () => {
		const health = await fetch(`${editorUrl}/healthz`);
		expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
		const entities = await fetch(`${sandboxUrl}/v1/entity/`, { headers: { 'x-api-key': apiKey, 'server-hash': serverHash } });
		expect(entities.status).toBe(200);
	});

	it('has the package loaded as a community package, the node types in the editor', async () => {
		const types = (await rest.json('GET', '/types/nodes.json')) as Array<{ name: string }>;
		expect(types.map((type) => type.name)).toEqual(expect.arrayContaining([NODE_TYPE, TRIGGER_TYPE]));
	});

	it('has the BankConnect credential pointing at the sandbox, and its Test passes', async () => {
		const { data: credential } = (await rest.json('GET', `/rest/credentials/${CREDENTIAL_ID}?includeData=true`)) as {
			data: { id: string; name: string; type: string; data: Record<string, unknown> };
		};
		expect(credential).toMatchObject({ name: CREDENTIAL_NAME, type: 'bankConnectApi', data: { environment: 'custom', baseUrl: sandboxUrl } });
		const test = (await rest.json('POST', '/rest/credentials/test', { credentials: credential })) as { data: { status: string } };
		expect(test.data).toEqual({ status: 'OK', message: 'Connection successful!' });
	});

	it('has every example of examples/ imported, its BankConnect nodes on that credential', async () => {
		const { data: workflows } = (await rest.json('GET', '/rest/workflows')) as { data: Array<{ id: string; name: string }> };
		expect(workflows.map((workflow) => workflow.name).sort()).toEqual(exampleNames());
		for (const { id } of workflows) {
			const { data: workflow } = (await rest.json('GET', `/rest/workflows/${id}`)) as {
				data: { nodes: Array<{ type: string; credentials?: Record<string, { id: string }> }> };
			};
			const bankConnectNodes = workflow.nodes.filter((node) => node.type === NODE_TYPE || node.type === TRIGGER_TYPE);
			expect(bankConnectNodes.length).toBeGreaterThan(0);
			for (const node of bankConnectNodes) expect(node.credentials?.bankConnectApi?.id).toBe(CREDENTIAL_ID);
		}
	});

	it('rebuilds the package and restarts n8n when a source file is saved', async () => {
		const from = dev.output().length;
		const source = join(REPO_ROOT, 'credentials', 'BankConnectApi.credentials.ts');
		const now = new Date();
		utimesSync(source, now, now);
		await waitForOutput(dev, /^credentials\/BankConnectApi\.credentials\.ts changed: rebuilding…$/m, from);
		await waitForOutput(dev, /^Reloaded\. Editor: (\S+)$/m, from);
		expect((await fetch(`${editorUrl}/healthz`)).status).toBe(200);
		// the same database: the session, the credential and the examples are still there
		const { data: workflows } = (await rest.json('GET', '/rest/workflows')) as { data: unknown[] };
		expect(workflows).toHaveLength(exampleNames().length);
	});

	it('stops n8n and the sandbox on SIGTERM and exits 0', async () => {
		dev.child.kill('SIGTERM');
		expect(await dev.exited).toBe(0);
		expect(await answers(`${editorUrl}/healthz`)).toBe(false);
		expect(await answers(`${sandboxUrl}/v1/entity/`)).toBe(false);
	});
});
