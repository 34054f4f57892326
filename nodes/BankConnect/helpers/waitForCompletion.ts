import { sleep } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import type { StatementProgress } from '../api';
import { analysisFailedError, waitTimedOutError } from '../transport';

/** Poll interval for a wait that has lasted `elapsedMs`: 1 s at first, the vendor's 2 s, then 5 s for long waits. */
export function pollDelayMs(elapsedMs: number): number {
	if (elapsedMs < 20_000) return 1_000;
	if (elapsedMs < 120_000) return 2_000;
	return 5_000;
}

export interface WaitOptions {
	node: INode;
	itemIndex: number;
	maxWaitSeconds: number;
	/** Injected by tests; the node uses the wall clock and n8n's sleep. */
	now?: () => number;
	pause?: (ms: number) => Promise<void>;
}

function describeStatements(entries: StatementProgress[]): string {
	return entries.map((entry) => entry.statement_id).join(', ');
}

/** Throws when a statement failed; true when every statement is completed. */
export function isComplete(progress: StatementProgress[], node: INode, itemIndex: number): boolean {
	const failed = progress.filter((entry) => entry.status === 'failed');
	if (failed.length > 0) {
		const reasons = failed
			.map((entry) => `statement ${entry.statement_id} failed: ${entry.message ?? 'no reason given'}`)
			.join('; ');
		throw analysisFailedError(node, reasons, itemIndex);
	}
	return progress.every((entry) => entry.status === 'completed');
}

/** What a poll waits for: when a response is final, and how to name what is still pending when time runs out. */
export interface PollGoal<Response> {
	isDone(response: Response): boolean;
	timeoutMessage(response: Response, maxWaitSeconds: number): string;
}

/** Reads until the goal is reached, backing off from 1 s towards 5 s, and gives up after Max Wait. */
export async function pollUntil<Response>(
	read: () => Promise<Response>,
	goal: PollGoal<Response>,
	options: WaitOptions,
): Promise<Response> {
	const now = options.now ?? Date.now;
	const pause = options.pause ?? sleep;
	const started = now();
	const deadline = started + options.maxWaitSeconds * 1000;
	for (;;) {
		const response = await read();
		if (goal.isDone(response)) return response;
		const remaining = deadline - now();
		if (remaining <= 0) {
			throw waitTimedOutError(options.node, goal.timeoutMessage(response, options.maxWaitSeconds), options.itemIndex);
		}
		await pause(Math.min(pollDelayMs(now() - started), remaining));
	}
}

/** Reads until every statement in `progress` is completed; a failed statement stops the wait with its reason. */
export async function waitForCompletion<Response extends { progress: StatementProgress[] }>(
	read: () => Promise<Response>,
	options: WaitOptions,
): Promise<Response> {
	return await pollUntil(
		read,
		{
			isDone: (response) => isComplete(response.progress, options.node, options.itemIndex),
			timeoutMessage: (response, maxWaitSeconds) => {
				const processing = response.progress.filter((entry) => entry.status !== 'completed');
				return `Analysis not complete after ${maxWaitSeconds} s; still processing: ${describeStatements(processing)}`;
			},
		},
		options,
	);
}
