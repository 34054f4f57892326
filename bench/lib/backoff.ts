/**
 * The phases of the node's wait: where its poll interval changes, read from the node's own schedule
 * (pollDelayMs), so the whole-job batch can be made to cross every one of them. When the wait's
 * schedule changes shape, this is the one place the benchmarks learn it.
 */
import { pollDelayMs } from '../../nodes/BankConnect/helpers/waitForCompletion';

export interface BackoffPhase {
	/** ms since the wait began */
	fromMs: number;
	pollMs: number;
}

/** The poll interval's phases over the first `horizonMs` of a wait, sampled every `stepMs`. */
export function backoffPhases(horizonMs = 900_000, stepMs = 250): BackoffPhase[] {
	const phases: BackoffPhase[] = [];
	for (let elapsed = 0; elapsed <= horizonMs; elapsed += stepMs) {
		const pollMs = pollDelayMs(elapsed);
		if (phases.at(-1)?.pollMs !== pollMs) phases.push({ fromMs: elapsed, pollMs });
	}
	return phases;
}

/** The phase a wait that has lasted `elapsedMs` is in (its index). */
export function phaseOf(phases: readonly BackoffPhase[], elapsedMs: number): number {
	let index = 0;
	while (index + 1 < phases.length && phases[index + 1].fromMs <= elapsedMs) index++;
	return index;
}

export function describePhases(phases: readonly BackoffPhase[]): string {
	return phases.map((phase) => `from ${phase.fromMs / 1000} s every ${phase.pollMs / 1000} s`).join(', ');
}
