import { createHmac } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

export const PRODUCTION_BASE_URL = 'https://apis.bankconnect.finbox.in/bank-connect';
export const CLASSIC_BASE_URL = 'https://portal.finbox.in/bank-connect';
export const CUSTOM_ENVIRONMENT = 'custom';

/** Computes ACCESS_TOKEN from TIMESTAMP; FinBox shares its real function on request. */
export type AccessTokenSigner = (secret: string, timestamp: string) => string;

/** The documented default signer: lowercase hex HMAC-SHA256 of the timestamp keyed by the secret. */
export const hmacSha256Signer: AccessTokenSigner = (secret, timestamp) =>
	createHmac('sha256', secret).update(timestamp).digest('hex');

/**
 * The base URL the credential points at, without a trailing slash or a trailing `/v1`: the node
 * adds `/v1/…` itself, and a Base URL copied from an endpoint often ends in it.
 */
export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	const environment = String(credentials.environment ?? PRODUCTION_BASE_URL);
	const url = environment === CUSTOM_ENVIRONMENT ? String(credentials.baseUrl ?? '') : environment;
	return url
		.trim()
		.replace(/\/+$/, '')
		.replace(/\/v1$/i, '')
		.replace(/\/+$/, '');
}

/** Schemes whose URLs keep a user name and password apart from the host and path. */
const SPECIAL_SCHEMES = new Set(['http:', 'https:', 'ftp:', 'ws:', 'wss:']);

/** A URL as it may be shown in a message: scheme, host and path only (no user name or password, query or fragment). */
function shownUrl(url: URL): string {
	// any other scheme has no host: all after it is one opaque path that may hold anything
	if (!SPECIAL_SCHEMES.has(url.protocol)) return url.protocol;
	return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
}

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);
const LOOPBACK_IPV4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** Throws unless the base URL is HTTPS, or plain HTTP to this machine (a local sandbox or proxy). */
export function assertSecureBaseUrl(baseUrl: string): void {
	let url: URL;
	try {
		url = new URL(baseUrl);
	} catch {
		// not repeated: text that is not a URL may still hold a user name and password
		throw new Error(`The BankConnect base URL is not a valid URL; it should look like ${PRODUCTION_BASE_URL}`);
	}
	if (url.protocol === 'https:') return;
	if (url.protocol === 'http:' && (LOOPBACK_HOSTS.has(url.hostname) || LOOPBACK_IPV4.test(url.hostname))) {
		return;
	}
	throw new Error(
		`The BankConnect base URL "${shownUrl(url)}" is refused: the API only accepts HTTPS, and plain http:// is allowed only for a loopback host such as 127.0.0.1 or localhost`,
	);
}

/**
 * Whether a request URL is absolute (a link) rather than a path under the base URL. As axios reads
 * it: a scheme, or a protocol-relative `//host/…`, which would otherwise reach that host.
 */
function isAbsoluteUrl(url: string): boolean {
	return /^([a-z][a-z\d+\-.]*:)?\/\//i.test(url);
}

/** Whether a request targets the BankConnect API (relative, or under the base URL) rather than a file link on another host. */
function targetsApi(requestOptions: IHttpRequestOptions, baseUrl: string): boolean {
	if (!isAbsoluteUrl(requestOptions.url)) return true;
	return requestOptions.url === baseUrl || requestOptions.url.startsWith(`${baseUrl}/`);
}

function pathOf(requestOptions: IHttpRequestOptions): string {
	return requestOptions.url.replace(/^https?:\/\/[^/]+/i, '');
}

/** `POST /v1/session/` wants the API key in its form body as well as in the header. */
function needsBodyApiKey(requestOptions: IHttpRequestOptions): requestOptions is IHttpRequestOptions & { body: URLSearchParams } {
	return requestOptions.method === 'POST' && requestOptions.body instanceof URLSearchParams && pathOf(requestOptions).endsWith('/v1/session/');
}

/** `POST /v2/session/` (Session API V2) lists api_key among its JSON fields too. */
function withJsonBodyApiKey(requestOptions: IHttpRequestOptions, apiKey: string): string | undefined {
	if (requestOptions.method !== 'POST' || typeof requestOptions.body !== 'string' || !pathOf(requestOptions).endsWith('/v2/session/')) {
		return undefined;
	}
	let body: unknown;
	try {
		body = JSON.parse(requestOptions.body);
	} catch {
		return undefined;
	}
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
	return JSON.stringify({ ...body, api_key: apiKey });
}

/**
 * Adds the API key, the Server Hash and (when a signing secret is set) a fresh TIMESTAMP and
 * ACCESS_TOKEN. Download links on other hosts (report and PDF links) get no credentials at all.
 * A request that carries credentials never follows a redirect: n8n's helper would strip only
 * Authorization and cookies, so these headers and the body would go to whatever host it names.
 */
