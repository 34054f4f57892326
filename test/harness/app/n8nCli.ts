import { spawn } from 'child_process';
import { createServer } from 'net';
import { join } from 'path';

import { REPO_ROOT } from '../repository';

/** Where scripts/n8nApp/setup.sh installs the app. */
export const N8N_BIN = join(REPO_ROOT, '.n8n-app', 'app', 'node_modules', 'n8n', 'bin', 'n8n');

/** What every n8n process of one test instance shares: its user folder and encryption key. */
export interface N8nInstance {
	userFolder: string;
	/** extra environment, e.g. the database and queue settings of queue mode */
	env: Record<string, string>;
}

export interface CliResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
	return await new Promise((resolvePort, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolvePort(port));
		});
	});
}

/**
 * The environment of an n8n process: a private user folder, no calls home, secure cookies off (the
 * tests speak plain HTTP on loopback), and the given ports; jest's own settings are dropped.
 */
export function n8nEnv(instance: N8nInstance, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env };
	for (const key of Object.keys(env)) {
		if (/^(N8N_|DB_|QUEUE_|JEST_)/.test(key) || key === 'NODE_OPTIONS') delete env[key];
	}
	// jest sets NODE_ENV=test, under which n8n silences its output
	env.NODE_ENV = 'production';
	return {
		...env,
		N8N_USER_FOLDER: instance.userFolder,
		N8N_ENCRYPTION_KEY: 'bankconnect-n8n-app-tests-key',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_HOST: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_LOG_OUTPUT: 'console',
		...instance.env,
		...extra,
	};
}

/** Runs `n8n <args>` to completion (import, execute, publish, export…) with a free runner broker port. */
export async function runN8n(instance: N8nInstance, args: string[], timeoutMs = 120_000): Promise<CliResult> {
	const brokerPort = await freePort();
	const child = spawn(process.execPath, [N8N_BIN, ...args], {
		env: n8nEnv(instance, { N8N_RUNNERS_BROKER_PORT: String(brokerPort) }),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
	return await new Promise((resolveRun, reject) => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`n8n ${args.join(' ')} ran longer than ${timeoutMs} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`));
		}, timeoutMs);
		child.once('error', reject);
		child.once('exit', (code) => {
			clearTimeout(timer);
			resolveRun({ code, stdout, stderr });
		});
	});
}

/** Like runN8n, but a non-zero exit is an error carrying n8n's output. */
export async function runN8nOk(instance: N8nInstance, args: string[], timeoutMs?: number): Promise<CliResult> {
	const result = await runN8n(instance, args, timeoutMs);
	if (result.code !== 0) {
		throw new Error(`n8n ${args.join(' ')} exited with ${result.code}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
	}
	return result;
}
