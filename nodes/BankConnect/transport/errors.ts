/**
 * The one place a failure becomes a NodeApiError or NodeOperationError: BankConnect's answers,
 * dropped connections, dead download links, an upload whose outcome is unknown, bad input, the
 * node's own stops, and the error item continueOnFail outputs.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INode, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { isJsonObject } from './answerShape';
import { nextStepFor, SUPPORT_NEXT_STEP } from './nextSteps';
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
	if (isJsonObject(body.error)) return text(body.error.message) ?? '';
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
	if (isJsonObject(body)) {
		failure.entityId = text(body.entity_id);
		failure.statementId = text(body.statement_id);
		failure.sessionId = text(body.session_id);
		failure.code = isJsonObject(body.error) ? text(body.error.code) : null;
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

/** A successful answer the node cannot read: not JSON, or without what it asked for (`problem`, e.g. `no "transactions"`). */
export function buildUnreadableAnswerError(
	node: INode,
	status: number,
	request: ErrorContext & { method: string; path: string },
	problem: string,
): NodeApiError {
	const message = `BankConnect answered ${request.method} ${request.path} with ${problem}`;
	return new NodeApiError(
		node,
		{ code: null, message, httpCode: String(status) },
		{ message, description: `HTTP status ${status}. Next step: ${SUPPORT_NEXT_STEP}.`, httpCode: String(status), itemIndex: request.itemIndex },
	);
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

/** Where to look for a statement whose upload outcome is unknown, when its target is known. */
export const CHECK_TARGET_STATEMENTS = "Check the statements of the target (Entity → Get PDFs, or the session's upload status) before uploading this file again.";

/** An upload whose connection dropped after the statement was sent, and that could not be settled; `why` says why and where to look. */
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
			description: `Network error ${failure.code ?? 'without a code'}. ${why}`,
			itemIndex,
		},
	);
}

const inputErrors = new WeakSet<Error>();

/**
 * Bad input: names the field and the item; nothing was sent for the item. `fix` says what to do when
 * it is not to edit the field, e.g. "Give a PDF file" when the field is right but its file is not.
 */
export function invalidInput(node: INode, itemIndex: number, field: string, problem: string, fix?: string): NodeOperationError {
	const error = new NodeOperationError(node, `${field} ${problem} (item ${itemIndex})`, {
		itemIndex,
		description: `${fix ?? `Fix the "${field}" field of item ${itemIndex}`}; nothing was sent to BankConnect for this item.`,
	});
	inputErrors.add(error);
	return error;
}

/** Whether an error is bad input found before anything was sent (built by invalidInput). */
export function isInputError(error: unknown): boolean {
	return error instanceof Error && inputErrors.has(error);
}

/** A statement BankConnect could not analyse, with its reasons. */
export function analysisFailedError(node: INode, reasons: string, itemIndex: number): NodeOperationError {
	return new NodeOperationError(node, `BankConnect could not analyse the statements: ${reasons}`, { itemIndex });
}

/** A wait that ran out of Max Wait; `message` says what is still pending. */
export function waitTimedOutError(node: INode, message: string, itemIndex: number): NodeOperationError {
	return new NodeOperationError(node, message, { itemIndex, description: 'Raise Max Wait, or check again later.' });
}

/** A read whose result does not exist until every statement is analysed, asked for too early. */
export function notReadyError(node: INode, message: string, itemIndex: number): NodeOperationError {
	return new NodeOperationError(node, message, {
		itemIndex,
		description: 'Turn on Wait for Completion (or put Analysis → Wait for Analysis before this node), or run the node again later.',
	});
}

const stopErrors = new WeakSet<Error>();

/** An item that stopped waiting because another item failed first. */
export function stoppedByOtherItemError(node: INode): NodeOperationError {
	const error = new NodeOperationError(node, 'Stopped because another item failed');
	stopErrors.add(error);
	return error;
}

