/**
 * Child process of install.test.ts, started with NODE_PATH pointing at a folder that holds only
 * n8n-workflow and zod — as n8n puts its own node_modules on NODE_PATH for community packages.
 * Loads the installed package with n8n-core's PackageDirectoryLoader, reports what it registered,
 * and runs a workflow with the loaded classes against the sandbox. Prints one JSON line.
 *
 * argv: <installed package folder> <sandbox base URL> <statement PDF path>
 */
import { readFileSync } from 'fs';
import { PackageDirectoryLoader } from 'n8n-core';
import type { INodeTypeDescription } from 'n8n-workflow';

import { formSubmission } from '../harness/binaryItems';
import { bankConnectCredentials, readWorkflow, runWorkflow } from '../harness/engine';
import { Recorder, thirdPartyTypes } from '../harness/recorder';

type IconUrl = string | { light: string; dark: string } | undefined;

async function main(): Promise<void> {
	const [packageDir, baseUrl, statementPath] = process.argv.slice(2);
	const loader = new PackageDirectoryLoader(packageDir);
	await loader.loadAll();

	const nodes = Object.entries(loader.nodeTypes).map(([name, { type, sourcePath }]) => {
		const description = type.description as INodeTypeDescription & { iconUrl?: IconUrl };
		return { name, sourcePath, iconUrl: description.iconUrl, codex: description.codex };
	});
	const credentials = Object.entries(loader.credentialTypes).map(([name, { type, sourcePath }]) => ({
		name,
		sourcePath,
		iconUrl: (type as { iconUrl?: IconUrl }).iconUrl,
		supportedNodes: type.supportedNodes,
	}));
	const workflowModules = Object.keys(require.cache).filter((path) => path.startsWith(packageDir));
	const nodeWorkflowModule = require.resolve('n8n-workflow', { paths: [packageDir] });

	const workflow = readWorkflow('examples/main-job/statement-to-excel.json');
	const submission = await formSubmission({}, {
		Statement: { bytes: readFileSync(statementPath), fileName: 'statement.pdf', mimeType: 'application/pdf' },
	});
	const run = await runWorkflow(workflow, {
		credentials: bankConnectCredentials(baseUrl),
		loader,
		startItems: [submission],
		startNode: 'Statement Form',
		recordTypes: thirdPartyTypes(workflow),
		recorder: new Recorder(),
	});
	const errors = workflow.nodes.map((node) => run.nodeError(node.name)?.message).filter(Boolean);
	const transactions = errors.length ? [] : run.output('Upload and Get Transactions').map((item) => item.json);
	const reports = errors.length ? [] : run.output('Get Excel Report').map((item) => item.binary?.report?.fileName);

	process.stdout.write(
		`${JSON.stringify({ nodes, credentials, loadedFromPackage: workflowModules.length, nodeWorkflowModule, errors, transactions, reports })}\n`,
	);
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
		process.exit(1);
	},
);
