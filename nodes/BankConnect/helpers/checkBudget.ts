/**
 * The run's budget of progress checks: every check after a pause takes the next free turn, turns
 * spaced 1/rate seconds apart, so all the items of a run together send at most `rate` checks a
 * second, evenly, whatever their own schedules say.
 */
import { sleep } from 'n8n-workflow';

/** Turns spaced evenly in time, handed out in the order they are asked for. */
export class CheckBudget {
	private nextTurn = 0;

	private readonly spacingMs: number;

	constructor(
		perSecond: number,
		private readonly now: () => number = Date.now,
		private readonly pause: (ms: number) => Promise<void> = sleep,
	) {
		this.spacingMs = 1000 / perSecond;
	}

	/** Resolves at this caller's turn. */
	async take(): Promise<void> {
		const now = this.now();
		const turn = Math.max(now, this.nextTurn);
		this.nextTurn = turn + this.spacingMs;
		if (turn > now) await this.pause(turn - now);
	}
}

const budgets = new WeakMap<object, CheckBudget>();

/** The budget of a node run (its context); the first wait of the run sets the rate. */
export function checkBudgetOf(run: object, perSecond: number): CheckBudget {
	let budget = budgets.get(run);
	if (!budget) {
		budget = new CheckBudget(perSecond);
		budgets.set(run, budget);
	}
	return budget;
}
