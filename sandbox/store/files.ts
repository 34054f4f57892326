import { createHash, randomUUID } from 'crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'fs';
import { unlink } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';
import { Readable, Transform } from 'stream';
import { pipeline } from 'stream/promises';

/** A statement file kept on disk (never in memory) with its sha256, the sandbox's one file hash (duplicate detection, request log). */
export interface StoredFile {
	path: string;
	sha256: string;
	size: number;
	fileName: string;
}

/** Raised when a stream is longer than allowed: the request is answered 413. */
export class FileTooLargeError extends Error {
	readonly statusCode = 413;
}

/** The temp folder holding uploaded statement files; removed on close. */
export class FileStore {
	readonly dir = mkdtempSync(join(tmpdir(), 'bankconnect-sandbox-'));

	/** Streams `source` to a new file, hashing on the way. */
	async fromStream(source: Readable, fileName: string, maxBytes = Number.POSITIVE_INFINITY): Promise<StoredFile> {
		const path = join(this.dir, randomUUID());
		const hash = createHash('sha256');
		let size = 0;
		const meter = new Transform({
			transform(chunk: Buffer, _encoding, done) {
				size += chunk.length;
				if (size > maxBytes) {
					done(new FileTooLargeError(`file is larger than ${maxBytes} bytes`));
					return;
				}
				hash.update(chunk);
				done(null, chunk);
			},
		});
		await pipeline(source, meter, createWriteStream(path));
		return { path, sha256: hash.digest('hex'), size, fileName };
	}

	/** Stores bytes already in memory (a decoded base64 upload) the same way, so a file is hashed in one place. */
	async fromBuffer(bytes: Buffer, fileName: string): Promise<StoredFile> {
		return this.fromStream(Readable.from([bytes]), fileName);
	}

	/** Deletes a stored file (a refused upload, a deleted session's statement); a file already gone is fine. */
	async discard(file: Pick<StoredFile, 'path'>): Promise<void> {
		await unlink(file.path).catch(() => undefined);
	}

	removeAll(): void {
		rmSync(this.dir, { recursive: true, force: true });
	}
}
