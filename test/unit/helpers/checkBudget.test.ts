import { CheckBudget } from '../../../nodes/BankConnect/helpers/checkBudget';

/** A fake clock: pause() advances it instead of sleeping. */
function fakeClock() {
	let time = 0;
	return { now: () => time, pause: async (ms: number) => void (time += ms) };
}

describe('CheckBudget', () => {
	test('hands out turns 1/rate seconds apart, in the order asked, however many ask at once', async () => {
		const clock = fakeClock();
		const budget = new CheckBudget(10, clock.now, clock.pause);
		const turns: number[] = [];
		for (let check = 0; check < 25; check++) {
			await budget.take();
			turns.push(clock.now());
		}
		expect(turns.slice(0, 4)).toEqual([0, 100, 200, 300]);
		expect(turns.at(-1)).toBe(2400); // 25 checks at 10 a second
	});

	test('a turn asked for after a quiet spell is not delayed, and the quiet spell is not saved up for a burst', async () => {
		const clock = fakeClock();
		const budget = new CheckBudget(2, clock.now, clock.pause);
		await budget.take();
		await clock.pause(5000);
		const before = clock.now();
		await budget.take();
		await budget.take();
		expect(clock.now() - before).toBe(500);
	});
});