export async function authenticateRequest(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
	sign: AccessTokenSigner = hmacSha256Signer,
	now: () => number = Date.now,
): Promise<IHttpRequestOptions> {
	const baseUrl = baseUrlOf(credentials);
	assertSecureBaseUrl(baseUrl);
	if (!targetsApi(requestOptions, baseUrl)) {
		return { ...requestOptions, sendCredentialsOnCrossOriginRedirect: false };
	}
	const headers: IDataObject = {
		...requestOptions.headers,
		'x-api-key': String(credentials.apiKey ?? ''),
		'server-hash': String(credentials.serverHashSecret ?? ''),
	};
	const secret = String(credentials.signingSecret ?? '');
	if (secret !== '') {
		const timestamp = String(Math.floor(now() / 1000));
		headers.TIMESTAMP = timestamp;
		headers.ACCESS_TOKEN = sign(secret, timestamp);
	}
	const baseURL = isAbsoluteUrl(requestOptions.url) ? requestOptions.baseURL : baseUrl;
	const authenticated: IHttpRequestOptions = {
		...requestOptions,
		baseURL,
		headers,
		sendCredentialsOnCrossOriginRedirect: false,
		disableFollowRedirect: true,
	};
	if (needsBodyApiKey(requestOptions)) {
		const body = new URLSearchParams(requestOptions.body);
		body.set('api_key', String(credentials.apiKey ?? ''));
		authenticated.body = body;
	}
	const jsonBody = withJsonBodyApiKey(requestOptions, String(credentials.apiKey ?? ''));
	if (jsonBody !== undefined) authenticated.body = jsonBody;
	return authenticated;
}

/** The secret values of these credentials: every password field (API key, Server Hash, signing secret…). */
export function secretValuesOf(credentials: ICredentialDataDecryptedObject): string[] {
	return new BankConnectApi().properties
		.filter((property) => property.typeOptions?.password === true)
		.map((property) => credentials[property.name])
		.filter((value): value is string => typeof value === 'string' && value !== '');
}

/** The longest stretch of time whose ACCESS_TOKENs are listed: far more than a request's timeout. */
const MAX_TOKEN_WINDOW_SECONDS = 900;

/** Every ACCESS_TOKEN these credentials may have signed between two instants (one per second, a second either side). */
export function accessTokensBetween(
	credentials: ICredentialDataDecryptedObject,
	fromMs: number,
	toMs: number,
	sign: AccessTokenSigner = hmacSha256Signer,
): string[] {
	const secret = String(credentials.signingSecret ?? '');
	if (secret === '') return [];
	const last = Math.floor(toMs / 1000) + 1;
	const first = Math.max(Math.floor(fromMs / 1000) - 1, last - MAX_TOKEN_WINDOW_SECONDS);
	const tokens: string[] = [];
	for (let second = first; second <= last; second++) tokens.push(sign(secret, String(second)));
	return tokens;
}

/** What the credential Test says when the Base URL does not lead to the API (404). */
export const BASE_URL_NOT_FOUND = `Base URL not found: it should end in /bank-connect, like ${PRODUCTION_BASE_URL}`;
/** What the credential Test says when the Base URL answers with a redirect (not followed). */
export const BASE_URL_REDIRECTS =
	'The Base URL answers with a redirect, which is not followed (the API key is only sent to the Base URL): use the API address FinBox gave you';

export class BankConnectApi implements ICredentialType {
	name = 'bankConnectApi';

	displayName = 'BankConnect API';

	icon: Icon = { light: 'file:bankconnect.svg', dark: 'file:bankconnect.dark.svg' };

	documentationUrl = 'https://docs.finbox.in/bank-connect/';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The API key FinBox gave you, sent as the x-api-key header',
		},
		{
			displayName: 'Server Hash',
			name: 'serverHashSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The static per-account secret, sent as the server-hash header on management and data reads',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: PRODUCTION_BASE_URL, description: PRODUCTION_BASE_URL },
				{ name: 'Classic Portal', value: CLASSIC_BASE_URL, description: CLASSIC_BASE_URL },
				{
					name: 'Custom Base URL',
					value: CUSTOM_ENVIRONMENT,
					description: 'A local sandbox or a proxy',
				},
			],
			default: PRODUCTION_BASE_URL,
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:4010/bank-connect',
			description:
				'Everything before /v1/. Must be HTTPS; plain http:// is accepted only for a loopback host such as a local sandbox.',
			displayOptions: { show: { environment: [CUSTOM_ENVIRONMENT] } },
		},
		{
			displayName: 'Request Signing Secret',
			name: 'signingSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional extra layer. When set, every request carries TIMESTAMP (Unix seconds) and ACCESS_TOKEN. FinBox shares the real token function on request; the default used here is the lowercase hex HMAC-SHA256 of TIMESTAMP keyed by this secret.',
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The secret configured for the account\'s webhooks at FinBox. The BankConnect Trigger refuses (HTTP 401) a delivery whose x-secret-key header does not match; it is never sent to BankConnect.',
		},
	];

	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => await authenticateRequest(credentials, requestOptions);

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ $credentials.environment === "${CUSTOM_ENVIRONMENT}" ? $credentials.baseUrl : $credentials.environment }}`,
			url: '/v1/entity/',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 401, message: 'API key or Server Hash rejected' },
			},
			{ type: 'responseCode', properties: { value: 404, message: BASE_URL_NOT_FOUND } },
			...[301, 302, 303, 307, 308].map((value) => ({
				type: 'responseCode' as const,
				properties: { value, message: BASE_URL_REDIRECTS },
			})),
		],
	};
}
