import { spawn } from 'child_process';
import type { ChildProcess } from 'child_process';

import type { N8nInstance } from './n8nCli';
import { N8N_BIN, freePort, n8nEnv } from './n8nCli';

/** A long-running n8n process: `start` (main), `worker` or `webhook`. */
export interface N8nProcess {
	command: string;
	/** http://127.0.0.1:PORT — the editor/REST server of main, the webhook server of `webhook`, the health server of a worker */
	url: string;
	port: number;
	/** everything it printed so far (stdout and stderr) */
	log(): string;
	stop(): Promise<void>;
}

export interface StartOptions {
	/** where the sandbox must deliver: the public webhook base URL (default: this process's own URL) */
	webhookUrl?: string;
	env?: Record<string, string>;
	/** the path that answers 200 once the process is ready */
	readyPath?: string;
	timeoutMs?: number;
}

async function waitUntilReady(child: ChildProcess, url: string, output: () => string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`n8n exited with ${child.exitCode} while starting:\n${output()}`);
		try {
			const response = await fetch(url);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolveWait) => setTimeout(resolveWait, 250));
	}
	throw new Error(`n8n was not ready at ${url} within ${timeoutMs} ms:\n${output()}`);
}

/**
 * Starts `n8n <command>` on a free port (and a different free task-runner broker port) and resolves
 * once `readyPath` answers 200. Workers serve their health check on QUEUE_HEALTH_CHECK_PORT.
 */
export async function startN8nProcess(instance: N8nInstance, command: 'start' | 'worker' | 'webhook', options: StartOptions = {}): Promise<N8nProcess> {
	const port = await freePort();
	const brokerPort = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const portEnv: Record<string, string> =
		command === 'worker'
			? { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(port), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' }
			: { N8N_PORT: String(port), WEBHOOK_URL: `${options.webhookUrl ?? url}/` };
	const child = spawn(process.execPath, [N8N_BIN, command], {
		env: n8nEnv(instance, { ...portEnv, N8N_RUNNERS_BROKER_PORT: String(brokerPort), ...options.env }),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));

	const stop = async (): Promise<void> => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		child.kill('SIGTERM');
		const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
		await exited;
		clearTimeout(kill);
	};

	try {
		await waitUntilReady(child, `${url}${options.readyPath ?? '/healthz/readiness'}`, () => output, options.timeoutMs ?? 90_000);
	} catch (error) {
		await stop();
		throw error;
	}
	return { command, url, port, log: () => output, stop };
}
