/**
 * Canvas screenshots for the README: the example workflows opened in the real n8n editor, in
 * Debian's headless Chromium driven by playwright-core, saved as docs/<name>.png.
 *
 *   scripts/screenshots/capture.sh            (sets up n8n and playwright-core, builds, then runs this)
 *
 * playwright-core is not a dependency of the package: capture.sh installs it into .n8n-app/tools/
 * (or the folder SCREENSHOT_TOOLS names, e.g. when .n8n-app is shared and read-only).
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

import { packPackage } from '../../test/harness/communityPackage';
import { readExample } from '../../test/harness/app/examples';
import { createInstance, importCredential, importWorkflow } from '../../test/harness/app/instance';
import type { WorkflowJson } from '../../test/harness/app/instance';
import { REPO_ROOT } from '../../test/harness/repository';
import { N8nRest } from '../../test/harness/app/n8nRest';
import { startN8nProcess } from '../../test/harness/app/n8nServer';
import { triggerWorkflow } from '../../test/harness/app/workflows';

interface Page {
	goto(url: string, options?: { waitUntil?: string; timeout?: number }): Promise<unknown>;
	waitForSelector(selector: string, options?: { timeout?: number }): Promise<unknown>;
	waitForTimeout(ms: number): Promise<void>;
	screenshot(options: { path: string }): Promise<unknown>;
	keyboard: { press(key: string): Promise<void> };
}
interface Browser {
	newContext(options: { viewport: { width: number; height: number }; deviceScaleFactor: number }): Promise<{
		addCookies(cookies: Array<{ name: string; value: string; url: string }>): Promise<void>;
		addInitScript(script: string): Promise<void>;
		newPage(): Promise<Page>;
	}>;
	close(): Promise<void>;
}

const TOOLS = resolve(REPO_ROOT, process.env.SCREENSHOT_TOOLS ?? join('.n8n-app', 'tools'));
const { chromium } = require(join(TOOLS, 'node_modules', 'playwright-core')) as {
	chromium: { launch(options: { executablePath: string; headless: boolean; args: string[] }): Promise<Browser> };
};

/** What is shot: the file under docs/ and the workflow shown. */
const SHOTS: Array<{ file: string; id: string; workflow: () => WorkflowJson }> = [
	{ file: 'canvas-statement-to-excel.png', id: 'ShotStmtToExcel1', workflow: () => readExample('main-job/statement-to-excel.json') },
	{ file: 'canvas-banks-down.png', id: 'ShotBanksDown001', workflow: () => readExample('main-job/banks-down.json') },
	{
		file: 'canvas-trigger.png',
		id: 'ShotTriggerIdent',
		workflow: () => triggerWorkflow('Statement analysed → identity', '5b0c1d2e-3f4a-4b5c-8d6e-7f8091a2b3c4', 'choose-a-secret'),
	},
];

async function main(): Promise<void> {
	process.env.BANKCONNECT_TARBALL = packPackage(mkdtempSync(join(tmpdir(), 'bankconnect-pack-')));
	const instance = createInstance();
	const sandboxLike = { baseUrl: 'http://127.0.0.1:4010/bank-connect', apiKey: 'sandbox_api_key', serverHash: 'sandbox_server_hash' };
	await importCredential(instance, sandboxLike);
	for (const shot of SHOTS) await importWorkflow(instance, shot.id, shot.workflow());
	const n8n = await startN8nProcess(instance, 'start');
	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
	try {
		const rest = new N8nRest(n8n.url);
		await rest.setupOwner();
		const { name, value, browserId } = rest.authCookie;
		const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, deviceScaleFactor: 1 });
		await context.addCookies([{ name, value, url: n8n.url }]);
		// n8n ties the session cookie to this id, which the editor sends from localStorage.
		await context.addInitScript(`localStorage.setItem('n8n-browserId', ${JSON.stringify(browserId)});`);
		const page = await context.newPage();
		for (const shot of SHOTS) {
			await page.goto(`${n8n.url}/workflow/${shot.id}`, { waitUntil: 'networkidle', timeout: 60_000 });
			await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
			await page.keyboard.press('1'); // zoom to fit
			await page.waitForTimeout(1_500);
			const path = join(REPO_ROOT, 'docs', shot.file);
			await page.screenshot({ path });
			console.log(`wrote ${path}`);
		}
	} finally {
		await browser.close();
		await n8n.stop();
		instance.remove();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
