import { sleep } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { settleInSlots, Slots, stoppedByOtherItemError } from '../transport';
import type { Settled } from '../transport';

export { mapWithConcurrency } from '../transport';

const slotsOfRun = new WeakMap<IExecuteFunctions, Slots>();

/**
 * Runs `task` for every item with at most `limit` items working at once, and waits until every
 * started item has ended. An item that is only waiting (see pauseOutsideSlot) gives its slot back,
 * so 50 items waiting for their analysis all keep polling on time. With `stopOnFailure`, the first
 * failure stops items that have not started or are waiting.
 */
export async function runItemsInSlots<Output>(
	context: IExecuteFunctions,
	items: readonly number[],
	limit: number,
	task: (itemIndex: number) => Promise<Output>,
	options: { stopOnFailure: boolean },
): Promise<Array<Settled<Output>>> {
	const slots = new Slots(limit);
	slotsOfRun.set(context, slots);
	try {
		return await settleInSlots(slots, items.length, async (index) => await task(items[index]), options);
	} finally {
		slotsOfRun.delete(context);
	}
}

/** Runs `wait` (e.g. a sleep) without holding the item's slot, when the item runs inside runItemsInSlots. */
export async function pauseOutsideSlot(context: IExecuteFunctions, wait: number | (() => Promise<void>)): Promise<void> {
	const waitNow = typeof wait === 'number' ? async () => await sleep(wait) : wait;
	const slots = slotsOfRun.get(context);
	if (!slots) return await waitNow();
	slots.release();
	await waitNow();
	if (!(await slots.acquire())) throw stoppedByOtherItemError(context.getNode());
}
