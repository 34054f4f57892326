import { createHash } from 'crypto';

/** The sha256 (hex) of a file's bytes, given whole or as chunks. */
export async function sha256Hex(bytes: Uint8Array | AsyncIterable<Uint8Array>): Promise<string> {
	const hash = createHash('sha256');
	if (bytes instanceof Uint8Array) return hash.update(bytes).digest('hex');
	for await (const chunk of bytes) hash.update(chunk);
	return hash.digest('hex');
}
