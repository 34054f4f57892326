import type { INode } from 'n8n-workflow';

import { pollDelayMs, waitForCompletion } from '../../../nodes/BankConnect/helpers/waitForCompletion';
import type { StatementProgress } from '../../../nodes/BankConnect/api/types';

const node: INode = { id: 'n', name: 'BankConnect', type: 'n8n-nodes-bankconnect.bankConnect', typeVersion: 1, position: [0, 0], parameters: {} };

/** A fake clock: pause() advances it instead of sleeping, and records each pause. */
function fakeClock() {
	let time = 1_000_000;
	const pauses: number[] = [];
	return {
		pauses,
		now: () => time,
		pause: async (ms: number) => {
			pauses.push(ms);
			time += ms;
		},
		advance: (ms: number) => (time += ms),
	};
}

const entry = (statement_id: string, status: StatementProgress['status'], message: string | null = null): StatementProgress => ({
	statement_id,
	status,
	message,
});

describe('pollDelayMs', () => {
	test.each([
		[0, 2000],
		[119_999, 2000],
		[20 * 60_000 - 1, 2000],
		[20 * 60_000, 10_000],
		[3_600_000, 10_000],
	])('after %d ms waiting, polls every %d ms', (elapsed, delay) => {
		expect(pollDelayMs(elapsed)).toBe(delay);
	});
});

describe('waitForCompletion', () => {
	test('reads until completed, every 2 s (BankConnect\'s own interval), never every second', async () => {
		const clock = fakeClock();
		let reads = 0;
		const response = await waitForCompletion(
			async () => {
				reads++;
				clock.advance(100); // each read takes a little time
				return { progress: [entry('s1', reads < 80 ? 'processing' : 'completed')], reads };
			},
			{ node, itemIndex: 0, maxWaitSeconds: 3600, now: clock.now, pause: clock.pause },
		);
		expect(response.reads).toBe(80);
		expect(clock.pauses).toEqual(new Array(79).fill(2000));
	});

	test('a wait right after an upload pauses before its first read', async () => {
		const clock = fakeClock();
		const read = jest.fn(async () => ({ progress: [entry('s1', 'completed')] }));
		await waitForCompletion(read, { node, itemIndex: 0, maxWaitSeconds: 10, firstCheckAfterMs: 2000, now: clock.now, pause: clock.pause });
		expect(clock.pauses).toEqual([2000]);
		expect(read).toHaveBeenCalledTimes(1);
	});

	test('returns at once when already completed', async () => {
		const clock = fakeClock();
		const read = jest.fn(async () => ({ progress: [entry('s1', 'completed'), entry('s2', 'completed')] }));
		await waitForCompletion(read, { node, itemIndex: 0, maxWaitSeconds: 10, now: clock.now, pause: clock.pause });
		expect(read).toHaveBeenCalledTimes(1);
		expect(clock.pauses).toEqual([]);
	});

	test('an entity with no statements yet is not complete: the wait ends at Max Wait saying the entity has no statements yet', async () => {
		const clock = fakeClock();
		const read = jest.fn(async () => ({ progress: [] as StatementProgress[] }));
		const run = waitForCompletion(read, { node, itemIndex: 2, maxWaitSeconds: 10, now: clock.now, pause: clock.pause });
		await expect(run).rejects.toMatchObject({
			name: 'NodeOperationError',
			message: 'Analysis not complete after 10 s; the entity has no statements yet; upload one first',
			context: { itemIndex: 2 },
		});
		expect(read).toHaveBeenCalledTimes(6);
	});

	test('a statement that shows up after an empty read is waited for', async () => {
		const clock = fakeClock();
		const answers = [[], [entry('s1', 'processing')], [entry('s1', 'completed')]];
		const read = jest.fn(async () => ({ progress: answers.shift() ?? [] }));
		const response = await waitForCompletion(read, { node, itemIndex: 0, maxWaitSeconds: 10, now: clock.now, pause: clock.pause });
		expect(response.progress).toEqual([entry('s1', 'completed')]);
		expect(read).toHaveBeenCalledTimes(3);
	});

	test('a failed statement throws naming every failed statement and its message, on the item', async () => {
		const clock = fakeClock();
		const run = waitForCompletion(
			async () => ({ progress: [entry('s1', 'failed', 'Password incorrect'), entry('s2', 'failed'), entry('s3', 'processing')] }),
			{ node, itemIndex: 3, maxWaitSeconds: 10, now: clock.now, pause: clock.pause },
		);
		await expect(run).rejects.toMatchObject({
			name: 'NodeOperationError',
			message: 'BankConnect could not analyse the statements: statement s1 failed: Password incorrect; statement s2 failed: no reason given',
			context: { itemIndex: 3 },
		});
	});

	test('gives up at Max Wait, never pausing past it, listing the statements still processing', async () => {
		const clock = fakeClock();
		const run = waitForCompletion(
			async () => ({ progress: [entry('s1', 'completed'), entry('s2', 'processing'), entry('s3', 'processing')] }),
			{ node, itemIndex: 1, maxWaitSeconds: 30, now: clock.now, pause: clock.pause },
		);
		await expect(run).rejects.toMatchObject({
			name: 'NodeOperationError',
			message: 'Analysis not complete after 30 s; still processing: s2, s3',
			description: 'Raise Max Wait, or check again later.',
			context: { itemIndex: 1 },
		});
		expect(clock.pauses.reduce((sum, ms) => sum + ms, 0)).toBe(30_000);
		expect(clock.pauses).toEqual(new Array(15).fill(2000));
	});
});
