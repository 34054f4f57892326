import { NodeApiError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { buildApiError } from './errors';

/** Codes of connections that never opened: the upload cannot have reached BankConnect. */
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** How an upload request failed without an HTTP answer. */
export interface ConnectionFailure {
	code: string | null;
	/** False only when the connection never opened; otherwise BankConnect may have stored the statement. */
	mayHaveArrived: boolean;
}

/**
 * The connection failure behind an error thrown by `apiRequest` (built by `buildNetworkError`:
 * a NodeApiError without an HTTP status); undefined for HTTP answers and bad input.
 */
export function connectionFailureOf(error: unknown): ConnectionFailure | undefined {
	// n8n files a network error's code (e.g. ECONNRESET) as its httpCode: only a real status means an answer
	if (!(error instanceof NodeApiError) || /^\d{3}$/.test(String(error.httpCode ?? ''))) return undefined;
	const response = error.errorResponse;
	if (!response || !String(response.message ?? '').startsWith('Could not reach BankConnect')) return undefined;
	const code = typeof response.code === 'string' ? response.code : null;
	return { code, mayHaveArrived: code === null || !NEVER_SENT_CODES.has(code) };
}

/**
 * The entity upload routes answer `{entity_id, message}` without a code; these messages (the ones
 * the vendor's SDK matches) mean the same as the session route's codes, so the error carries that code.
 * "PDF is not parsable" stays without one: it covers both PDF_IS_IMAGE and a corrupt file.
 */
const CODE_OF_MESSAGE: Array<[RegExp, string]> = [
	[/^Password incorrect$/i, 'PASSWORD_INCORRECT'],
	[/^Unable to detect bank/i, 'BANK_NAME_UNDETECTED'],
	[/^Not \S+ bank statement$/i, 'BANK_NAME_MISMATCH'],
	[/^A duplicate statement has been detected$/i, 'STATEMENT_DUPLICATE'],
	[/^file: Invalid Base 64 string$/i, 'INVALID_BASE_64'],
];

/** Adds the session route's code to an entity upload error that has none; other errors are returned as they are. */
export function withUploadCode(error: unknown, node: INode): unknown {
	if (!(error instanceof NodeApiError) || !/^\d{3}$/.test(String(error.httpCode ?? ''))) return error;
	const response = error.errorResponse ?? {};
	if (response.code) return error;
	const entityId = typeof response.entity_id === 'string' ? response.entity_id : null;
	const message = String(response.message ?? '').replace(entityId ? ` (entity_id ${entityId})` : /$^/, '');
	const code = CODE_OF_MESSAGE.find(([pattern]) => pattern.test(message))?.[1];
	if (!code) return error;
	return buildApiError(
		node,
		Number(error.httpCode),
		{ entity_id: entityId, error: { code, message } },
		'',
		{ itemIndex: error.context.itemIndex as number | undefined },
	);
}
