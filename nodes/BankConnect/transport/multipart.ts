import { randomBytes } from 'crypto';

/** The file part of a multipart body: its bytes arrive as chunks, so a large file is never held whole. */
export interface MultipartFile {
	field: string;
	fileName: string;
	contentType: string;
	/** Exact byte length; the body announces it as Content-Length. */
	size: number;
	/** Opened only when the body is read, so a request that never starts leaves no file open. */
	open(): Promise<AsyncIterable<Uint8Array>>;
}

/**
 * A multipart/form-data body that streams. It is shaped like a Blob (toStringTag, `type`, `size`,
 * `stream()`), which axios — under n8n's httpRequest helper — reads chunk by chunk through a
 * Readable, sending `size` as Content-Length and `type` as Content-Type.
 */
export interface MultipartBody {
	readonly [Symbol.toStringTag]: 'Blob';
	readonly type: string;
	readonly size: number;
	stream(): AsyncIterable<Uint8Array>;
	/** The text fields sent before the file, so an error can leave their secrets (a PDF password) out. */
	readonly fields: Readonly<Record<string, string>>;
}

/** Quotes a form-data name or file name the way browsers do (WHATWG): `"`, CR and LF percent-encoded. */
export function quoteFormName(name: string): string {
	return `"${name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}"`;
}

export function newBoundary(): string {
	return `----BankConnectFormBoundary${randomBytes(12).toString('hex')}`;
}

/** Text fields first, then the file part; undefined fields are left out. */
export function multipartBody(
	fields: Record<string, string | undefined>,
	file: MultipartFile,
	boundary: string = newBoundary(),
): MultipartBody {
	const given = Object.fromEntries(
		Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined),
	);
	const fieldParts = Object.entries(given)
		.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name=${quoteFormName(name)}\r\n\r\n${value}\r\n`)
		.join('');
	const preamble = Buffer.from(
		`${fieldParts}--${boundary}\r\nContent-Disposition: form-data; name=${quoteFormName(file.field)}; filename=${quoteFormName(file.fileName)}\r\nContent-Type: ${file.contentType}\r\n\r\n`,
		'utf8',
	);
	const epilogue = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
	let streamed = false;

	async function* stream(): AsyncGenerator<Uint8Array> {
		if (streamed) throw new Error('A multipart body can be sent only once');
		streamed = true;
		yield preamble;
		let sent = 0;
		for await (const chunk of await file.open()) {
			sent += chunk.byteLength;
			yield chunk;
		}
		// Content-Length was announced up front: a file that changed size would corrupt the request
		if (sent !== file.size) throw new Error(`The file had ${sent} bytes, ${file.size} were expected`);
		yield epilogue;
	}

	return {
		[Symbol.toStringTag]: 'Blob',
		type: `multipart/form-data; boundary=${boundary}`,
		size: preamble.byteLength + file.size + epilogue.byteLength,
		stream,
		fields: given,
	};
}
