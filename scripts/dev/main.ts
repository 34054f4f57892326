/**
 * `npm run dev [-- options]`: the sandbox and the real n8n editor with this package installed as n8n
 * installs community packages, a BankConnect credential for the sandbox and the examples imported.
 * A change under credentials/ or nodes/ rebuilds the package, reinstalls it and restarts n8n.
 * Ctrl+C (or SIGTERM) stops n8n and the sandbox and exits 0.
 */
import { mkdirSync } from 'fs';
import { join } from 'path';

import { startSandboxProcess } from '../../test/harness/sandboxProcess';
import type { SandboxProcess } from '../../test/harness/sandboxProcess';
import type { N8nInstance } from '../../test/harness/app/n8nCli';
import { freePort } from '../../test/harness/app/n8nCli';
import { startEditor } from './editor';
import type { Editor } from './editor';
import { USAGE, parseDevOptions } from './options';
import type { DevOptions } from './options';
import { buildPackage, installIntoUserFolder } from './package';
import { watchSources } from './watch';
import { CREDENTIAL_NAME, importCredentialAndExamples } from './workspace';
import type { Example } from './workspace';

let sandbox: SandboxProcess | undefined;
let editor: Editor | undefined;
let closeWatcher: (() => void) | undefined;
let reloading: Promise<void> | undefined;
let reloadAgain = false;
let stopping = false;

function printReady(options: DevOptions, sandboxUrl: string, apiKey: string, serverHash: string, examples: Example[], logFile: string): void {
	console.log(
		[
			'',
			'BankConnect dev: the n8n editor with this package, against the local sandbox',
			`  Editor:      ${editor!.url}`,
			`  Sandbox:     ${sandboxUrl}`,
			`               API key ${apiKey}, Server Hash ${serverHash}; state in memory only`,
			`  Credential:  "${CREDENTIAL_NAME}" (Custom Base URL = the sandbox)`,
			`  Examples:    ${examples.map((example) => example.file).join(', ')}`,
			`  User folder: ${options.userFolder} (n8n's log: ${logFile})`,
			'A change under credentials/ or nodes/ rebuilds the package and restarts n8n. Ctrl+C stops both.',
			'',
		].join('\n'),
	);
}

/** Reports an n8n that stopped by itself (a crash), so the user knows to look at its log. */
function watchForCrash(current: Editor, logFile: string): void {
	void current.exited.then((code) => {
		if (!stopping && editor === current && !reloading) {
			console.error(`n8n stopped by itself (exit ${code}); see ${logFile}. Save a source file to rebuild and start it again.`);
			editor = undefined;
		}
	});
}

async function reload(instance: N8nInstance, port: number, logFile: string, file: string): Promise<void> {
	console.log(`${file} changed: rebuilding…`);
	try {
		await buildPackage();
	} catch (error) {
		console.error((error as Error).message);
		console.error('n8n keeps running the last build that passed.');
		return;
	}
	if (stopping) return;
	console.log('Built; restarting n8n with the new package…');
	await editor?.stop();
	editor = undefined;
	installIntoUserFolder(instance.userFolder);
	try {
		editor = await startEditor(instance, port, logFile);
	} catch (error) {
		// a loaded machine may not have let go of the old n8n's port or database yet: one more try
		console.error(`${(error as Error).message}\nTrying once more in 3 s…`);
		await new Promise((resolveWait) => setTimeout(resolveWait, 3_000));
		try {
			editor = await startEditor(instance, port, logFile);
		} catch (again) {
			console.error((again as Error).message);
			return;
		}
	}
	watchForCrash(editor, logFile);
	console.log(`Reloaded. Editor: ${editor.url}`);
}

function requestReload(instance: N8nInstance, port: number, logFile: string, file: string): void {
	if (stopping) return;
	if (reloading) {
		reloadAgain = true;
		return;
	}
	reloading = reload(instance, port, logFile, file).finally(() => {
		reloading = undefined;
		if (reloadAgain) {
			reloadAgain = false;
			requestReload(instance, port, logFile, 'a source file');
		}
	});
}

async function shutDown(code: number): Promise<never> {
	stopping = true;
	closeWatcher?.();
	await reloading?.catch(() => undefined);
	await editor?.stop();
	await sandbox?.stop();
	process.exit(code);
}

async function main(): Promise<void> {
	let options: DevOptions | 'help';
	try {
		options = parseDevOptions(process.argv.slice(2));
	} catch (error) {
		console.error(`${(error as Error).message}\n\n${USAGE}`);
		process.exit(2);
	}
	if (options === 'help') {
		console.log(USAGE);
		return;
	}
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.once(signal, () => {
			console.log(`\n${signal}: stopping n8n and the sandbox…`);
			void shutDown(0);
		});
	}

	mkdirSync(options.userFolder, { recursive: true });
	const instance: N8nInstance = { userFolder: options.userFolder, env: {} };
	const logFile = join(options.userFolder, 'n8n.log');
	const port = options.port === 0 ? await freePort() : options.port;

	console.log('Building the package…');
	await buildPackage();
	installIntoUserFolder(options.userFolder);
	sandbox = await startSandboxProcess(['--port', String(options.sandboxPort)]);
	console.log('Importing the credential and the examples…');
	const examples = await importCredentialAndExamples(instance, sandbox);
	console.log(`Starting n8n (its log: ${logFile})…`);
	editor = await startEditor(instance, port, logFile);
	watchForCrash(editor, logFile);
	if (stopping) return;
	printReady(options, sandbox.baseUrl, sandbox.apiKey, sandbox.serverHash, examples, logFile);
	closeWatcher = watchSources((file) => requestReload(instance, port, logFile, file));
}

main().catch(async (error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	await shutDown(1);
});
