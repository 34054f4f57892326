import { sleep } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { stoppedByOtherItemError } from '../transport';

/** A counting semaphore that can be stopped: after stop(), nobody gets a slot any more. */
class Slots {
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

const slotsOfRun = new WeakMap<IExecuteFunctions, Slots>();

function stoppedError(context: IExecuteFunctions) {
	return stoppedByOtherItemError(context.getNode());
}

/**
 * Runs `task` for every item with at most `limit` items working at once. An item that is only
 * waiting (see pauseOutsideSlot) gives its slot back, so 50 items waiting for their analysis all
 * keep polling on time. The first failure stops items that have not started or are waiting.
 */
export async function runItemsInSlots<Output>(
	context: IExecuteFunctions,
	count: number,
	limit: number,
	task: (itemIndex: number) => Promise<Output>,
): Promise<Output[]> {
	const slots = new Slots(limit);
	slotsOfRun.set(context, slots);
	const runItem = async (itemIndex: number): Promise<Output> => {
		if (!(await slots.acquire())) throw stoppedError(context);
		try {
			return await task(itemIndex);
		} finally {
			slots.release();
		}
	};
	try {
		return await Promise.all(
			Array.from({ length: count }, async (_, itemIndex) =>
				await runItem(itemIndex).catch(async (reason: unknown) => {
					slots.stop();
					return await Promise.reject(reason);
				}),
			),
		);
	} finally {
		slotsOfRun.delete(context);
	}
}

/** Sleeps without holding the item's slot, when the item runs inside runItemsInSlots. */
export async function pauseOutsideSlot(context: IExecuteFunctions, ms: number): Promise<void> {
	const slots = slotsOfRun.get(context);
	if (!slots) return await sleep(ms);
	slots.release();
	await sleep(ms);
	if (!(await slots.acquire())) throw stoppedError(context);
}
