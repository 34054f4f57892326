/**
 * docs/bank-dropdown.png: the Bank Name or ID dropdown of Statement → Upload in the real n8n editor,
 * loaded from the bank catalogue of a local sandbox (full names, identifiers and the modes each bank
 * offers), in the editor page capture.ts uses (editorPage.ts).
 *
 *   npm run build && scripts/node24.sh npx tsx scripts/screenshots/bankDropdown.ts
 */
import { join } from 'path';

import { startSandbox } from '../../sandbox/server';
import type { WorkflowJson } from '../../test/harness/app/instance';
import { REPO_ROOT } from '../../test/harness/repository';
import { openWorkflow, startEditor } from './editorPage';

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
	const sandbox = await startSandbox({ port: 0 });
	const credential = { baseUrl: sandbox.url, apiKey: sandbox.options.apiKey, serverHash: sandbox.options.serverHash };
	const editor = await startEditor(credential, [{ id: WORKFLOW_ID, workflow }], { width: 1400, height: 900 });
	try {
		const { page } = editor;
		await openWorkflow(page, editor.url, WORKFLOW_ID);
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
		await editor.close();
		await sandbox.close();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
