import type { IExecuteFunctions } from 'n8n-workflow';

import { pauseOutsideSlot, runItemsInSlots } from '../../../nodes/BankConnect/helpers/concurrency';

const indexes = (count: number) => Array.from({ length: count }, (_, index) => index);
const stop = { stopOnFailure: true };

function fakeContext(): IExecuteFunctions {
	return { getNode: () => ({ name: 'BankConnect' }) } as unknown as IExecuteFunctions;
}

describe('runItemsInSlots', () => {
	test('never runs more than the limit of working items, and keeps results in item order', async () => {
		let working = 0;
		let mostWorking = 0;
		const results = await runItemsInSlots(fakeContext(), indexes(12), 3, async (itemIndex) => {
			working++;
			mostWorking = Math.max(mostWorking, working);
			await new Promise((resolve) => setTimeout(resolve, 5 + (itemIndex % 4) * 3));
			working--;
			return itemIndex * 10;
		}, stop);
		expect(results.map((result) => result.outcome === 'done' && result.value)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110]);
		expect(mostWorking).toBe(3);
	});

	test('a waiting item gives its slot back: every item starts polling before the first one finishes', async () => {
		const context = fakeContext();
		const events: string[] = [];
		await runItemsInSlots(context, indexes(8), 2, async (itemIndex) => {
			events.push(`start ${itemIndex}`);
			await pauseOutsideSlot(context, 30);
			events.push(`end ${itemIndex}`);
		}, stop);
		const firstEnd = events.findIndex((event) => event.startsWith('end'));
		expect(events.slice(0, firstEnd).sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((index) => `start ${index}`).sort());
	});

	test('the first failure stops the items that have not started and the ones waiting, and waits for the ones working', async () => {
		const context = fakeContext();
		const started: number[] = [];
		const resumed: number[] = [];
		const finished: number[] = [];
		const results = await runItemsInSlots(context, indexes(6), 2, async (itemIndex) => {
			started.push(itemIndex);
			if (itemIndex === 0) throw new Error('item 0 failed');
			if (itemIndex === 1) {
				await new Promise((resolve) => setTimeout(resolve, 40));
				finished.push(itemIndex);
				return 'still finished';
			}
			await pauseOutsideSlot(context, 20);
			resumed.push(itemIndex);
			return 'resumed';
		}, stop);
		expect(results[0]).toMatchObject({ outcome: 'failed', error: new Error('item 0 failed') });
		expect(results[1]).toEqual({ outcome: 'done', value: 'still finished' });
		expect(finished).toEqual([1]);
		expect(started.length).toBeLessThan(6);
		expect(resumed).toEqual([]);
		expect(results.filter((result) => result.outcome === 'notStarted').length).toBe(6 - started.length);
	});

	test('without stopOnFailure a failure stops nothing', async () => {
		const results = await runItemsInSlots(fakeContext(), indexes(4), 1, async (itemIndex) => {
			if (itemIndex === 1) throw new Error('item 1 failed');
			return itemIndex;
		}, { stopOnFailure: false });
		expect(results.map((result) => result.outcome)).toEqual(['done', 'failed', 'done', 'done']);
	});

	test('outside runItemsInSlots, pauseOutsideSlot simply sleeps', async () => {
		await expect(pauseOutsideSlot(fakeContext(), 1)).resolves.toBeUndefined();
	});
});
