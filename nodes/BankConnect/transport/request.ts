import { sleep } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	IWebhookFunctions,
} from 'n8n-workflow';

import type { MultipartBody } from './multipart';
import { buildApiError, buildConfigurationError, buildNetworkError, buildRedirectError, buildUnreadableAnswerError } from './errors';
import { parseJson } from './json';
import type { ErrorContext } from './errors';
import { holdsSecret, redactValue } from './redact';
import { knownSecrets } from './secrets';
import type { SendWindow } from './secrets';
import {
	READ_RETRY_POLICY,
	isRetryableNetworkCode,
	isRetryableStatus,
	parseRetryAfterMs,
	retryDelayMs,
} from './retry';
import type { RetryPolicy } from './retry';

export const CREDENTIAL_TYPE = 'bankConnectApi';

/** Any n8n context that may call the API. */
export type RequestContext = IExecuteFunctions | IHookFunctions | ILoadOptionsFunctions | IWebhookFunctions;

export type FormFields = Record<string, string | number | boolean | undefined>;

/** How long a connection may stay silent before the request is abandoned (a read is then retried). */
export const REQUEST_TIMEOUT_MS = 60_000;

/** One API call; `path` is relative to the credential's base URL and keeps the API's trailing slash. */
export interface ApiRequest extends ErrorContext {
	method: IHttpRequestMethods;
	path: string;
	query?: IDataObject;
	/** Sent as application/x-www-form-urlencoded (the API's form fields). */
	form?: FormFields;
	/** Sent as application/json (update_webhook). */
	json?: IDataObject;
	/** Sent as multipart/form-data read chunk by chunk (statement uploads from n8n's binary data). */
	streamedMultipart?: MultipartBody;
	/** Overrides REQUEST_TIMEOUT_MS. */
	timeoutMs?: number;
	/** A write that may be sent again with the same effect (e.g. update_webhook): retried like a read. */
	idempotent?: boolean;
	/** What keeps a successful answer from being read (e.g. an analysis without its records), or undefined. */
	answerProblem?: (answer: unknown) => string | undefined;
}

interface RawResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
}

/** An answer, with when its request went out and when the answer came. */
export interface TimedResponse extends RawResponse {
	window: SendWindow;
}

function toUrlSearchParams(form: FormFields): URLSearchParams {
	const params = new URLSearchParams();
	for (const [name, value] of Object.entries(form)) {
		if (value !== undefined) params.append(name, String(value));
	}
	return params;
}

function buildHttpOptions(request: ApiRequest, encoding: 'text' | 'arraybuffer'): IHttpRequestOptions {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.path,
		qs: request.query,
		headers: { Accept: 'application/json' },
		encoding,
		json: false,
		timeout: request.timeoutMs ?? REQUEST_TIMEOUT_MS,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// a redirect would take the credential's headers and the body along to any host: it is reported instead
		disableFollowRedirect: true,
	};
	if (request.form) options.body = toUrlSearchParams(request.form);
	if (request.json) {
		options.body = JSON.stringify(request.json);
		options.headers = { ...options.headers, 'Content-Type': 'application/json' };
	}
	if (request.streamedMultipart) {
		// axios reads a Blob-shaped body through its stream(); n8n passes the object through untouched
		options.body = request.streamedMultipart as unknown as IDataObject;
		options.headers = { ...options.headers, 'Content-Type': request.streamedMultipart.type };
	}
	return options;
}

