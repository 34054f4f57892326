/**
 * The one place a failure becomes a NodeApiError or NodeOperationError: BankConnect's answers,
 * dropped connections, dead download links, an upload whose outcome is unknown, bad input, the
 * node's own stops, and the error item continueOnFail outputs.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INode, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { nextStepFor } from './nextSteps';
import { redactText, redactValue } from './redact';

/** What the caller knows about a request, to word its error. */
export interface ErrorContext {
	itemIndex?: number;
	/** e.g. "entity 1234": a 404 then reads "entity 1234 not found". */
	resource?: string;
}

/** BankConnect's own description of a failure, whatever shape it came in. */
export interface BankConnectFailure {
	code: string | null;
	message: string;
	entityId: string | null;
	statementId: string | null;
	sessionId: string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
	return typeof value === 'string' && value !== '' ? value : null;
}

function summariseNonJson(body: string, status: number): string {
	const plain = body
		.replace(/<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return plain === '' ? `HTTP ${status} with an empty body` : plain.slice(0, 200);
}

/**
 * The entity upload routes answer `{entity_id, message}` without a code; these messages (the ones
 * the vendor's SDK matches) mean the same as the session route's codes, so the failure carries that code.
 * "PDF is not parsable" stays without one: it covers both PDF_IS_IMAGE and a corrupt file.
 */
const CODE_OF_MESSAGE: Array<[RegExp, string]> = [
	[/^Password incorrect$/i, 'PASSWORD_INCORRECT'],
	[/^Unable to detect bank/i, 'BANK_NAME_UNDETECTED'],
	[/^Not \S+ bank statement$/i, 'BANK_NAME_MISMATCH'],
	[/^A duplicate statement has been detected$/i, 'STATEMENT_DUPLICATE'],
	[/^file: Invalid Base 64 string$/i, 'INVALID_BASE_64'],
];

function messageOf(body: Record<string, unknown>): string {
	if (isRecord(body.error)) return text(body.error.message) ?? '';
	if (text(body.detail)) return body.detail as string;
	if (text(body.message)) return body.message as string;
	return Object.entries(body)
		.filter(([, value]) => Array.isArray(value) || typeof value === 'string')
		.map(([field, value]) => `${field}: ${Array.isArray(value) ? value.join(' ') : value}`)
		.join('; ');
}

/** Reads every error shape of the API (docs/bankconnect-api.md, "Errors"): {error:{code,message}}, {detail}, {entity_id, message}, {field: [msg]}, non-JSON. */
export function readFailure(status: number, body: unknown, rawText: string): BankConnectFailure {
	const failure: BankConnectFailure = {
		code: null,
		message: '',
		entityId: null,
		statementId: null,
		sessionId: null,
	};
	if (isRecord(body)) {
		failure.entityId = text(body.entity_id);
		failure.statementId = text(body.statement_id);
		failure.sessionId = text(body.session_id);
		failure.code = isRecord(body.error) ? text(body.error.code) : null;
		failure.message = messageOf(body);
		if (failure.message === '') failure.message = `HTTP ${status}`;
	} else {
		failure.message = summariseNonJson(rawText, status);
	}
	failure.code ??= CODE_OF_MESSAGE.find(([pattern]) => pattern.test(failure.message))?.[1] ?? null;
	return failure;
}

function describe(failure: BankConnectFailure, status: number): string {
	const parts = [`HTTP status ${status}`];
	if (failure.code) parts.push(`code ${failure.code}`);
	if (failure.entityId) parts.push(`entity_id ${failure.entityId}`);
	if (failure.sessionId) parts.push(`session_id ${failure.sessionId}`);
	if (failure.statementId) parts.push(`statement_id ${failure.statementId}`);
	const facts = parts.join(', ');
	const nextStep = nextStepFor(failure.code, status, failure.message);
	return nextStep ? `${facts}. Next step: ${nextStep}.` : facts;
}

/**
 * An HTTP answer that is not a success: message = BankConnect's code and message. `secrets` (from
 * knownSecrets) are replaced in the answer before anything is read from it: an error page may echo
 * the request's headers and body.
 */
export function buildApiError(
	node: INode,
	status: number,
	body: unknown,
	rawText: string,
	context: ErrorContext = {},
	secrets: readonly string[] = [],
): NodeApiError {
	const failure = readFailure(status, redactValue(body, secrets), redactText(rawText, secrets));
	let message = failure.code ? `${failure.code}: ${failure.message}` : failure.message;
	if (status === 404 && context.resource && failure.code === null) {
		message = `${context.resource} not found`;
	}
	if (failure.entityId && !message.includes(failure.entityId)) {
		message = `${message} (entity_id ${failure.entityId})`;
	}
	const errorResponse: JsonObject = {
		code: failure.code,
		message,
		httpCode: String(status),
		entity_id: failure.entityId,
		statement_id: failure.statementId,
		session_id: failure.sessionId,
	};
	return new NodeApiError(node, errorResponse, {
		message,
		description: describe(failure, status),
		httpCode: String(status),
		itemIndex: context.itemIndex,
	});
}

/** Where a redirect pointed, as it may be shown: the host only (its path and query may carry anything). */
function redirectTarget(location: string | undefined): string {
	if (location === undefined || location.trim() === '') return 'no address';
	const placeholderOrigin = 'https://same-origin.invalid';
	let target: URL;
	try {
		target = new URL(location.trim(), placeholderOrigin);
	} catch {
		return 'an address that is not a URL';
	}
	return target.origin === placeholderOrigin ? 'another path of the same host' : target.host;
}

/** A 3xx answer from the API: never followed, since the credential's headers and the body would go along. */
export function buildRedirectError(
	node: INode,
	status: number,
	location: string | undefined,
	context: ErrorContext = {},
	secrets: readonly string[] = [],
): NodeApiError {
	const message = redactText(`BankConnect answered with a redirect to ${redirectTarget(location)} (HTTP ${status}), which is not followed`, secrets);
	return new NodeApiError(
		node,
		{ code: null, message, httpCode: String(status) },
		{
			message,
			description: `HTTP status ${status}. API calls never follow redirects: the API key and the request stayed with the Base URL. Next step: check the Base URL of the credential; if FinBox gave you a new API address, use it.`,
			httpCode: String(status),
			itemIndex: context.itemIndex,
		},
	);
}

/** How a request failed without an HTTP answer. */
export interface ConnectionFailure {
	code: string | null;
	/** False only when the connection never opened; otherwise BankConnect may have stored what was sent. */
	mayHaveArrived: boolean;
}

/** Codes of connections that never opened: the request cannot have reached BankConnect. */
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Set where a network error is built; n8n's own error fields cannot carry it without showing it. */
const connectionFailures = new WeakMap<NodeApiError, ConnectionFailure>();

/** A request that never got an HTTP answer; built from the error code only, so no request detail (headers!) leaks. */
export function buildNetworkError(node: INode, code: string | undefined, context: ErrorContext = {}): NodeApiError {
	const message = `Could not reach BankConnect (${code ?? 'network error'})`;
	const error = new NodeApiError(
		node,
		{ code: code ?? null, message },
		{
			message,
			description: 'The connection failed before BankConnect answered. Check the base URL of the credential and the network.',
			itemIndex: context.itemIndex,
		},
	);
	connectionFailures.set(error, { code: code ?? null, mayHaveArrived: code === undefined || !NEVER_SENT_CODES.has(code) });
	return error;
}

/** The connection failure behind an error, when it is one built by buildNetworkError; undefined otherwise. */
export function connectionFailureOf(error: unknown): ConnectionFailure | undefined {
	return error instanceof NodeApiError ? connectionFailures.get(error) : undefined;
}

/** An error thrown before the request went out, e.g. the credential refused an http:// base URL. */
export function buildConfigurationError(node: INode, message: string, itemIndex?: number): NodeOperationError {
	return new NodeOperationError(node, message, { itemIndex });
}

/** A report or PDF link that is not an absolute http(s) URL: it is not fetched (and never sent to the API). */
export function buildUnusableLinkError(node: INode, what: string, itemIndex?: number): NodeOperationError {
	return new NodeOperationError(node, `Could not download ${what}: BankConnect gave a link that is not an http:// or https:// URL`, {
		itemIndex,
		description: 'Read the analysis again for a fresh link; if it happens again, send FinBox support the time and the IDs of this item.',
	});
}

/** A report or PDF link that did not answer with the file. */
export function buildDownloadError(node: INode, status: number, what: string, itemIndex?: number): NodeApiError {
	const message = `Could not download ${what}: the link answered HTTP ${status}`;
	return new NodeApiError(
		node,
		{ message, httpCode: String(status) },
		{
			message,
			description: 'Report and PDF links expire one hour after they are issued; read the analysis again for a fresh link.',
			httpCode: String(status),
			itemIndex,
		},
	);
}

/** An upload whose connection dropped after the statement was sent, and that could not be settled. */
export function buildOutcomeUnknownError(
	node: INode,
	targetIds: JsonObject,
	failure: ConnectionFailure,
	why: string,
	itemIndex: number,
): NodeApiError {
	// the network code stays out of the message: n8n replaces any message naming one with its generic text
	const message =
		'UPLOAD_OUTCOME_UNKNOWN: the connection to BankConnect dropped after the statement was sent; it may or may not have been stored';
	return new NodeApiError(
		node,
		{ code: 'UPLOAD_OUTCOME_UNKNOWN', message, ...targetIds },
		{
			message,
			description: `Network error ${failure.code ?? 'without a code'}. ${why} Check the statements of the target (Entity → Get PDFs, or the session's upload status) before uploading this file again.`,
			itemIndex,
		},
	);
}

/**
 * Bad input: names the field and the item; nothing was sent for the item. `fix` says what to do when
 * it is not to edit the field, e.g. "Give a PDF file" when the field is right but its file is not.
 */
export function invalidInput(node: INode, itemIndex: number, field: string, problem: string, fix?: string): NodeOperationError {
	return new NodeOperationError(node, `${field} ${problem} (item ${itemIndex})`, {
		itemIndex,
		description: `${fix ?? `Fix the "${field}" field of item ${itemIndex}`}; nothing was sent to BankConnect for this item.`,
	});
}

/** A statement BankConnect could not analyse, with its reasons. */
export function analysisFailedError(node: INode, reasons: string, itemIndex: number): NodeOperationError {
	return new NodeOperationError(node, `BankConnect could not analyse the statements: ${reasons}`, { itemIndex });
}

/** A wait that ran out of Max Wait; `message` says what is still pending. */
export function waitTimedOutError(node: INode, message: string, itemIndex: number): NodeOperationError {
	return new NodeOperationError(node, message, { itemIndex, description: 'Raise Max Wait, or run the node again later.' });
}

/** A read whose result does not exist until every statement is analysed, asked for too early. */
export function notReadyError(node: INode, message: string, itemIndex: number): NodeOperationError {
	return new NodeOperationError(node, message, {
		itemIndex,
		description: 'Turn on Wait for Completion, or run the node again later.',
	});
}

/** An item that did not start, or stopped waiting, because another item failed first. */
export function stoppedByOtherItemError(node: INode): NodeOperationError {
	return new NodeOperationError(node, 'Stopped because another item failed');
}

/** Trigger settings that cannot be activated as they are; `fix` says what to change. */
export function activationRefusedError(node: INode, message: string, fix: string): NodeOperationError {
	return new NodeOperationError(node, message, { description: fix });
}

/** A resource and operation pair the node does not offer (a hand-edited workflow). */
export function unsupportedOperationError(node: INode, resource: string, operation: string): NodeOperationError {
	return new NodeOperationError(node, `The operation "${operation}" of "${resource}" is not supported`);
}

/** A caught error as n8n wants it thrown: BankConnect's and the node's own errors as they are, anything else wrapped. */
export function asNodeError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error, { itemIndex });
}

