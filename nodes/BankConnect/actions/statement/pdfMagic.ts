/** PDF readers accept the `%PDF-` header anywhere in the first 1024 bytes (leading junk is common in mail gateways). */
export const PDF_HEADER_WINDOW = 1024;

const PDF_HEADER = Buffer.from('%PDF-', 'latin1');
const ENCRYPT_KEY = Buffer.from('/Encrypt', 'latin1');

/** Whether the first bytes of a file carry the PDF header; `head` needs at most PDF_HEADER_WINDOW bytes. */
export function hasPdfHeader(head: Uint8Array): boolean {
	return Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, PDF_HEADER_WINDOW)).includes(PDF_HEADER);
}

/**
 * What a pass over a PDF's bytes tells before it is sent: its size, whether it starts like a
 * PDF, and whether it has an encryption dictionary (`/Encrypt` in its trailer), i.e. needs a password.
 */
export interface PdfInspection {
	size: number;
	isPdf: boolean;
	isEncrypted: boolean;
}

/**
 * Reads chunks with constant memory: the header window plus a few bytes of overlap between chunks.
 * Without `wholeFile` it stops after the header window (leaving the iterator, which closes a stream),
 * and `size` and `isEncrypted` then cover only what was read.
 */
export async function inspectPdf(
	chunks: AsyncIterable<Uint8Array>,
	options: { wholeFile: boolean },
): Promise<PdfInspection> {
	let size = 0;
	let head = Buffer.alloc(0);
	let tail = Buffer.alloc(0);
	let isEncrypted = false;
	for await (const chunk of chunks) {
		const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
		size += bytes.byteLength;
		if (head.byteLength < PDF_HEADER_WINDOW) {
			head = Buffer.concat([head, bytes.subarray(0, PDF_HEADER_WINDOW - head.byteLength)]);
		}
		if (!isEncrypted) {
			const window = Buffer.concat([tail, bytes]);
			isEncrypted = window.includes(ENCRYPT_KEY);
			tail = Buffer.from(window.subarray(Math.max(0, window.byteLength - (ENCRYPT_KEY.byteLength - 1))));
		}
		if (!options.wholeFile && head.byteLength >= PDF_HEADER_WINDOW) break;
	}
	return { size, isPdf: hasPdfHeader(head), isEncrypted };
}
