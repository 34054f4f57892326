/** A counting semaphore that can be stopped: after stop(), nobody gets a slot any more. */
export class Slots {
	private waiting: Array<(granted: boolean) => void> = [];

	private stopped = false;

	constructor(private free: number) {}

	/** Resolves true with a slot, or false once the run was stopped. */
	async acquire(): Promise<boolean> {
		if (this.stopped) return false;
		if (this.free > 0) {
			this.free--;
			return true;
		}
		return await new Promise<boolean>((grant) => this.waiting.push(grant));
	}

	release(): void {
		const next = this.waiting.shift();
		if (next) next(true);
		else this.free++;
	}

	stop(): void {
		this.stopped = true;
		for (const grant of this.waiting.splice(0)) grant(false);
	}
}

/**
 * Runs `task` for every index below `count`, each holding one of `slots` while it works; results
 * keep the order. The first failure stops the slots before its slot could pass to another task, so
 * no new task starts, and it is what the caller sees; a task refused a slot fails with `stopped()`.
 */
export async function runInSlots<Output>(
	slots: Slots,
	count: number,
	task: (index: number) => Promise<Output>,
	stopped: () => Error,
): Promise<Output[]> {
	let firstFailure: { reason: unknown } | undefined;
	const run = async (index: number): Promise<Output> => {
		if (!(await slots.acquire())) throw stopped();
		const output = await task(index).catch(async (reason: unknown) => {
			firstFailure ??= { reason };
			slots.stop();
			return await Promise.reject(reason);
		});
		slots.release();
		return output;
	};
	return await Promise.all(Array.from({ length: count }, async (_, index) => await run(index))).catch(
		async (reason: unknown) => await Promise.reject(firstFailure ? firstFailure.reason : reason),
	);
}

/**
 * Runs `task` over `inputs` with at most `limit` in flight; results keep the input order.
 * After a task fails no new task starts, and the first failure is what the caller sees.
 */
export async function mapWithConcurrency<Input, Output>(
	inputs: readonly Input[],
	limit: number,
	task: (input: Input, index: number) => Promise<Output>,
): Promise<Output[]> {
	return await runInSlots(
		new Slots(Math.max(1, limit)),
		inputs.length,
		async (index) => await task(inputs[index], index),
		() => new Error('Stopped because another task failed'),
	);
}
