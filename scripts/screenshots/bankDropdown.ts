/**
 * docs/bank-dropdown.png: the Bank Name or ID dropdown of Statement → Upload in the real n8n editor,
 * loaded from the bank catalogue of a local sandbox (full names, identifiers and the modes each bank
 * offers). Debian's headless Chromium driven by playwright-core, as capture.ts does.
 *
 *   npm run build && scripts/node24.sh npx tsx scripts/screenshots/bankDropdown.ts
 *
 * playwright-core is read from PLAYWRIGHT_TOOLS (default .n8n-app/tools, where capture.sh installs it).
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { startSandbox } from '../../sandbox/server';
import { packPackage } from '../../test/harness/communityPackage';
import { createInstance, importCredential, importWorkflow } from '../../test/harness/app/instance';
import type { WorkflowJson } from '../../test/harness/app/instance';
import { N8nRest } from '../../test/harness/app/n8nRest';
import { startN8nProcess } from '../../test/harness/app/n8nServer';
import { REPO_ROOT } from '../../test/harness/repository';

interface Page {
	goto(url: string, options?: { waitUntil?: string; timeout?: number }): Promise<unknown>;
	waitForSelector(selector: string, options?: { timeout?: number; state?: string }): Promise<unknown>;
	waitForTimeout(ms: number): Promise<void>;
	dblclick(selector: string): Promise<void>;
	click(selector: string): Promise<void>;
	screenshot(options: { path: string }): Promise<unknown>;
	keyboard: { type(text: string): Promise<void> };
}
interface Browser {
	newContext(options: { viewport: { width: number; height: number }; deviceScaleFactor: number }): Promise<{
		addCookies(cookies: Array<{ name: string; value: string; url: string }>): Promise<void>;
		addInitScript(script: string): Promise<void>;
		newPage(): Promise<Page>;
	}>;
	close(): Promise<void>;
}

const tools = process.env.PLAYWRIGHT_TOOLS ?? join(REPO_ROOT, '.n8n-app', 'tools');
const { chromium } = require(join(tools, 'node_modules', 'playwright-core')) as {
	chromium: { launch(options: { executablePath: string; headless: boolean; args: string[] }): Promise<Browser> };
};

const WORKFLOW_ID = 'ShotBankDropdown';
const NODE_NAME = 'Upload Statement';

const workflow: WorkflowJson = {
	name: 'Bank dropdown',
	nodes: [
		{ id: 'trigger', name: 'When clicking ‘Execute workflow’', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'upload',
			name: NODE_NAME,
			type: 'n8n-nodes-bankconnect.bankConnect',
			typeVersion: 1.1,
			position: [240, 0],
			parameters: { resource: 'statement', operation: 'upload', source: 'url', fileUrl: 'https://lender.example/statements/march.pdf', bankMode: 'known', bankName: 'bandhan' },
		},
	],
	connections: { 'When clicking ‘Execute workflow’': { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] } },
};

async function main(): Promise<void> {
	process.env.BANKCONNECT_TARBALL = packPackage(mkdtempSync(join(tmpdir(), 'bankconnect-pack-')));
	const sandbox = await startSandbox({ port: 0 });
	const instance = createInstance();
	await importCredential(instance, { baseUrl: sandbox.url, apiKey: sandbox.options.apiKey, serverHash: sandbox.options.serverHash });
	await importWorkflow(instance, WORKFLOW_ID, workflow);
	const n8n = await startN8nProcess(instance, 'start');
	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
	try {
		const rest = new N8nRest(n8n.url);
		await rest.setupOwner();
		const { name, value, browserId } = rest.authCookie;
		const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
		await context.addCookies([{ name, value, url: n8n.url }]);
		// n8n ties the session cookie to this id, which the editor sends from localStorage.
		await context.addInitScript(`localStorage.setItem('n8n-browserId', ${JSON.stringify(browserId)});`);
		const page = await context.newPage();
		await page.goto(`${n8n.url}/workflow/${WORKFLOW_ID}`, { waitUntil: 'networkidle', timeout: 60_000 });
		await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
		await page.dblclick(`[data-test-id="canvas-node"][data-node-name="${NODE_NAME}"]`);
		await page.waitForSelector('[data-test-id="parameter-input-bankName"]', { timeout: 30_000 });
		await page.click('[data-test-id="parameter-input-bankName"]');
		await page.waitForSelector('li[data-test-id="parameter-input-item"]:visible', { timeout: 30_000 });
		await page.keyboard.type('bank of');
		await page.waitForTimeout(1_500);
		const path = join(REPO_ROOT, 'docs', 'bank-dropdown.png');
		await page.screenshot({ path });
		console.log(`wrote ${path}`);
	} finally {
		await browser.close();
		await n8n.stop();
		instance.remove();
		await sandbox.close();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
