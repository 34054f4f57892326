import { spawn } from 'child_process';
import { join } from 'path';

import { REPO_ROOT } from './repository';

/** A sandbox running in a child process, as `npm run sandbox` starts it. */
export interface SandboxProcess {
	/** e.g. `http://127.0.0.1:41234/bank-connect` — the credential's custom base URL */
	baseUrl: string;
	/** e.g. `http://127.0.0.1:41234` — where the `/__sandbox/...` routes live */
	origin: string;
	apiKey: string;
	serverHash: string;
	stop(): Promise<void>;
}

const LISTENING = /^BankConnect sandbox listening on (http:\/\/\S+\/bank-connect)\s*$/;

/**
 * Starts `tsx sandbox/cli.ts --port 0 ...args` from the repo root and resolves once its first
 * stdout line names the URL. Rejects with the child's stderr if it exits before that.
 */
export function startSandboxProcess(args: string[] = [], startTimeoutMs = 30_000): Promise<SandboxProcess> {
	const child = spawn(join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['sandbox/cli.ts', '--port', '0', ...args], {
		cwd: REPO_ROOT,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: { ...process.env, NODE_OPTIONS: '' },
	});
	let stdout = '';
	let stderr = '';
	let exited = false;
	const exitPromise = new Promise<void>((resolve) => child.once('exit', () => {
		exited = true;
		resolve();
	}));

	const stop = async (): Promise<void> => {
		if (exited) return;
		child.kill('SIGTERM');
		const killTimer = setTimeout(() => child.kill('SIGKILL'), 5_000);
		await exitPromise;
		clearTimeout(killTimer);
	};

	return new Promise<SandboxProcess>((resolve, reject) => {
		const timer = setTimeout(() => {
			void stop();
			reject(new Error(`sandbox did not start within ${startTimeoutMs} ms; stderr:\n${stderr}`));
		}, startTimeoutMs);
		child.stderr.setEncoding('utf8');
		child.stderr.on('data', (chunk: string) => (stderr += chunk));
		child.stdout.setEncoding('utf8');
		child.stdout.on('data', (chunk: string) => {
			stdout += chunk;
			const lines = stdout.split('\n');
			if (lines.length < 4) return; // the URL line, then the API key and Server Hash lines
			clearTimeout(timer);
			const match = LISTENING.exec(lines[0]);
			if (!match) {
				void stop();
				reject(new Error(`unexpected first sandbox line: ${lines[0]}`));
				return;
			}
			const baseUrl = match[1];
			resolve({
				baseUrl,
				origin: baseUrl.replace(/\/bank-connect$/, ''),
				apiKey: valueAfter(lines, 'API key'),
				serverHash: valueAfter(lines, 'Server Hash'),
				stop,
			});
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`sandbox exited with code ${code} before listening; stderr:\n${stderr}`));
		});
	});
}

function valueAfter(lines: string[], label: string): string {
	const line = lines.find((l) => l.startsWith(`${label}: `));
	if (!line) throw new Error(`sandbox did not print "${label}: ..."`);
	return line.slice(label.length + 2).trim();
}
