import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pauseOutsideSlot } from '../../helpers/itemSlots';
import { MAX_WAIT_RANGE, requireMaxWait } from '../../helpers/validation';
import { pollUntil } from '../../helpers/waitForCompletion';
import { getSessionProgress } from '../../api';
import type { SessionProgress } from '../../api';

/** Max Wait of a session wait, shown when `shownWhen` (a boolean field) is on. */
export function maxWaitField(shownWhen: string): INodeProperties {
	return {
		displayName: 'Max Wait (Seconds)',
		name: 'maxWaitSeconds',
		type: 'number',
		typeOptions: { minValue: MAX_WAIT_RANGE.min, maxValue: MAX_WAIT_RANGE.max },
		default: 300,
		description: 'How long to wait before failing with the statements still processing',
		displayOptions: { show: { [shownWhen]: [true] } },
	};
}

export function maxWaitOf(context: IExecuteFunctions, itemIndex: number): number {
	return requireMaxWait(context.getNode(), itemIndex, context.getNodeParameter('maxWaitSeconds', itemIndex));
}

/** Reads `progress/` until `session_progress` is completed (the vendor polls it every 2 s; this starts at 1 s). */
export async function waitForSession(
	context: IExecuteFunctions,
	sessionId: string,
	itemIndex: number,
	maxWaitSeconds: number,
): Promise<SessionProgress> {
	return await pollUntil(
		async () => await getSessionProgress(context, sessionId, itemIndex),
		{
			isDone: (response) => response.session_progress === 'completed',
			timeoutMessage: (response, seconds) => {
				const pending = response.progress.filter((entry) => entry.processing_status === 'processing');
				const ids = pending.map((entry) => entry.statement_id).join(', ');
				return `Session ${sessionId} still processing after ${seconds} s${ids === '' ? '' : `; statements: ${ids}`}`;
			},
		},
		{ node: context.getNode(), itemIndex, maxWaitSeconds, pause: async (ms) => await pauseOutsideSlot(context, ms) },
	);
}
