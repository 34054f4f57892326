import { mapWithConcurrency } from '../../../nodes/BankConnect/helpers/concurrency';

const wait = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

describe('mapWithConcurrency', () => {
	test('keeps the input order whatever order tasks finish in', async () => {
		const delays = [40, 5, 25, 0, 15];
		const finished: number[] = [];
		const results = await mapWithConcurrency(delays, 5, async (delay, index) => {
			await wait(delay);
			finished.push(index);
			return `result-${index}`;
		});
		expect(results).toEqual(['result-0', 'result-1', 'result-2', 'result-3', 'result-4']);
		expect(finished).not.toEqual([0, 1, 2, 3, 4]);
	});

	test.each([1, 3, 8])('never runs more than %d at once, and uses all of them', async (limit) => {
		let running = 0;
		let most = 0;
		await mapWithConcurrency(Array.from({ length: 20 }, (_, index) => index), limit, async () => {
			running++;
			most = Math.max(most, running);
			await wait(5);
			running--;
		});
		expect(most).toBe(limit);
	});

	test('a limit below 1 still makes progress one at a time', async () => {
		expect(await mapWithConcurrency([1, 2, 3], 0, async (value) => value * 2)).toEqual([2, 4, 6]);
	});

	test('empty input gives empty output without calling the task', async () => {
		const task = jest.fn();
		expect(await mapWithConcurrency([], 5, task)).toEqual([]);
		expect(task).not.toHaveBeenCalled();
	});

	test('after a failure no new task starts and the first failure is thrown', async () => {
		const started: number[] = [];
		const run = mapWithConcurrency([0, 1, 2, 3, 4, 5], 2, async (value) => {
			started.push(value);
			await wait(10);
			if (value === 1) throw new Error('task 1 failed');
			return value;
		});
		await expect(run).rejects.toThrow('task 1 failed');
		await wait(50);
		expect(started).toEqual([0, 1, 2]);
	});
});
