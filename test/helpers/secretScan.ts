/**
 * Asserts that secrets (API key, Server Hash, signing secret, webhook secret) never appear in
 * output items, errors (message, description, cause, context, stack) or captured log lines.
 */
import { LoggerProxy } from 'n8n-workflow';
import type { Logger } from 'n8n-workflow';

import type { WorkflowRun } from './engine';

/** Where a secret was found, e.g. `output[3].json.error` or `log[12]`. */
export interface SecretFinding {
	where: string;
	secretName: string;
}

export type NamedSecrets = Record<string, string | undefined>;

/** Walks any value (errors too, with their non-enumerable fields) and reports every string holding a secret. */
export function findSecrets(value: unknown, secrets: NamedSecrets, where = 'value'): SecretFinding[] {
	const wanted = Object.entries(secrets).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].length >= 4);
	const findings: SecretFinding[] = [];
	const seen = new Set<unknown>();
	const visit = (current: unknown, path: string, depth: number) => {
		if (typeof current === 'string') {
			for (const [secretName, secret] of wanted) if (current.includes(secret)) findings.push({ where: path, secretName });
			return;
		}
		if (Buffer.isBuffer(current) || current instanceof Uint8Array) {
			visit(Buffer.from(current).toString('latin1'), path, depth);
			return;
		}
		if (typeof current !== 'object' || current === null || seen.has(current) || depth > 12) return;
		seen.add(current);
		const keys = current instanceof Error ? Object.getOwnPropertyNames(current) : Object.keys(current);
		for (const key of keys) {
			if (typeof key === 'string') for (const [secretName, secret] of wanted) if (key.includes(secret)) findings.push({ where: `${path} (key)`, secretName });
			visit((current as Record<string, unknown>)[key], `${path}.${key}`, depth + 1);
		}
	};
	visit(value, where, 0);
	return findings;
}

/** Throws a readable failure when any secret is found in `value`. */
export function expectNoSecrets(value: unknown, secrets: NamedSecrets, where = 'value'): void {
	const findings = findSecrets(value, secrets, where);
	if (findings.length > 0) {
		throw new Error(`secrets leaked:\n${findings.map((f) => `  ${f.secretName} in ${f.where}`).join('\n')}`);
	}
}

/** Every output item, node error and the run's own error of a workflow run. */
export function expectRunHasNoSecrets(run: WorkflowRun, secrets: NamedSecrets): void {
	const resultData = run.run.data.resultData;
	expectNoSecrets(resultData.runData, secrets, 'runData');
	expectNoSecrets(resultData.error, secrets, 'run error');
}

export interface CapturedLogs {
	lines: string[];
	restore(): void;
}

/**
 * Captures what would be logged while a test runs: console.*, process stdout/stderr writes and
 * n8n's LoggerProxy (which n8n-core and nodes log through).
 */
export function captureLogs(): CapturedLogs {
	const lines: string[] = [];
	const record = (level: string) => (...args: unknown[]) => {
		lines.push(`${level} ${args.map((arg) => (typeof arg === 'string' ? arg : safeStringify(arg))).join(' ')}`);
	};
	const originals = {
		log: console.log,
		info: console.info,
		warn: console.warn,
		error: console.error,
		debug: console.debug,
		stdout: process.stdout.write,
		stderr: process.stderr.write,
	};
	console.log = record('console.log');
	console.info = record('console.info');
	console.warn = record('console.warn');
	console.error = record('console.error');
	console.debug = record('console.debug');
	const captureStream = (name: string) =>
		((chunk: unknown) => {
			lines.push(`${name} ${String(chunk)}`);
			return true;
		}) as typeof process.stdout.write;
	process.stdout.write = captureStream('stdout');
	process.stderr.write = captureStream('stderr');
	const logger: Logger = {
		error: record('n8n.error'),
		warn: record('n8n.warn'),
		info: record('n8n.info'),
		debug: record('n8n.debug'),
		scoped: () => logger,
	} as unknown as Logger;
	LoggerProxy.init(logger);
	return {
		lines,
		restore() {
			console.log = originals.log;
			console.info = originals.info;
			console.warn = originals.warn;
			console.error = originals.error;
			console.debug = originals.debug;
			process.stdout.write = originals.stdout;
			process.stderr.write = originals.stderr;
		},
	};
}

function safeStringify(value: unknown): string {
	if (value instanceof Error) return `${value.name}: ${value.message} ${JSON.stringify(Object.fromEntries(Object.getOwnPropertyNames(value).map((k) => [k, String((value as unknown as Record<string, unknown>)[k])])))}`;
	try {
		return JSON.stringify(value);
	} catch {
		return String(value);
	}
}
