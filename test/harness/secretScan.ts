/**
 * The secret check every engine run goes through: the credential's API key, Server Hash and
 * signing secret, every ACCESS_TOKEN signed during the run, the secret parameters of the workflow
 * (a PDF password) and any extra secret (a trigger's webhook secret) must never appear in an
 * output item, an error (message, description, cause, context, stack) or a line n8n logged.
 */
import { Container } from '@n8n/di';
import type { ServiceIdentifier } from '@n8n/di';
import { createHmac } from 'crypto';
import { LoggerProxy } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, INode, Logger } from 'n8n-workflow';
import { dirname } from 'path';

/** Secrets by name, e.g. `{ apiKey: '…' }`; empty and very short values are ignored. */
export type NamedSecrets = Record<string, string | undefined>;

/** Where a secret was found, e.g. `runData.BankConnect[0].data.main[0][3].json.error` or `log[12]`. */
export interface SecretFinding {
	where: string;
	secretName: string;
}

function isNodeDefinition(value: unknown): boolean {
	return typeof value === 'object' && value !== null && 'parameters' in value && 'typeVersion' in value && 'type' in value;
}

/** Walks any value (errors with their non-enumerable fields, buffers as text) and reports every string or key holding a secret. */
export function findSecrets(value: unknown, secrets: NamedSecrets, where = 'value'): SecretFinding[] {
	const wanted = Object.entries(secrets).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].length >= 4);
	const findings: SecretFinding[] = [];
	const seen = new Set<unknown>();
	const check = (text: string, path: string) => {
		for (const [secretName, secret] of wanted) if (text.includes(secret)) findings.push({ where: path, secretName });
	};
	const visit = (current: unknown, path: string, depth: number) => {
		if (typeof current === 'string') return check(current, path);
		if (Buffer.isBuffer(current) || current instanceof Uint8Array) return check(Buffer.from(current).toString('latin1'), path);
		if (typeof current !== 'object' || current === null || seen.has(current) || depth > 16) return;
		seen.add(current);
		const keys = current instanceof Error ? [...new Set([...Object.getOwnPropertyNames(current), 'message', 'stack', 'cause'])] : Object.keys(current);
		for (const key of keys) {
			// an n8n error carries the node's own definition (the saved workflow, which holds its parameters)
			if (key === 'node' && isNodeDefinition((current as Record<string, unknown>)[key])) continue;
			check(key, `${path} (key)`);
			visit((current as Record<string, unknown>)[key], `${path}.${key}`, depth + 1);
		}
	};
	if (wanted.length > 0) visit(value, where, 0);
	return findings;
}

/** Throws an error naming every place a secret was found. */
export function assertNoSecrets(value: unknown, secrets: NamedSecrets, where = 'value'): void {
	const findings = findSecrets(value, secrets, where);
	if (findings.length > 0) {
		throw new Error(`secrets leaked:\n${findings.map((f) => `  ${f.secretName} in ${f.where}`).join('\n')}`);
	}
}

/** The secret values of the credentials a run was given: every field whose name says key, hash or secret. */
export function credentialSecrets(credentials: Record<string, ICredentialDataDecryptedObject>): NamedSecrets {
	const secrets: NamedSecrets = {};
	for (const [type, data] of Object.entries(credentials)) {
		for (const [field, value] of Object.entries(data)) {
			if (/key|hash|secret|token|password/i.test(field) && typeof value === 'string') secrets[`${type}.${field}`] = value;
		}
	}
	return secrets;
}

/** Every ACCESS_TOKEN (hex HMAC-SHA256 of the Unix second) a credential with a signing secret may have sent between two instants. */
export function accessTokenSecrets(credentials: Record<string, ICredentialDataDecryptedObject>, fromMs: number, toMs: number): NamedSecrets {
	const secrets: NamedSecrets = {};
	for (const [type, data] of Object.entries(credentials)) {
		const secret = data.signingSecret;
		if (typeof secret !== 'string' || secret === '') continue;
		for (let second = Math.floor(fromMs / 1000) - 1; second <= Math.floor(toMs / 1000) + 1; second++) {
			secrets[`${type}.ACCESS_TOKEN@${second}`] = createHmac('sha256', secret).update(String(second)).digest('hex');
		}
	}
	return secrets;
}

/** Literal values of the workflow's password and secret parameters (e.g. PDF Password), at any depth. */
export function parameterSecrets(nodes: INode[]): NamedSecrets {
	const secrets: NamedSecrets = {};
	const visit = (value: unknown, path: string) => {
		if (typeof value !== 'object' || value === null) return;
		for (const [key, entry] of Object.entries(value)) {
			if (/password|secret/i.test(key) && typeof entry === 'string' && !entry.startsWith('=')) secrets[`${path}.${key}`] = entry;
			visit(entry, `${path}.${key}`);
		}
	};
	for (const node of nodes) visit(node.parameters, `${node.name}.parameters`);
	return secrets;
}

const activeRecorders = new Set<string[]>();
let recorderInstalled = false;

function stringify(value: unknown): string {
	if (typeof value === 'string') return value;
	try {
		return JSON.stringify(value, (key, entry: unknown) => {
			// n8n logs a failed node's definition, i.e. the saved workflow (as findSecrets skips it in errors)
			if (key === 'node' && isNodeDefinition(entry)) return '[node definition]';
			return entry instanceof Error ? { ...entry, name: entry.name, message: entry.message, stack: entry.stack } : entry;
		});
	} catch {
		return String(value);
	}
}

/**
 * The Logger class whose instance n8n-core's contexts hand a node as `this.logger` (from n8n's DI
 * container), as n8n-core resolves it. Left alone, its first use would also take over LoggerProxy.
 */
function nodeLoggerToken(): ServiceIdentifier<unknown> {
	const backendCommon = require.resolve('@n8n/backend-common', { paths: [dirname(require.resolve('n8n-core'))] });
	return (require(backendCommon) as { Logger: ServiceIdentifier<unknown> }).Logger;
}

/**
 * Starts recording what nodes and n8n-core log, through n8n's LoggerProxy or a node's `this.logger`
 * (the loggers a node may use). Call `stop()` to get the lines. Several recordings may overlap.
 */
export function recordLogLines(): { lines: string[]; stop(): string[] } {
	if (!recorderInstalled) {
		const write = (level: string) => (message: unknown, meta?: unknown) => {
			const line = `${level} ${stringify(message)}${meta === undefined ? '' : ` ${stringify(meta)}`}`;
			for (const lines of activeRecorders) lines.push(line);
		};
		const logger = { error: write('error'), warn: write('warn'), info: write('info'), debug: write('debug') } as Logger;
		(logger as Logger & { scoped: () => Logger }).scoped = () => logger;
		LoggerProxy.init(logger);
		Container.set(nodeLoggerToken(), logger);
		recorderInstalled = true;
	}
	const lines: string[] = [];
	activeRecorders.add(lines);
	return {
		lines,
		stop() {
			activeRecorders.delete(lines);
			return lines;
		},
	};
}
