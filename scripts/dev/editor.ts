import { spawn } from 'child_process';
import { createWriteStream, existsSync, readFileSync, statSync } from 'fs';

import type { N8nInstance } from '../../test/harness/app/n8nCli';
import { N8N_BIN, freePort, n8nEnv } from '../../test/harness/app/n8nCli';

/** A running `n8n start`: the editor, its REST API and the webhook server on one port. */
export interface Editor {
	url: string;
	/** resolves with the exit code when n8n stops, whoever stopped it */
	exited: Promise<number | null>;
	stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 120_000;

/** What this start wrote to the log: its error lines first (n8n logs unrelated errors too), then its last lines. */
function startLog(file: string, from: number, lines = 30): string {
	const written = readFileSync(file).subarray(from).toString('utf8').split('\n');
	const errors = written.filter((line) => /EADDRINUSE|There was an error|^Error|exited/i.test(line));
	return [...errors.slice(0, 10), '…', ...written.slice(-lines)].join('\n');
}

/**
 * Starts `n8n start` on the given port, its output appended to `logFile`, and resolves once
 * /healthz/readiness answers. n8n runs in its own process group, so Ctrl+C in the terminal reaches
 * only this script, which then stops n8n once, cleanly.
 */
export async function startEditor(instance: N8nInstance, port: number, logFile: string): Promise<Editor> {
	const url = `http://127.0.0.1:${port}`;
	const logStart = existsSync(logFile) ? statSync(logFile).size : 0;
	const log = createWriteStream(logFile, { flags: 'a' });
	const child = spawn(process.execPath, [N8N_BIN, 'start'], {
		env: n8nEnv(instance, { N8N_PORT: String(port), WEBHOOK_URL: `${url}/`, N8N_RUNNERS_BROKER_PORT: String(await freePort()) }),
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	child.stdout.pipe(log, { end: false });
	child.stderr.pipe(log, { end: false });
	const exited = new Promise<number | null>((resolveExit) =>
		child.once('exit', (code) => {
			log.end();
			resolveExit(code);
		}),
	);

	const stop = async (): Promise<void> => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		child.kill('SIGTERM');
		const kill = setTimeout(() => child.kill('SIGKILL'), 30_000);
		await exited;
		clearTimeout(kill);
	};

	const deadline = Date.now() + READY_TIMEOUT_MS;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) {
			await exited;
			throw new Error(`n8n exited with ${child.exitCode} while starting (is port ${port} free?); the end of ${logFile}:\n${startLog(logFile, logStart)}`);
		}
		try {
			if ((await fetch(`${url}/healthz/readiness`)).ok) return { url, exited, stop };
		} catch {
			// not listening yet
		}
		await new Promise((resolveWait) => setTimeout(resolveWait, 250));
	}
	await stop();
	throw new Error(`n8n was not ready at ${url} within ${READY_TIMEOUT_MS / 1000} s; the end of ${logFile}:\n${startLog(logFile, logStart)}`);
}
