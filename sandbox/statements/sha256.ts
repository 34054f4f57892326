import { createHash } from 'crypto';

/** Lowercase hex SHA-256 of a file's bytes (duplicate-upload detection). */
export function sha256(data: Buffer | Uint8Array): string {
	return createHash('sha256').update(data).digest('hex');
}
