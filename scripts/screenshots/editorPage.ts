/**
 * A page of the real n8n editor in Debian's headless Chromium, driven by playwright-core, signed in
 * as the owner. playwright-core is not a dependency of the package: capture.sh installs it into
 * .n8n-app/tools/ (or the folder SCREENSHOT_TOOLS names, e.g. when .n8n-app is shared and read-only).
 */
import { join, resolve } from 'path';

import type { N8nRest } from '../../test/harness/app/n8nRest';
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
export async function openEditorPage(
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
