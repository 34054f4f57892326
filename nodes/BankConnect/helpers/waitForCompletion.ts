/**
 * Waiting for BankConnect: the Max Wait, Max Requests per Second and wait-toggle fields every
 * waiting operation shows, and the polling behind them (an entity's statements analysed, a session
 * processed). Every check after the first goes through the run's check budget, so all the items of
 * a run together stay under Max Requests per Second.
 */
import { sleep } from 'n8n-workflow';
import type { IDisplayOptions, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import type { SessionProgress, StatementProgress } from '../api';
import { analysisFailedError, waitTimedOutError } from '../transport';
import { pauseOutsideSlot } from './concurrency';
import { checkBudgetOf } from './checkBudget';
import { CHECK_RATE_RANGE, MAX_WAIT_RANGE, requireCheckRate, requireMaxWait } from './validation';

const MAX_WAIT_DESCRIPTION = 'How long to wait before failing with the statements still processing';

/** Checks per second of a run when the field is not shown (or was saved before it existed). */
export const DEFAULT_CHECKS_PER_SECOND = 15;

/** The Max Wait (Seconds) field, shown when `show` holds. */
function maxWaitField(show: NonNullable<IDisplayOptions['show']>, description = MAX_WAIT_DESCRIPTION): INodeProperties {
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

/** The Max Requests per Second field: the run's budget of progress checks, shown when `show` holds. */
function checkRateField(show: NonNullable<IDisplayOptions['show']>): INodeProperties {
	return {
		displayName: 'Max Requests per Second',
		name: 'maxRequestsPerSecond',
		type: 'number',
		typeOptions: { minValue: CHECK_RATE_RANGE.min, maxValue: CHECK_RATE_RANGE.max },
		default: DEFAULT_CHECKS_PER_SECOND,
		description:
			"How many progress checks per second the node sends while waiting, for all its items together (the first waiting item's value holds for the run). Each statement is checked every 2 s; with more statements waiting than this allows, each is checked less often. Keep it under your BankConnect account's rate limit.",
		displayOptions: { show },
	};
}

/** The fields of a wait that is on when `show` holds: Max Wait and Max Requests per Second. */
export function waitLimitFields(show: NonNullable<IDisplayOptions['show']>, maxWaitDescription?: string): INodeProperties[] {
	return [maxWaitField(show, maxWaitDescription), checkRateField(show)];
}

/** A wait toggle, off by default, and the limits it shows when on. */
export function waitFields(toggle: { displayName: string; name: string; description: string }): INodeProperties[] {
	return [
		{ displayName: toggle.displayName, name: toggle.name, type: 'boolean', default: false, description: toggle.description },
		...waitLimitFields({ [toggle.name]: [true] }),
	];
}

/** How long an item may wait, and how many checks per second its run may send. */
export interface WaitLimits {
	maxWaitSeconds: number;
	checksPerSecond: number;
}

/** The item's Max Wait in seconds, checked. */
export function maxWaitOf(context: IExecuteFunctions, itemIndex: number): number {
	return requireMaxWait(context.getNode(), itemIndex, context.getNodeParameter('maxWaitSeconds', itemIndex));
}

/** The item's Max Wait and Max Requests per Second, checked (a workflow saved before the field existed gets the default). */
export function waitLimitsOf(context: IExecuteFunctions, itemIndex: number): WaitLimits {
	const rate = context.getNodeParameter('maxRequestsPerSecond', itemIndex, DEFAULT_CHECKS_PER_SECOND);
	return { maxWaitSeconds: maxWaitOf(context, itemIndex), checksPerSecond: requireCheckRate(context.getNode(), itemIndex, rate) };
}

/**
 * Time between checks of one wait that has lasted `elapsedMs`: BankConnect's own 2 s, and 10 s once
 * a wait has lasted 20 minutes (an analysis that slow is stuck more often than not). How often each
 * entity is really checked also depends on the run's budget (Max Requests per Second).
 */
export function pollDelayMs(elapsedMs: number): number {
	return elapsedMs < 20 * 60_000 ? 2_000 : 10_000;
}

export interface WaitOptions {
	node: INode;
	itemIndex: number;
	maxWaitSeconds: number;
	/** Pause before the first check, e.g. right after an upload, which cannot be analysed yet. */
	firstCheckAfterMs?: number;
	/** Injected by tests; the node uses the wall clock and n8n's sleep. */
	now?: () => number;
	pause?: (ms: number) => Promise<void>;
}

/**
 * How an item of a node run waits: between checks it gives its slot to other items, and each check
 * after a pause waits its turn in the run's budget, so many waiting items share Max Requests per Second.
 */
export function itemWait(
	context: IExecuteFunctions,
	itemIndex: number,
	limits: WaitLimits,
	firstCheckAfterMs?: number,
): WaitOptions {
	const budget = checkBudgetOf(context, limits.checksPerSecond);
	return {
		node: context.getNode(),
		itemIndex,
		maxWaitSeconds: limits.maxWaitSeconds,
		firstCheckAfterMs,
		pause: async (ms) =>
			await pauseOutsideSlot(context, async () => {
				await sleep(ms);
				await budget.take();
			}),
	};
}

/** What a poll waits for: when a response is final, and how to name what is still pending when time runs out. */
export interface PollGoal<Response> {
	isDone(response: Response): boolean;
	timeoutMessage(response: Response, maxWaitSeconds: number): string;
}

/** Reads until the goal is reached, every pollDelayMs, and gives up after Max Wait. */
export async function pollUntil<Response>(
	read: () => Promise<Response>,
	goal: PollGoal<Response>,
	options: WaitOptions,
): Promise<Response> {
	const now = options.now ?? Date.now;
	const pause = options.pause ?? sleep;
	const started = now();
	const deadline = started + options.maxWaitSeconds * 1000;
	if (options.firstCheckAfterMs) await pause(Math.min(options.firstCheckAfterMs, options.maxWaitSeconds * 1000));
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

/** Where an entity's analysis stands: a statement failed, some still processing (or none uploaded yet), or every one completed. */
export type AnalysisStatus = 'completed' | 'processing' | 'failed';

/** The status of an entity's analysis from its `progress`; an entity without statements is not complete. */
export function analysisStatus(progress: StatementProgress[]): AnalysisStatus {
	if (progress.some((entry) => entry.status === 'failed')) return 'failed';
	if (progress.length === 0 || progress.some((entry) => entry.status !== 'completed')) return 'processing';
	return 'completed';
}

/** Said of an entity whose progress lists no statement: nothing can be analysed before an upload. */
export const NO_STATEMENTS_YET = 'the entity has no statements yet; upload one first';

/** "Analysis not complete after 300 s; still processing: s2, s3", or that the entity has no statements yet. */
export function analysisTimedOutMessage(progress: StatementProgress[], maxWaitSeconds: number): string {
	const pending = progress
		.filter((entry) => entry.status !== 'completed' && entry.status !== 'failed')
		.map((entry) => entry.statement_id)
		.join(', ');
	return `Analysis not complete after ${maxWaitSeconds} s; ${progress.length === 0 ? NO_STATEMENTS_YET : `still processing: ${pending}`}`;
}

/** "statement s1 failed: Password incorrect; …" */
export function describeFailures(progress: StatementProgress[]): string {
	return progress
		.filter((entry) => entry.status === 'failed')
		.map((entry) => `statement ${entry.statement_id} failed: ${entry.message ?? 'no reason given'}`)
		.join('; ');
}

/** Throws when a statement failed; true when there are statements and every one is completed. */
function isComplete(progress: StatementProgress[], node: INode, itemIndex: number): boolean {
	const status = analysisStatus(progress);
	if (status === 'failed') throw analysisFailedError(node, describeFailures(progress), itemIndex);
	return status === 'completed';
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
			timeoutMessage: (response, maxWaitSeconds) => analysisTimedOutMessage(response.progress, maxWaitSeconds),
		},
		options,
	);
}

/** Reads a session's progress until `session_progress` is completed (the vendor polls it every 2 s). */
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
