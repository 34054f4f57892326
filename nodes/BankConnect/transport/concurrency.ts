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

	get isStopped(): boolean {
		return this.stopped;
	}
}

/** How one task of settleInSlots ended: its output, its failure, or never started because the slots were stopped. */
export type Settled<Output> =
	| { outcome: 'done'; value: Output }
	| { outcome: 'failed'; error: unknown; /** 0 for the first task that failed, 1 for the next… */ failureRank: number }
	| { outcome: 'notStarted' };

/**
 * Runs `task` for every index below `count`, each holding one of `slots` while it works, and waits
 * for every task to end: nothing started is abandoned, so whatever it did can be reported. With
 * `stopOnFailure`, the first failure stops the slots before its slot could pass to another task, so
 * no new task starts. Results keep the order.
 */
export async function settleInSlots<Output>(
	slots: Slots,
	count: number,
	task: (index: number) => Promise<Output>,
	options: { stopOnFailure: boolean },
): Promise<Array<Settled<Output>>> {
	let failures = 0;
	const run = async (index: number): Promise<Settled<Output>> => {
		if (!(await slots.acquire())) return { outcome: 'notStarted' };
		try {
			const value = await task(index);
			slots.release();
			return { outcome: 'done', value };
		} catch (error) {
			if (options.stopOnFailure) slots.stop();
			else slots.release();
			return { outcome: 'failed', error, failureRank: failures++ };
		}
	};
	return await Promise.all(Array.from({ length: count }, async (_, index) => await run(index)));
}

/** The failure that happened first, if any task failed. */
export function firstFailure<Output>(settled: Array<Settled<Output>>): { index: number; error: unknown } | undefined {
	let first: { index: number; error: unknown; rank: number } | undefined;
	settled.forEach((result, index) => {
		if (result.outcome === 'failed' && (first === undefined || result.failureRank < first.rank)) {
			first = { index, error: result.error, rank: result.failureRank };
		}
	});
	return first && { index: first.index, error: first.error };
}

/**
 * Runs `task` over `inputs` with at most `limit` in flight; results keep the input order.
 * After a task fails no new task starts; once the started ones end, the first failure is thrown.
 */
export async function mapWithConcurrency<Input, Output>(
	inputs: readonly Input[],
	limit: number,
	task: (input: Input, index: number) => Promise<Output>,
): Promise<Output[]> {
	const settled = await settleInSlots(new Slots(Math.max(1, limit)), inputs.length, async (index) => await task(inputs[index], index), {
		stopOnFailure: true,
	});
	const first = firstFailure(settled);
	if (first) throw first.error;
	return settled.flatMap((result) => (result.outcome === 'done' ? [result.value] : []));
}