export function headerValue(headers: RawResponse['headers'], name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

/** How axios reports an answer whose connection dropped part-way through the body. */
function isAnswerCutOff(code: string, message: unknown): boolean {
	return code === 'ERR_BAD_RESPONSE' && typeof message === 'string' && /aborted/i.test(message);
}

/**
 * The network error code behind a failed call, found on the error n8n wrapped around axios. An
 * answer cut off part-way is a dropped connection (ECONNRESET), as one dropped before the answer
 * began: a read is sent again, an upload is looked for among the statements.
 */
function networkCodeOf(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current; depth++) {
		const { code, message } = current as { code?: unknown; message?: unknown };
		if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return isAnswerCutOff(code, message) ? 'ECONNRESET' : code;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

/** An error thrown before the request went out (e.g. the credential refused an http:// base URL). */
function configurationMessageOf(error: unknown): string | undefined {
	const cause = (error as { cause?: unknown }).cause;
	if (cause instanceof Error && !(cause as { isAxiosError?: boolean }).isAxiosError) return cause.message;
	return undefined;
}

async function sendOnce(context: RequestContext, options: IHttpRequestOptions): Promise<RawResponse> {
	return (await context.helpers.httpRequestWithAuthentication.call(
		context,
		CREDENTIAL_TYPE,
		options,
	)) as RawResponse;
}

/** What a retried request needs to know: whether it is a read, and the item it belongs to. */
export type RetriedRequest = Pick<ApiRequest, 'method' | 'idempotent' | 'itemIndex' | 'resource'>;

/**
 * Sends with `send`, retrying reads (GET) and idempotent writes on 429, 502/503/504 and dropped
 * connections with backoff. Other writes are sent once: resending an upload could duplicate it.
 */
export async function withRetries(
	context: RequestContext,
	request: RetriedRequest,
	send: () => Promise<RawResponse>,
	policy: RetryPolicy = READ_RETRY_POLICY,
): Promise<TimedResponse> {
	const node: INode = context.getNode();
	const maxAttempts = request.method === 'GET' || request.idempotent === true ? policy.maxAttempts : 1;
	for (let attempt = 1; ; attempt++) {
		let response: RawResponse;
		const sentAtMs = Date.now();
		try {
			response = await send();
		} catch (error) {
			const configurationMessage = configurationMessageOf(error);
			if (configurationMessage !== undefined) {
				throw buildConfigurationError(node, configurationMessage, request.itemIndex);
			}
			const code = networkCodeOf(error);
			if (attempt < maxAttempts && isRetryableNetworkCode(code)) {
				await sleep(retryDelayMs(attempt, undefined, policy));
				continue;
			}
			throw buildNetworkError(node, code, request);
		}
		if (attempt < maxAttempts && isRetryableStatus(response.statusCode)) {
			const retryAfter = parseRetryAfterMs(headerValue(response.headers, 'retry-after'), Date.now());
			await sleep(retryDelayMs(attempt, retryAfter, policy));
			continue;
		}
		return { ...response, window: { sentAtMs, answeredAtMs: Date.now() } };
	}
}

/** Sends an API request with the credential, never following a redirect; reads are retried (see withRetries). */
export async function sendWithRetries(
	context: RequestContext,
	request: ApiRequest,
	encoding: 'text' | 'arraybuffer',
	policy: RetryPolicy = READ_RETRY_POLICY,
): Promise<TimedResponse> {
	return await withRetries(context, request, async () => await sendOnce(context, buildHttpOptions(request, encoding)), policy);
}

function isRedirect(status: number): boolean {
	return status >= 300 && status < 400;
}

/**
 * Calls the API and returns the parsed JSON body, or throws a NodeApiError built from BankConnect's
 * answer. Whatever the answer holds, known secrets are replaced before it reaches an error or an
 * item (see KnownSecrets for which, where).
 */
export async function apiRequest<T>(context: RequestContext, request: ApiRequest): Promise<T> {
	const response = await sendWithRetries(context, request, 'text');
	const node = context.getNode();
	const secrets = await knownSecrets(context, CREDENTIAL_TYPE, request, response.window);
	if (isRedirect(response.statusCode)) {
		throw buildRedirectError(node, response.statusCode, headerValue(response.headers, 'location'), request, secrets.inErrors);
	}
	const text = typeof response.body === 'string' ? response.body : String(response.body ?? '');
	// an empty body (e.g. a 204) reads as an empty object
	const parsed = text.trim() === '' ? { ok: true as const, value: {} } : parseJson(text);
	const ok = response.statusCode >= 200 && response.statusCode < 300;
	if (!ok) {
		throw buildApiError(node, response.statusCode, parsed.ok ? parsed.value : undefined, text, request, secrets.inErrors);
	}
	if (!parsed.ok) throw buildUnreadableAnswerError(node, response.statusCode, request, 'a body that is not JSON');
	const problem = request.answerProblem?.(parsed.value);
	if (problem !== undefined) throw buildUnreadableAnswerError(node, response.statusCode, request, problem);
	return (holdsSecret(text, secrets.inData) ? redactValue(parsed.value, secrets.inData) : parsed.value) as T;
}
