/**
 * nock stand-in for the BankConnect API at a fixed test host: records every request (method, path,
 * headers, body) so tests assert exactly what the node sent, and checks the auth headers.
 */
import { createHmac } from 'crypto';
import nock from 'nock';

import { SECRETS } from './secrets';

export const API_ORIGIN = 'https://bankconnect.test';
export const API_BASE_URL = `${API_ORIGIN}/bank-connect`;
/** Where report and PDF links point: another host, which must never see the credentials. */
export const FILES_ORIGIN = 'https://files.bankconnect-cdn.test';

export interface RecordedRequest {
	method: string;
	/** Path and query as sent, e.g. `/bank-connect/v1/entity/?page=2` */
	path: string;
	headers: Record<string, string>;
	body: string;
}

export interface MockApi {
	/** The nock scope of the API host; paths passed to it go through `apiPath`. */
	scope: nock.Scope;
	/** Every request the API host answered, in arrival order. */
	requests: RecordedRequest[];
}

/** A path of the API under the test base URL: `apiPath('/v1/entity/')`. */
export function apiPath(path: string): string {
	return `/bank-connect${path}`;
}

function record(scope: nock.Scope, requests: RecordedRequest[]): nock.Scope {
	scope.on('request', (request: { method: string; path: string; headers: Record<string, string> }, _interceptor: unknown, body: string) => {
		requests.push({ method: request.method, path: request.path, headers: { ...request.headers }, body: body ?? '' });
	});
	return scope;
}

/** Starts a test with nock on (see nockPerFile.ts), no real network and no leftover interceptors. */
export function resetNetwork(): void {
	if (!nock.isActive()) nock.activate();
	nock.cleanAll();
	nock.disableNetConnect();
}

export function mockApi(): MockApi {
	const requests: RecordedRequest[] = [];
	return { scope: record(nock(API_ORIGIN), requests), requests };
}

/** The file host of report/PDF links, recording what it was sent. */
export function mockFiles(): MockApi {
	const requests: RecordedRequest[] = [];
	return { scope: record(nock(FILES_ORIGIN), requests), requests };
}

const CREDENTIAL_HEADERS = ['x-api-key', 'server-hash', 'timestamp', 'access_token'];

/** The request carried the API key and Server Hash, and exactly the signing headers asked for. */
export function expectAuthenticated(request: RecordedRequest, signed = false): void {
	expect(request.headers['x-api-key']).toBe(SECRETS.apiKey);
	expect(request.headers['server-hash']).toBe(SECRETS.serverHash);
	if (!signed) {
		expect(request.headers.timestamp).toBeUndefined();
		expect(request.headers.access_token).toBeUndefined();
		return;
	}
	const timestamp = request.headers.timestamp;
	expect(timestamp).toMatch(/^\d{10}$/);
	expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(30);
	const expected = createHmac('sha256', SECRETS.signingSecret).update(timestamp).digest('hex');
	expect(request.headers.access_token).toBe(expected);
}

/** A request to a file link carried no credential header at all. */
export function expectNoCredentials(request: RecordedRequest): void {
	for (const header of CREDENTIAL_HEADERS) expect(request.headers[header]).toBeUndefined();
}

/** Summary of requests for exact comparisons: `['GET /v1/entity/?page=1', ...]`. */
export function requestLines(requests: RecordedRequest[]): string[] {
	return requests.map((request) => `${request.method} ${request.path.replace(/^\/bank-connect/, '')}`);
}

/**
 * An API host that answers any request with 500 and records it: for bad-input tests that assert
 * the node sent nothing at all.
 */
export function watchApi(): MockApi {
	const api = mockApi();
	for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
		api.scope.intercept(/.*/, method).reply(500, { detail: 'unexpected request' }).persist();
	}
	return api;
}

/** The parsed form body of a recorded request. */
export function formOf(request: RecordedRequest): Record<string, string> {
	expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
	return Object.fromEntries(new URLSearchParams(request.body));
}

/** A dropped connection for `.replyWithError(...)`; nock 14 needs an Error instance (a plain object hangs the request). */
export function networkError(code: string, message: string): Error {
	return Object.assign(new Error(message), { code });
}

/** The connection reset by the server. */
export function connectionReset(): Error {
	return networkError('ECONNRESET', 'socket hang up');
}
