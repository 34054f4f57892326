import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { nextStepFor } from './nextSteps';

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

/** Reads every error shape of the contract: {error:{code,message}}, {detail}, {entity_id, message}, {field: [msg]}, non-JSON. */
export function readFailure(status: number, body: unknown, rawText: string): BankConnectFailure {
	const failure: BankConnectFailure = {
		code: null,
		message: '',
		entityId: null,
		statementId: null,
		sessionId: null,
	};
	if (!isRecord(body)) {
		failure.message = summariseNonJson(rawText, status);
		return failure;
	}
	failure.entityId = text(body.entity_id);
	failure.statementId = text(body.statement_id);
	failure.sessionId = text(body.session_id);
	if (isRecord(body.error)) {
		failure.code = text(body.error.code);
		failure.message = text(body.error.message) ?? '';
	} else if (text(body.detail)) {
		failure.message = body.detail as string;
	} else if (text(body.message)) {
		failure.message = body.message as string;
	} else {
		const fieldErrors = Object.entries(body)
			.filter(([, value]) => Array.isArray(value) || typeof value === 'string')
			.map(([field, value]) => `${field}: ${Array.isArray(value) ? value.join(' ') : value}`);
		failure.message = fieldErrors.join('; ');
	}
	if (failure.message === '') failure.message = `HTTP ${status}`;
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

/** The one place an API failure becomes a NodeApiError: message = BankConnect's code and message. */
export function buildApiError(
	node: INode,
	status: number,
	body: unknown,
	rawText: string,
	context: ErrorContext = {},
): NodeApiError {
	const failure = readFailure(status, body, rawText);
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

/** A request that never got an HTTP answer; built from the error code only, so no request detail (headers!) leaks. */
export function buildNetworkError(
	node: INode,
	code: string | undefined,
	context: ErrorContext = {},
): NodeApiError {
	const message = `Could not reach BankConnect (${code ?? 'network error'})`;
	return new NodeApiError(
		node,
		{ code: code ?? null, message },
		{
			message,
			description: 'The connection failed before BankConnect answered. Check the base URL of the credential and the network.',
			itemIndex: context.itemIndex,
		},
	);
}

/** A caught error as n8n wants it thrown: BankConnect's and the node's own errors as they are, anything else wrapped. */
export function asNodeError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error, { itemIndex });
}
