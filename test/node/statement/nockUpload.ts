/** Helpers for the Statement → Upload engine tests against nock: test PDFs and the exact requests. */
import nock from 'nock';

import { API_ORIGIN } from '../../harness/bankConnectApi';
import { useNock } from '../../harness/nockPerFile';

/** A tiny PDF made of ASCII only, so nock hands its multipart body over as plain text. */
export const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
/** The same with an encryption dictionary: a password-protected PDF. */
export const LOCKED_PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R /Encrypt 2 0 R >>\n%%EOF\n', 'latin1');

export interface CapturedRequest {
	method: string;
	path: string;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

/**
 * Sets up nock for a test file and returns where each test's requests are captured: emptied before
 * each test, and every request a test expected must have come by its end.
 */
export function captureRequests(): CapturedRequest[] {
	const captured: CapturedRequest[] = [];
	useNock();
	beforeEach(() => {
		captured.length = 0;
		nock.cleanAll();
	});
	afterEach(() => expect(nock.pendingMocks()).toEqual([]));
	return captured;
}

/** Intercepts one request and records it; `reply` is [status, body]. */
export function expectRequest(
	method: 'GET' | 'POST',
	path: string | RegExp,
	reply: [number, unknown],
	captured: CapturedRequest[],
): nock.Scope {
	return nock(API_ORIGIN)
		.intercept(path, method)
		.query(true)
		.reply(function (uri, body) {
			captured.push({
				method,
				path: uri,
				headers: this.req.headers,
				body: typeof body === 'string' ? body : JSON.stringify(body),
			});
			return reply;
		});
}

/** The multipart body the node must send: fields in order, then the file part. */
export function multipartText(boundary: string, fields: Array<[string, string]>, fileName: string, file: Buffer): string {
	const parts = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join('');
	return `${parts}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n${file.toString('latin1')}\r\n--${boundary}--\r\n`;
}

export function boundaryOf(request: CapturedRequest): string {
	const match = /^multipart\/form-data; boundary=(\S+)$/.exec(String(request.headers['content-type']));
	if (!match) throw new Error(`not a multipart request: ${String(request.headers['content-type'])}`);
	return match[1];
}
