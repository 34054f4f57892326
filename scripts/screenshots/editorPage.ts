/**
 * The real n8n editor with this package installed as n8n installs it, and a page of it in Debian's
 * headless Chromium, driven by playwright-core, signed in as the owner. playwright-core is not a dependency of the package: capture.sh installs it into
 * .n8n-app/tools/ (or the folder SCREENSHOT_TOOLS names, e.g. when .n8n-app is shared and read-only).
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

import { createInstance, importCredential, importWorkflow } from '../../test/harness/app/instance';
import type { WorkflowJson } from '../../test/harness/app/instance';
import { N8nRest } from '../../test/harness/app/n8nRest';
import { startN8nProcess } from '../../test/harness/app/n8nServer';
import { packPackage } from '../../test/harness/communityPackage';
import { REPO_ROOT } from '../../test/harness/repository';

/** The few playwright-core calls the screenshots use. */
export interface Page {
	goto(url: string, options?: { waitUntil?: string; timeout?: number }): Promise<unknown>;
	waitForSelector(selector: string, options?: { timeout?: number; state?: string }): Promise<unknown>;
	waitForTimeout(ms: number): Promise<void>;
	dblclick(selector: string): Promise<void>;
	click(selector: string): Promise<void>;
	screenshot(options: { path: string }): Promise<unknown>;
	keyboard: { press(key: string): Promise<void>; type(text: string): Promise<void> };
}

interface Browser {
	newContext(options: { viewport: { width: number; height: number }; deviceScaleFactor: number }): Promise<{
		addCookies(cookies: Array<{ name: string; value: string; url: string }>): Promise<void>;
		addInitScript(script: string): Promise<void>;
		newPage(): Promise<Page>;
	}>;
	close(): Promise<void>;
}

function chromium(): { launch(options: { executablePath: string; headless: boolean; args: string[] }): Promise<Browser> } {
	const tools = resolve(REPO_ROOT, process.env.SCREENSHOT_TOOLS ?? join('.n8n-app', 'tools'));
	return (require(join(tools, 'node_modules', 'playwright-core')) as { chromium: ReturnType<typeof chromium> }).chromium;
}

/** Opens the editor at `n8nUrl` signed in as the owner `rest` set up; `close` ends the browser. */
async function openEditorPage(
	n8nUrl: string,
	rest: N8nRest,
	viewport: { width: number; height: number },
): Promise<{ page: Page; close(): Promise<void> }> {
	const browser = await chromium().launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
	try {
		const { name, value, browserId } = rest.authCookie;
		const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
		await context.addCookies([{ name, value, url: n8nUrl }]);
		// n8n ties the session cookie to this id, which the editor sends from localStorage.
		await context.addInitScript(`localStorage.setItem('n8n-browserId', ${JSON.stringify(browserId)});`);
		return { page: await context.newPage(), close: async () => await browser.close() };
	} catch (error) {
		await browser.close();
		throw error;
	}
}

/** Opens a saved workflow and waits for its nodes on the canvas. */
export async function openWorkflow(page: Page, n8nUrl: string, workflowId: string): Promise<void> {
	await page.goto(`${n8nUrl}/workflow/${workflowId}`, { waitUntil: 'networkidle', timeout: 60_000 });
	await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
}

/** The credential the editor's workflows use, pointing at a sandbox (or a stand-in address). */
export interface EditorCredential {
	baseUrl: string;
	apiKey: string;
	serverHash: string;
}

/**
 * Packs the package (dist/ must be built), starts `n8n start` in a fresh user folder with the
 * credential and `workflows` imported, and opens a signed-in editor page. `close` ends it all.
 */
export async function startEditor(
	credential: EditorCredential,
	workflows: Array<{ id: string; workflow: WorkflowJson }>,
	viewport: { width: number; height: number },
): Promise<{ page: Page; url: string; close(): Promise<void> }> {
	process.env.BANKCONNECT_TARBALL = packPackage(mkdtempSync(join(tmpdir(), 'bankconnect-pack-')));
	const instance = createInstance();
	await importCredential(instance, credential);
	for (const { id, workflow } of workflows) await importWorkflow(instance, id, workflow);
	const n8n = await startN8nProcess(instance, 'start');
	const stopN8n = async () => {
		await n8n.stop();
		instance.remove();
	};
	try {
		const rest = new N8nRest(n8n.url);
		await rest.setupOwner();
		const editor = await openEditorPage(n8n.url, rest, viewport);
		return {
			page: editor.page,
			url: n8n.url,
			close: async () => {
				await editor.close();
				await stopN8n();
			},
		};
	} catch (error) {
		await stopN8n();
		throw error;
	}
}