/** Whether an item ended only because another item failed (built by stoppedByOtherItemError). */
export function isStoppedByOtherItem(error: unknown): boolean {
	return error instanceof Error && stopErrors.has(error);
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

/** Ids of what BankConnect stored for an item before a later step of it failed. */
const writtenIdsOfError = new WeakMap<Error, Record<string, string>>();

function describeIds(ids: Record<string, string>): string {
	return Object.entries(ids)
		.map(([field, id]) => `${field} ${id}`)
		.join(', ');
}

/**
 * A failure of a step that came after a write of the same item (e.g. Upload's wait for the
 * analysis): the message, description and error item carry the ids, so the user resumes from them
 * instead of writing again. `resume` says how.
 */
export function withWrittenIds<Failure extends NodeApiError | NodeOperationError>(
	error: Failure,
	what: string,
	ids: Record<string, string>,
	resume: string,
): Failure {
	const named = describeIds(ids);
	if (!error.message.includes(named)) error.message = `${error.message} (${named})`;
	const before = error.description ? ` ${error.description}` : '';
	error.description = `The ${what} is stored at BankConnect (${named}): ${resume}.${before}`;
	writtenIdsOfError.set(error, { ...writtenIdsOfError.get(error), ...ids });
	return error;
}

/** The ids an error says were stored (withWrittenIds), or BankConnect put in its error answer. */
export function idsOfError(error: NodeApiError | NodeOperationError): Record<string, string> {
	const ids: Record<string, string> = {};
	if (error instanceof NodeApiError) {
		for (const field of ['entity_id', 'statement_id', 'session_id']) {
			const value = error.errorResponse?.[field];
			if (typeof value === 'string' && value !== '') ids[field] = value;
		}
	}
	return { ...ids, ...writtenIdsOfError.get(error) };
}

/**
 * A failure after the node created an entity for the item (Upload to a New Entity with a Link ID):
 * the error names the entity, so the item can be retried into it rather than into another new one.
 */
export function afterEntityCreated(node: INode, caught: unknown, entityId: string, itemIndex: number): NodeApiError | NodeOperationError {
	const error = asNodeError(node, caught, itemIndex);
	// the statement is stored too (Then's wait failed): the error already says how to go on from it
	if (idsOfError(error).statement_id) return error;
	return withWrittenIds(
		error,
		'entity',
		{ entity_id: entityId },
		'it was created for this statement; to try again, upload to it (Upload To: Existing Entity) rather than to a new entity',
	);
}

/** The item continueOnFail outputs for a failed input item. */
export function errorItem(error: NodeApiError | NodeOperationError, itemIndex: number): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
	// a failed upload may still have created an entity: keep its ids so the workflow can use them
	Object.assign(json, idsOfError(error));
	return { json, pairedItem: { item: itemIndex } };
}

/** What a run that stopped part-way had done, for the error it stops with. */
export interface RunReport {
	/** Writes BankConnect accepted, in order. */
	writes: Array<{ itemIndex: number | undefined; what: string; ids: Record<string, string> }>;
	/** Items that failed besides the one the run stops with. */
	otherFailures: Array<{ itemIndex: number; error: NodeApiError | NodeOperationError }>;
	/** Items that were waiting (for their analysis, their turn or a shared read) when the run stopped: nothing came of them. */
	stoppedWhileWaiting: number[];
	/** Items never started because of the stop. */
	notStarted: number[];
}

/** "item 3" or "items 0, 2–4" */
function itemsLabel(itemIndexes: number[]): string {
	return `item${itemIndexes.length > 1 ? 's' : ''} ${itemRanges(itemIndexes)}`;
}

function itemLabel(itemIndex: number | undefined): string {
	return itemIndex === undefined ? 'the run' : `item ${itemIndex}`;
}

function itemRanges(indexes: number[]): string {
	const ranges: string[] = [];
	for (let start = 0; start < indexes.length; ) {
		let end = start;
		while (end + 1 < indexes.length && indexes[end + 1] === indexes[end] + 1) end++;
		ranges.push(end === start ? `${indexes[start]}` : `${indexes[start]}–${indexes[end]}`);
		start = end + 1;
	}
	return ranges.join(', ');
}

/**
 * The first failure of a run that stopped, told what the run had already done at BankConnect
 * (with ids, so a re-run can skip it), what else failed and which items never started.
 */
export function runStoppedError<Failure extends NodeApiError | NodeOperationError>(error: Failure, report: RunReport): Failure {
	const parts: string[] = [];
	const failedItem = error.context.itemIndex as number | undefined;
	const named = idsOfError(error);
	// the failed item's own write is already in its message when the error names its ids
	const writes = report.writes.filter(
		(write) => write.itemIndex !== failedItem || !Object.entries(write.ids).every(([field, id]) => named[field] === id),
	);
	if (writes.length > 0) {
		const lines = writes.map((write) => `- ${itemLabel(write.itemIndex)}: ${write.what} (${describeIds(write.ids)})`);
		parts.push(`Done at BankConnect before the node stopped (remove these items before running it again, or they are done twice):\n${lines.join('\n')}`);
	}
	if (report.otherFailures.length > 0) {
		const lines = report.otherFailures.map(({ itemIndex, error: other }) => {
			const ids = describeIds(idsOfError(other));
			return `- item ${itemIndex}: ${other.message}${ids === '' || other.message.includes(ids) ? '' : ` (${ids})`}`;
		});
		parts.push(`Also failed:\n${lines.join('\n')}`);
	}
	if (report.stoppedWhileWaiting.length > 0) parts.push(`Stopped while waiting: ${itemsLabel(report.stoppedWhileWaiting)}.`);
	if (report.notStarted.length > 0) parts.push(`Not started: ${itemsLabel(report.notStarted)}.`);
	if (parts.length === 0) return error;
	// the message counts the other items: what a re-run of the whole input would do twice
	const others = new Set(writes.map((write) => write.itemIndex).filter((itemIndex) => itemIndex !== failedItem)).size;
	if (others > 0) {
		error.message = `${error.message} (already done at BankConnect for ${others} other item${others > 1 ? 's' : ''} before the stop; their ids are in the details)`;
	}
	error.description = [error.description, ...parts].filter(Boolean).join('\n\n');
	return error;
}

/** BankConnect's code behind an API error (e.g. DUPLICATE_PROCESSING_REQUEST), if any. */
export function bankConnectCodeOf(error: unknown): string | undefined {
	const code = error instanceof NodeApiError ? error.errorResponse?.code : undefined;
	return typeof code === 'string' ? code : undefined;
}
