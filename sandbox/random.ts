import { createHash } from 'crypto';

/** The sandbox's one seeded PRNG (mulberry32): the same seed gives the same statement, and the same processing delays, everywhere. */
export class SeededRandom {
	private state: number;

	constructor(seed: string) {
		this.state = createHash('sha256').update(seed).digest().readUInt32LE(0);
	}

	/** A float in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** An integer in [min, max]. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	/** A string of `length` decimal digits (leading zeros allowed). */
	digits(length: number): string {
		let out = '';
		for (let i = 0; i < length; i++) out += String(this.int(0, 9));
		return out;
	}

	/** `length` pseudo-random bytes. */
	bytes(length: number): Buffer {
		const out = Buffer.alloc(length);
		for (let i = 0; i < length; i += 4) {
			const word = Math.floor(this.next() * 4294967296);
			for (let b = 0; b < 4 && i + b < length; b++) out[i + b] = (word >>> (8 * b)) & 0xff;
		}
		return out;
	}
}
