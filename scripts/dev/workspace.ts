import { createHash } from 'crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';

import type { SandboxProcess } from '../../test/harness/sandboxProcess';
import { importCredential, withSandboxCredential } from '../../test/harness/app/instance';
import type { WorkflowJson } from '../../test/harness/app/instance';
import type { N8nInstance } from '../../test/harness/app/n8nCli';
import { runN8nOk } from '../../test/harness/app/n8nCli';
import { REPO_ROOT } from '../../test/harness/repository';

export { CREDENTIAL_NAME } from '../../test/harness/app/instance';

/** One example workflow of examples/ and the id it has in the dev instance. */
export interface Example {
	file: string;
	id: string;
	name: string;
}

/** What this script imported into a user folder, so a restart does not import it twice. */
const STATE_FILE = 'bankconnect-dev.json';

interface DevState {
	importedExamples: string[];
}

/** The importable workflows of examples/ (the top level; main-job/ holds the demo's). */
export function listExamples(): Example[] {
	const folder = join(REPO_ROOT, 'examples');
	return readdirSync(folder)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			const workflow = JSON.parse(readFileSync(join(folder, file), 'utf8')) as WorkflowJson;
			// a stable id per file: n8n's ids are 16 letters or digits
			return { file, id: createHash('sha256').update(file).digest('hex').slice(0, 16), name: workflow.name };
		});
}

function readState(userFolder: string): DevState {
	const path = join(userFolder, STATE_FILE);
	return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as DevState) : { importedExamples: [] };
}

/**
 * The BankConnect credential pointing at this run's sandbox (imported on every start, since the
 * sandbox's URL may change), then each example not imported into this user folder before, with its
 * BankConnect nodes using that credential. Examples imported earlier are left as the user edited them.
 */
export async function importCredentialAndExamples(instance: N8nInstance, sandbox: SandboxProcess): Promise<Example[]> {
	await importCredential(instance, sandbox);
	const examples = listExamples();
	const state = readState(instance.userFolder);
	const missing = examples.filter((example) => !state.importedExamples.includes(example.id));
	if (missing.length > 0) {
		const folder = mkdtempSync(join(instance.userFolder, 'examples-'));
		try {
			for (const example of missing) {
				const workflow = JSON.parse(readFileSync(join(REPO_ROOT, 'examples', example.file), 'utf8')) as WorkflowJson;
				writeFileSync(join(folder, `${example.id}.json`), JSON.stringify({ ...withSandboxCredential(workflow), id: example.id }));
			}
			await runN8nOk(instance, ['import:workflow', '--separate', `--input=${folder}`]);
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
		const imported: DevState = { importedExamples: [...state.importedExamples, ...missing.map((example) => example.id)] };
		writeFileSync(join(instance.userFolder, STATE_FILE), `${JSON.stringify(imported, null, 2)}\n`);
	}
	return examples;
}
