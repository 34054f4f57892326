/**
 * Waiting for BankConnect: the Max Wait and wait-toggle fields every waiting operation shows, and
 * the polling behind them (an entity's statements analysed, a session processed).
 */
import { sleep } from 'n8n-workflow';
import type { IDisplayOptions, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import type { SessionProgress, StatementProgress } from '../api';
import { analysisFailedError, waitTimedOutError } from '../transport';
import { pauseOutsideSlot } from './concurrency';
import { MAX_WAIT_RANGE, requireMaxWait } from './validation';

const MAX_WAIT_DESCRIPTION = 'How long to wait before failing with the statements still processing';

/** The Max Wait (Seconds) field, shown when `show` holds. */
export function maxWaitField(show: NonNullable<IDisplayOptions['show']>, description = MAX_WAIT_DESCRIPTION): INodeProperties {
	return {
		displayName: 'Max Wait (Seconds)',
		name: 'maxWaitSeconds',
		type: 'number',
		typeOptions: { minValue: MAX_WAIT_RANGE.min, maxValue: MAX_WAIT_RANGE.max },
		default: 300,
		description,
		displayOptions: { show },
	};
}

/** A wait toggle (off by default) and the Max Wait it shows when on. */
export function waitFields(toggle: { displayName: string; name: string; description: string }): INodeProperties[] {
	return [
		{ displayName: toggle.displayName, name: toggle.name, type: 'boolean', default: false, description: toggle.description },
		maxWaitField({ [toggle.name]: [true] }),
	];
}

/** The item's Max Wait in seconds, checked. */
export function maxWaitOf(context: IExecuteFunctions, itemIndex: number): number {
	return requireMaxWait(context.getNode(), itemIndex, context.getNodeParameter('maxWaitSeconds', itemIndex));
}

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

/** How an item of a node run waits: it gives its slot to other items between polls. */
export function itemWait(context: IExecuteFunctions, itemIndex: number, maxWaitSeconds: number): WaitOptions {
	return { node: context.getNode(), itemIndex, maxWaitSeconds, pause: async (ms) => await pauseOutsideSlot(context, ms) };
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

function describeStatements(entries: StatementProgress[]): string {
	return entries.map((entry) => entry.statement_id).join(', ');
}

/** Throws when a statement failed; true when there are statements and every one is completed. */
function isComplete(progress: StatementProgress[], node: INode, itemIndex: number): boolean {
	const failed = progress.filter((entry) => entry.status === 'failed');
	if (failed.length > 0) {
		const reasons = failed
			.map((entry) => `statement ${entry.statement_id} failed: ${entry.message ?? 'no reason given'}`)
			.join('; ');
		throw analysisFailedError(node, reasons, itemIndex);
	}
	// no statement yet is not "all analysed": an entity read before its first upload has nothing to wait for
	return progress.length > 0 && progress.every((entry) => entry.status === 'completed');
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
				if (response.progress.length === 0) {
					return `Analysis not complete after ${maxWaitSeconds} s: no statement was found for this entity; upload one first`;
				}
				const processing = response.progress.filter((entry) => entry.status !== 'completed');
				return `Analysis not complete after ${maxWaitSeconds} s; still processing: ${describeStatements(processing)}`;
			},
		},
		options,
	);
}

/** Reads a session's progress until `session_progress` is completed (the vendor polls it every 2 s; this starts at 1 s). */
export async function waitForSession(
	read: () => Promise<SessionProgress>,
	sessionId: string,
	options: WaitOptions,
): Promise<SessionProgress> {
	return await pollUntil(
		read,
		{
			isDone: (response) => response.session_progress === 'completed',
			timeoutMessage: (response, seconds) => {
				const pending = response.progress.filter((entry) => entry.processing_status === 'processing');
				const ids = pending.map((entry) => entry.statement_id).join(', ');
				return `Session ${sessionId} still processing after ${seconds} s${ids === '' ? '' : `; statements: ${ids}`}`;
			},
		},
		options,
	);
}
