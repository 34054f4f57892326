import { createHash } from 'crypto';

import { sha256Hex } from '../../../nodes/BankConnect/actions/statement/fileDigest';

const bytes = Buffer.from('%PDF-1.7\n' + 'x'.repeat(100_000), 'latin1');
const expected = createHash('sha256').update(bytes).digest('hex');

async function* chunksOf(buffer: Buffer, size: number): AsyncGenerator<Uint8Array> {
	for (let offset = 0; offset < buffer.byteLength; offset += size) yield buffer.subarray(offset, offset + size);
}

describe('sha256Hex', () => {
	test('the same digest for the whole file and for it in chunks', async () => {
		expect(await sha256Hex(bytes)).toBe(expected);
		expect(await sha256Hex(chunksOf(bytes, 4096))).toBe(expected);
		expect(await sha256Hex(new Uint8Array(bytes))).toBe(expected);
	});

	test('an empty file has the empty digest', async () => {
		expect(await sha256Hex(Buffer.alloc(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
	});
});
