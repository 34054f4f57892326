/**
 * Where the demo runs: a real BankConnect account when BANKCONNECT_API_KEY and
 * BANKCONNECT_SERVER_HASH are set, otherwise the sandbox, started here on a free port.
 */
import { readFile } from 'fs/promises';
import { basename } from 'path';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { PRODUCTION_BASE_URL } from '../../credentials/BankConnectApi.credentials';
import { startSandbox } from '../../sandbox/server';
import type { StatementFile } from './mainJob';

export interface DemoTarget {
	/** e.g. "the sandbox at http://127.0.0.1:41234/bank-connect" */
	label: string;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	isSandbox: boolean;
	stop(): Promise<void>;
}

export const ENV = {
	apiKey: 'BANKCONNECT_API_KEY',
	serverHash: 'BANKCONNECT_SERVER_HASH',
	baseUrl: 'BANKCONNECT_BASE_URL',
	signingSecret: 'BANKCONNECT_SIGNING_SECRET',
	statement: 'BANKCONNECT_STATEMENT_PDF',
	protectedStatement: 'BANKCONNECT_PROTECTED_PDF',
	pdfPassword: 'BANKCONNECT_PDF_PASSWORD',
} as const;

function credentialsFor(apiKey: string, serverHash: string, baseUrl: string | undefined, signingSecret: string) {
	return {
		bankConnectApi: {
			apiKey,
			serverHashSecret: serverHash,
			environment: baseUrl ? 'custom' : PRODUCTION_BASE_URL,
			baseUrl: baseUrl ?? '',
			signingSecret,
		},
	};
}

export function usesRealAccount(env: NodeJS.ProcessEnv = process.env): boolean {
	return Boolean(env[ENV.apiKey] && env[ENV.serverHash]);
}

export async function realAccount(env: NodeJS.ProcessEnv = process.env): Promise<DemoTarget> {
	const baseUrl = env[ENV.baseUrl] || undefined;
	return {
		label: `the BankConnect account at ${baseUrl ?? PRODUCTION_BASE_URL}`,
		credentials: credentialsFor(env[ENV.apiKey]!, env[ENV.serverHash]!, baseUrl, env[ENV.signingSecret] ?? ''),
		isSandbox: false,
		stop: async () => undefined,
	};
}

/** The sandbox in this process on a free port; statements are analysed in about a second. */
export async function sandboxAccount(): Promise<DemoTarget> {
	const sandbox = await startSandbox({ port: 0, processingMs: 1000 });
	return {
		label: `the sandbox at ${sandbox.url}`,
		credentials: credentialsFor(sandbox.options.apiKey, sandbox.options.serverHash, sandbox.url, ''),
		isSandbox: true,
		stop: async () => await sandbox.close(),
	};
}

export async function statementFromFile(path: string): Promise<StatementFile> {
	return { bytes: await readFile(path), fileName: basename(path) };
}