/** Set where a step fails after the node created an entity for it; n8n's error fields cannot carry it for every error kind. */
const createdEntities = new WeakMap<NodeApiError | NodeOperationError, string>();

/**
 * A failure after the node created an entity for the item (Upload to a New Entity with a Link ID):
 * the error names the entity, so the item can be retried into it rather than into another new one.
 */
export function afterEntityCreated(node: INode, caught: unknown, entityId: string, itemIndex: number): NodeApiError | NodeOperationError {
	const error = asNodeError(node, caught, itemIndex);
	if (!error.message.includes(entityId)) error.message = `${error.message} (entity_id ${entityId})`;
	const retry = `The entity ${entityId} was created for this statement: to try again, upload to it (Upload To: Existing Entity) rather than to a new entity.`;
	error.description = error.description ? `${error.description} ${retry}` : retry;
	createdEntities.set(error, entityId);
	return error;
}

/** The item continueOnFail outputs for a failed input item. */
export function errorItem(error: NodeApiError | NodeOperationError, itemIndex: number): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
	// a failed upload may still have created an entity: keep its id so the workflow can use it
	const entityId = createdEntities.get(error) ?? (error instanceof NodeApiError ? error.errorResponse?.entity_id : undefined);
	if (typeof entityId === 'string' && entityId !== '') json.entity_id = entityId;
	return { json, pairedItem: { item: itemIndex } };
}

/** BankConnect's code behind an API error (e.g. DUPLICATE_PROCESSING_REQUEST), if any. */
export function bankConnectCodeOf(error: unknown): string | undefined {
	const code = error instanceof NodeApiError ? error.errorResponse?.code : undefined;
	return typeof code === 'string' ? code : undefined;
}
