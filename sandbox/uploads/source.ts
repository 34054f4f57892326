import { isIP } from 'net';
import { request } from 'undici';
import type { FileStore, StoredFile } from '../store/files';
import type { ReceivedForm } from './receive';

/** Why no statement file could be taken from a request. */
export type SourceProblem = 'missing' | 'invalid_base64' | 'invalid_url' | 'not_a_file';

export type StatementSource = { file: StoredFile } | { problem: SourceProblem };

/** How a route expects the statement: a file part or `file_url`, or a base64 `file` field. */
export type SourceKind = 'file' | 'base64';

const MAX_URL_BYTES = 64 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 15_000;

/** Decodes strict base64 (a `data:` prefix and whitespace allowed); null when invalid. */
export function decodeBase64(text: string): Buffer | null {
	const payload = text.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
	if (payload.length === 0 || payload.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(payload)) return null;
	return Buffer.from(payload, 'base64');
}

/** Only loopback hosts: the sandbox must never reach out to the internet. */
export function isLoopbackUrl(url: URL): boolean {
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
	const host = url.hostname.replace(/^\[|\]$/g, '');
	if (host === 'localhost') return true;
	if (isIP(host) === 4) return host.startsWith('127.');
	return host === '::1';
}

async function fetchLoopback(files: FileStore, text: string): Promise<StatementSource> {
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return { problem: 'invalid_url' };
	}
	if (!isLoopbackUrl(url)) return { problem: 'invalid_url' };
	try {
		const response = await request(url, { method: 'GET', headersTimeout: FETCH_TIMEOUT_MS, bodyTimeout: FETCH_TIMEOUT_MS });
		if (response.statusCode !== 200) {
			await response.body.dump();
			return { problem: 'invalid_url' };
		}
		const name = decodeURIComponent(url.pathname.split('/').pop() || 'statement.pdf');
		return { file: await files.fromStream(response.body, name, MAX_URL_BYTES) };
	} catch {
		return { problem: 'invalid_url' };
	}
}

/** Takes the statement file from a received form: the `file` part, a base64 `file` field, or `file_url`. */
export async function statementSource(form: ReceivedForm, files: FileStore, kind: SourceKind): Promise<StatementSource> {
	if (kind === 'base64') {
		if (form.filePart !== null) return { problem: 'not_a_file' };
		const text = form.fields.file;
		if (text === undefined || text === '') {
			if (form.fields.file_url) return fetchLoopback(files, form.fields.file_url);
			return { problem: 'missing' };
		}
		const bytes = decodeBase64(text);
		if (bytes === null) return { problem: 'invalid_base64' };
		return { file: await files.fromBuffer(bytes, 'statement.pdf') };
	}
	if (form.filePart !== null) return { file: form.filePart };
	if (form.fields.file !== undefined && form.fields.file !== '') return { problem: 'not_a_file' };
	if (form.fields.file_url) return fetchLoopback(files, form.fields.file_url);
	return { problem: 'missing' };
}
