import type { IHookFunctions } from 'n8n-workflow';

import { readWebhookPayloads } from '../api';
import type { StoredEntityPayload } from './payloads';
import type { TriggerState } from './state';

/** At most this many missed payloads wait in static data; the newest are kept. */
export const MAX_PENDING_CATCH_UP = 1000;

function newest(payloads: StoredEntityPayload[]): string | undefined {
	// `YYYY-MM-DD HH:MM:SS` sorts as text
	return payloads.reduce<string | undefined>((max, p) => (max === undefined || p.date_time > max ? p.date_time : max), undefined);
}

/**
 * On activation: finds the payloads of each link ID that are not older than the newest one the
 * trigger already knew (same-second ones included; the duplicate memory drops those it started)
 * and queues them, oldest first. The first activation for a link ID only records where to start.
 */
export async function findMissedPayloads(context: IHookFunctions, state: TriggerState, linkIds: string[]): Promise<void> {
	const lastTimes = { ...(state.lastPayloadTime ?? {}) };
	const missed: StoredEntityPayload[] = [...(state.pendingCatchUp ?? [])];
	for (const linkId of linkIds) {
		const payloads = await readWebhookPayloads(context, linkId);
		const since = lastTimes[linkId];
		// the API lists newest first; reversed, same-second payloads keep their order through the stable sort below
		if (since !== undefined) missed.push(...payloads.filter((p) => p.date_time >= since).reverse());
		const latest = newest(payloads);
		if (latest !== undefined && (since === undefined || latest > since)) lastTimes[linkId] = latest;
	}
	const unique = [...new Map(missed.map((p) => [[p.entity_id, p.statement_id, p.progress].join('|'), p])).values()];
	unique.sort((a, b) => (a.date_time < b.date_time ? -1 : a.date_time > b.date_time ? 1 : 0));
	const dropped = Math.max(0, unique.length - MAX_PENDING_CATCH_UP);
	state.pendingCatchUp = unique.slice(dropped);
	state.catchUpDropped = (state.catchUpDropped ?? 0) + dropped;
	state.lastPayloadTime = lastTimes;
}

/** On deactivation: everything up to now was delivered live, so catch-up starts after it. Best effort. */
export async function markPayloadsHandled(context: IHookFunctions, state: TriggerState, linkIds: string[]): Promise<void> {
	const lastTimes = { ...(state.lastPayloadTime ?? {}) };
	for (const linkId of linkIds) {
		try {
			const latest = newest(await readWebhookPayloads(context, linkId));
			if (latest !== undefined) lastTimes[linkId] = latest;
		} catch {
			// the API being unreachable must not block deactivation; duplicates are still dropped later
		}
	}
	state.lastPayloadTime = lastTimes;
}
