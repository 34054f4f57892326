/** Runs at most `concurrency` tasks at once; the rest wait in order. */
export class Limiter {
	private running = 0;
	private readonly waiting: Array<() => void> = [];

	constructor(private readonly concurrency: number) {}

	async run<T>(task: () => Promise<T>): Promise<T> {
		if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
		this.running += 1;
		try {
			return await task();
		} finally {
			this.running -= 1;
			this.waiting.shift()?.();
		}
	}
}
