import { sleep } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { runInSlots, Slots, stoppedByOtherItemError } from '../transport';

export { mapWithConcurrency } from '../transport';

const slotsOfRun = new WeakMap<IExecuteFunctions, Slots>();

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
	try {
		return await runInSlots(slots, count, task, () => stoppedByOtherItemError(context.getNode()));
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
	if (!(await slots.acquire())) throw stoppedByOtherItemError(context.getNode());
}
