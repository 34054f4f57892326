import { parseCli, USAGE } from './cliOptions';
import type { SandboxOptions } from './options';
import { startSandbox } from './server';
import { warmUpPdfReader } from './statements/read';

async function main(): Promise<void> {
	let options: Partial<SandboxOptions> | 'help';
	try {
		options = parseCli(process.argv.slice(2));
	} catch (error) {
		console.error(`${(error as Error).message}\n\n${USAGE}`);
		process.exit(2);
	}
	if (options === 'help') {
		console.log(USAGE);
		return;
	}
	const sandbox = await startSandbox(options);
	// the first line is a fixed interface: tests and scripts read the URL from it
	console.log(`BankConnect sandbox listening on ${sandbox.url}`);
	console.log(`API key: ${sandbox.options.apiKey}`);
	console.log(`Server Hash: ${sandbox.options.serverHash}`);
	if (sandbox.options.signingSecret !== null) console.log('Request signing: required (TIMESTAMP + ACCESS_TOKEN)');
	console.log('State is kept in memory only: stopping the sandbox forgets it.');
	// load pdfjs in the background so the first upload is not the slow one
	warmUpPdfReader().catch((error: unknown) => console.error(`PDF reader failed to start: ${String(error)}`));
	const stop = (): void => {
		void sandbox.close().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

void main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
