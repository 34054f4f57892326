import type { SandboxClock } from './clock';
import type { SandboxOptions } from './options';
import { SeededRandom } from './random';
import type { StatementRecord } from './store/types';

/** Each statement's processing time: processing-ms plus a seeded random 0..jitter, the same sequence per seed. */
export function processingDelays(options: Pick<SandboxOptions, 'processingMs' | 'processingJitterMs' | 'seed'>): () => number {
	const random = new SeededRandom(options.seed);
	return () => options.processingMs + Math.floor(random.next() * (options.processingJitterMs + 1));
}

/** Turns statements from `processing` into `completed` or `failed` after the configured delay. */
export class Processing {
	private readonly timers = new Set<NodeJS.Timeout>();
	/** reasons for the next statements that must fail (`POST /__sandbox/processing-failures`) */
	private readonly failures: string[] = [];
	/** how long the next statement's analysis takes */
	private delayMs: () => number;

	constructor(
		private readonly clock: SandboxClock,
		/** starts the sequence of processing delays from its beginning */
		private readonly delaySequence: () => () => number,
		private readonly onFinished: (statement: StatementRecord) => void,
	) {
		this.delayMs = delaySequence();
	}

	/** Schedules a statement's analysis; with a zero delay it finishes before returning. */
	schedule(statement: StatementRecord): void {
		const delay = this.delayMs();
		statement.processingMs = delay;
		if (delay <= 0) {
			this.finish(statement);
			return;
		}
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			this.finish(statement);
		}, delay);
		this.timers.add(timer);
	}

	/** Makes the next `count` statements that finish processing fail with `reason`. */
	failNext(count: number, reason: string): void {
		for (let i = 0; i < count; i += 1) this.failures.push(reason);
	}

	private finish(statement: StatementRecord): void {
		if (statement.status !== 'processing') return;
		const forced = this.failures.shift();
		if (forced !== undefined) {
			statement.status = 'failed';
			statement.message = forced;
		} else if (statement.parsed.lines.length === 0) {
			statement.status = 'failed';
			statement.message = 'No transactions found in the statement';
		} else {
			statement.status = 'completed';
			statement.message = null;
		}
		statement.completedAt = this.clock.now();
		this.onFinished(statement);
	}

	/** Stops every pending analysis and forgets forced failures. */
	clear(): void {
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
		this.failures.length = 0;
	}

	/** As a restart: nothing pending, and the seeded delays start again from the first. */
	reset(): void {
		this.clear();
		this.delayMs = this.delaySequence();
	}
}
