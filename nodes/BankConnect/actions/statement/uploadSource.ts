import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

import { readHttpUrl } from '../../helpers/validation';
import { invalidInput } from '../../transport';
import { inspectPdf } from './pdfMagic';
import { sha256Hex } from './fileDigest';

/** Where the statement comes from, as the user chose it. */
export type SourceKind = 'binary' | 'base64' | 'url';

/** A statement file sent as a multipart part; `open()` gives a fresh pass over its bytes. */
export interface FileSource {
	kind: 'file';
	fileName: string;
	size: number;
	/** True when the bytes come from n8n's binary data store on disk (streamed, never held whole). */
	streamed: boolean;
	open(): Promise<AsyncIterable<Uint8Array>>;
}

/** A statement sent as a base64 form field. */
export interface Base64Source {
	kind: 'base64';
	/** Plain base64: no `data:` prefix, no whitespace. */
	base64: string;
}

/** A statement BankConnect fetches itself. */
export interface UrlSource {
	kind: 'url';
	url: string;
}

export type UploadSource = FileSource | Base64Source | UrlSource;

export interface SourceParameters {
	kind: SourceKind;
	/** Input Binary Field */
	binaryField?: unknown;
	/** Base64 Content */
	base64?: unknown;
	/** File URL */
	fileUrl?: unknown;
	/** Whether a PDF password was given: it must then be a password-protected PDF. */
	hasPassword: boolean;
}

export const SOURCE_FIELDS = {
	binary: 'Input Binary Field',
	base64: 'Base64 Content',
	url: 'File URL',
	password: 'PDF Password',
} as const;

const DEFAULT_FILE_NAME = 'statement.pdf';

async function* once(bytes: Buffer): AsyncGenerator<Uint8Array> {
	yield bytes;
}

/** Decodes strict base64 (a `data:…;base64,` prefix and line breaks tolerated); null when it is not base64. */
export function cleanBase64(text: string): string | null {
	const payload = text.replace(/^data:[^,]*;base64,/i, '').replace(/\s+/g, '');
	if (payload.length === 0 || payload.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(payload)) return null;
	return payload;
}

function checkPdf(
	context: IExecuteFunctions,
	itemIndex: number,
	field: string,
	what: string,
	inspection: { size: number; isPdf: boolean; isEncrypted: boolean },
	hasPassword: boolean,
): void {
	const node = context.getNode();
	const givePdf = `Give the statement as a PDF file (the bank's e-statement, not an image or another document) in item ${itemIndex}`;
	if (inspection.size === 0) throw invalidInput(node, itemIndex, field, `${what} is an empty file`, givePdf);
	if (!inspection.isPdf) {
		throw invalidInput(node, itemIndex, field, `${what} is not a PDF (its bytes do not start with %PDF-)`, givePdf);
	}
	if (hasPassword && !inspection.isEncrypted) {
		throw invalidInput(
			node,
			itemIndex,
			SOURCE_FIELDS.password,
			`was given but ${what} is not password-protected; leave PDF Password empty for this file`,
		);
	}
}

async function binarySource(
	context: IExecuteFunctions,
	itemIndex: number,
	parameters: SourceParameters,
): Promise<FileSource> {
	const node = context.getNode();
	const field = SOURCE_FIELDS.binary;
	const property = typeof parameters.binaryField === 'string' ? parameters.binaryField.trim() : '';
	if (property === '') throw invalidInput(node, itemIndex, field, 'must not be empty');
	const binaries = context.getInputData()[itemIndex]?.binary ?? {};
	const binary: IBinaryData | undefined = binaries[property];
	if (!binary) {
		const present = Object.keys(binaries);
		const has = present.length > 0 ? `it has ${present.map((name) => `"${name}"`).join(', ')}` : 'it has no binary data';
		throw invalidInput(node, itemIndex, field, `"${property}" is not a binary property of the input item (${has})`);
	}
	const fileName = binary.fileName?.trim() || DEFAULT_FILE_NAME;
	const what = `the file "${fileName}" in "${property}"`;
	const binaryId = binary.id;
	if (binaryId) {
		// stored on disk by n8n's binary data service: read as a stream, never whole
		const open = async () => (await context.helpers.getBinaryStream(binaryId)) as AsyncIterable<Uint8Array>;
		const inspection = await inspectPdf(await open(), { wholeFile: parameters.hasPassword });
		const metadata = await context.helpers.getBinaryMetadata(binaryId);
		const size = Number(metadata.fileSize);
		checkPdf(context, itemIndex, field, what, { ...inspection, size }, parameters.hasPassword);
		return { kind: 'file', fileName, size, streamed: true, open };
	}
	// every item is checked before the first upload, so the bytes are read again when sent, not held
	const bytesOf = async () => await context.helpers.getBinaryDataBuffer(itemIndex, property);
	const inspection = await inspectPdf(once(await bytesOf()), { wholeFile: true });
	checkPdf(context, itemIndex, field, what, inspection, parameters.hasPassword);
	return { kind: 'file', fileName, size: inspection.size, streamed: false, open: async () => once(await bytesOf()) };
}

async function base64Source(
	context: IExecuteFunctions,
	itemIndex: number,
	parameters: SourceParameters,
): Promise<Base64Source> {
	const node = context.getNode();
	const field = SOURCE_FIELDS.base64;
	if (typeof parameters.base64 !== 'string' || parameters.base64.trim() === '') {
		throw invalidInput(node, itemIndex, field, 'must not be empty');
	}
	const base64 = cleanBase64(parameters.base64);
	if (base64 === null) throw invalidInput(node, itemIndex, field, 'is not valid base64');
	const inspection = await inspectPdf(once(Buffer.from(base64, 'base64')), { wholeFile: true });
	checkPdf(context, itemIndex, field, 'the decoded content', inspection, parameters.hasPassword);
	return { kind: 'base64', base64 };
}

function urlSource(context: IExecuteFunctions, itemIndex: number, parameters: SourceParameters): UrlSource {
	const node = context.getNode();
	const field = SOURCE_FIELDS.url;
	const text = typeof parameters.fileUrl === 'string' ? parameters.fileUrl.trim() : '';
	if (text === '') throw invalidInput(node, itemIndex, field, 'must not be empty');
	const url = readHttpUrl(text);
	if (!url.ok && url.protocol === undefined) throw invalidInput(node, itemIndex, field, `"${text}" is not a URL`);
	if (!url.ok) throw invalidInput(node, itemIndex, field, `must be an http:// or https:// URL (got ${url.protocol})`);
	return { kind: 'url', url: text };
}

/** Reads and checks the statement of one item before anything is sent. */
export async function readUploadSource(
	context: IExecuteFunctions,
	itemIndex: number,
	parameters: SourceParameters,
): Promise<UploadSource> {
	if (parameters.kind === 'binary') return await binarySource(context, itemIndex, parameters);
	if (parameters.kind === 'base64') return await base64Source(context, itemIndex, parameters);
	return urlSource(context, itemIndex, parameters);
}

/** sha256 of the statement's bytes (read again for a file), to find it among the stored statements. */
export async function sourceDigest(source: FileSource | Base64Source): Promise<string> {
	return await sha256Hex(source.kind === 'base64' ? Buffer.from(source.base64, 'base64') : await source.open());
}
