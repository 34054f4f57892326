import type { IHookFunctions } from 'n8n-workflow';

import { readWebhookPayloads } from '../api';
import { startedEvents } from './dedup';
import { entityEventKey } from './events';
import type { StoredEntityPayload } from './payloads';
import type { TriggerState } from './state';

/** At most this many missed payloads wait in static data; the oldest go first, the rest wait for the next activation. */
export const MAX_PENDING_CATCH_UP = 1000;

/** Where catch-up of one link ID reads from: payloads after `time`, and those at `time` not among `keys`. */
interface Cursor {
	time: string;
	keys: string[];
}

/** A cursor before every `date_time` (the empty string sorts first). */
const BEFORE_ANY_PAYLOAD: Cursor = { time: '', keys: [] };

function byTime(a: StoredEntityPayload, b: StoredEntityPayload): number {
	// `YYYY-MM-DD HH:MM:SS` sorts as text
	return a.date_time < b.date_time ? -1 : a.date_time > b.date_time ? 1 : 0;
}

function isAfter(payload: StoredEntityPayload, cursor: Cursor): boolean {
	return payload.date_time > cursor.time || (payload.date_time === cursor.time && !cursor.keys.includes(entityEventKey(payload)));
}

/** The cursor just past `handled` (all of one link ID, oldest first), or `from` when there is nothing past it. */
function cursorPast(handled: StoredEntityPayload[], from: Cursor): Cursor {
	const last = handled[handled.length - 1];
	if (last === undefined) return from;
	const atLast = handled.filter((p) => p.date_time === last.date_time).map(entityEventKey);
	const keys = from.time === last.date_time ? [...new Set([...from.keys, ...atLast])] : atLast;
	return { time: last.date_time, keys };
}

function readCursor(state: TriggerState, linkId: string): Cursor | undefined {
	const time = state.lastPayloadTime?.[linkId];
	return time === undefined ? undefined : { time, keys: state.lastPayloadKeys?.[linkId] ?? [] };
}

/**
 * On activation: finds the payloads of each link ID that came after the ones the trigger looked at
 * before, drops those it already started, and queues the rest, oldest first, to start with the
 * next delivery. The first activation for a link ID only records where to start. A payload is
 * passed over only once it is queued (saved with the activation) or was started; past the queue's
 * cap the link's cursor stays before the first payload left out, so the next activation finds it.
 */
export async function findMissedPayloads(context: IHookFunctions, state: TriggerState, linkIds: string[]): Promise<void> {
	const wasStarted = startedEvents(state);
	const pending = state.pendingCatchUp ?? [];
	const found: StoredEntityPayload[] = [];
	const cursors = new Map<string, Cursor>();
	const afterCursor = new Map<string, StoredEntityPayload[]>();
	for (const linkId of linkIds) {
		const from = readCursor(state, linkId);
		const payloads = (await readWebhookPayloads(context, linkId)).slice().reverse().sort(byTime);
		if (from === undefined) {
			// everything listed now came before the trigger; with nothing listed, everything later is after it
			cursors.set(linkId, cursorPast(payloads, BEFORE_ANY_PAYLOAD));
			continue;
		}
		const after = payloads.filter((p) => isAfter(p, from));
		afterCursor.set(linkId, after);
		cursors.set(linkId, from);
		found.push(...after.filter((p) => !wasStarted(entityEventKey(p))));
	}
	// what an earlier activation queued stays queued: its cursor has moved past it
	const alreadyQueued = new Set(pending.map(entityEventKey));
	const fresh = [...new Map(found.map((p) => [entityEventKey(p), p])).values()].filter((p) => !alreadyQueued.has(entityEventKey(p))).sort(byTime);
	const room = Math.max(0, MAX_PENDING_CATCH_UP - pending.length);
	const queued = [...pending, ...fresh.slice(0, room)].sort(byTime);
	const leftOut = new Set(fresh.slice(room).map(entityEventKey));
	for (const [linkId, after] of afterCursor) {
		const firstLeftOut = after.findIndex((p) => leftOut.has(entityEventKey(p)));
		const handled = firstLeftOut < 0 ? after : after.slice(0, firstLeftOut);
		cursors.set(linkId, cursorPast(handled, cursors.get(linkId) ?? BEFORE_ANY_PAYLOAD));
	}
	state.pendingCatchUp = queued;
	state.lastPayloadTime = { ...(state.lastPayloadTime ?? {}) };
	state.lastPayloadKeys = { ...(state.lastPayloadKeys ?? {}) };
	for (const [linkId, cursor] of cursors) {
		state.lastPayloadTime[linkId] = cursor.time;
		state.lastPayloadKeys[linkId] = cursor.keys;
	}
}
