/**
 * Canvas screenshots for the README: the example workflows opened in the real n8n editor
 * (editorPage.ts), saved as docs/<name>.png.
 *
 *   scripts/screenshots/capture.sh            (sets up n8n and playwright-core, builds, then runs this)
 */
import { join } from 'path';

import { readExample } from '../../test/harness/app/examples';
import type { WorkflowJson } from '../../test/harness/app/instance';
import { REPO_ROOT } from '../../test/harness/repository';
import { triggerWorkflow } from '../../test/harness/app/workflows';
import { openWorkflow, startEditor } from './editorPage';

/** What is shot: the file under docs/ and the workflow shown. */
const SHOTS: Array<{ file: string; id: string; workflow: () => WorkflowJson }> = [
	{ file: 'canvas-statement-to-excel.png', id: 'ShotStmtToExcel1', workflow: () => readExample('main-job/statement-to-excel.json') },
	{ file: 'canvas-banks-down.png', id: 'ShotBanksDown001', workflow: () => readExample('main-job/banks-down.json') },
	{ file: 'canvas-batch-wait-loop.png', id: 'ShotBatchWaitLp1', workflow: () => readExample('06-statement-batch-wait-loop.json') },
	{
		file: 'canvas-trigger.png',
		id: 'ShotTriggerIdent',
		workflow: () => triggerWorkflow('Statement analysed → identity', '5b0c1d2e-3f4a-4b5c-8d6e-7f8091a2b3c4', 'choose-a-secret'),
	},
];

async function main(): Promise<void> {
	const sandboxLike = { baseUrl: 'http://127.0.0.1:4010/bank-connect', apiKey: 'sandbox_api_key', serverHash: 'sandbox_server_hash' };
	const workflows = SHOTS.map((shot) => ({ id: shot.id, workflow: shot.workflow() }));
	const editor = await startEditor(sandboxLike, workflows, { width: 1600, height: 900 });
	try {
		const { page } = editor;
		for (const shot of SHOTS) {
			await openWorkflow(page, editor.url, shot.id);
			await page.keyboard.press('1'); // zoom to fit
			await page.waitForTimeout(1_500);
			const path = join(REPO_ROOT, 'docs', shot.file);
			await page.screenshot({ path });
			console.log(`wrote ${path}`);
		}
	} finally {
		await editor.close();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
