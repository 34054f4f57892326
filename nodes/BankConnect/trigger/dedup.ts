import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import type { TriggerState } from './state';

/** How long and how many repeats are remembered. */
export interface DedupPolicy {
	windowSeconds: number;
	maxEntries: number;
}

export const DEFAULT_DEDUP_WINDOW_HOURS = 168;
export const DEFAULT_DEDUP_MAX_ENTRIES = 5000;

/** The policy the node's Options (Duplicate Window (Hours), Remembered Events) set. */
export function dedupPolicy(options: IDataObject): DedupPolicy {
	const hours = Number(options.dedupWindowHours ?? DEFAULT_DEDUP_WINDOW_HOURS);
	const entries = Number(options.dedupMaxEntries ?? DEFAULT_DEDUP_MAX_ENTRIES);
	return {
		windowSeconds: Math.max(1, hours) * 3600,
		maxEntries: Math.max(1, Math.floor(entries)),
	};
}

/** 16 hex chars of SHA-256: small enough to keep thousands in static data, collisions negligible. */
function hashKey(key: string): string {
	return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/**
 * Keys claimed in this process, per workflow activation. n8n loads static data afresh for every
 * request and saves it after, so two copies of one event arriving at the same moment would both
 * pass a check against static data alone; this map closes that gap within one n8n process.
 */
const claimedInProcess = new Map<string, Map<string, number>>();
const MAX_SCOPES = 100;

function processScope(scope: string, maxEntries: number): Map<string, number> {
	let keys = claimedInProcess.get(scope);
	if (!keys) {
		if (claimedInProcess.size >= MAX_SCOPES) {
			const oldest = claimedInProcess.keys().next().value;
			if (oldest !== undefined) claimedInProcess.delete(oldest);
		}
		keys = new Map();
		claimedInProcess.set(scope, keys);
	}
	while (keys.size > maxEntries) {
		const oldest = keys.keys().next().value;
		if (oldest === undefined) break;
		keys.delete(oldest);
	}
	return keys;
}

/** A test of whether an event was started and is still remembered in static data. */
export function startedEvents(state: TriggerState): (key: string) => boolean {
	const remembered = new Set((state.seen ?? []).map(([hash]) => hash));
	return (key) => remembered.has(hashKey(key));
}

/** Drops remembered keys older than the window and beyond the cap (oldest first). */
function prune(seen: Array<[string, number]>, nowSeconds: number, policy: DedupPolicy): Array<[string, number]> {
	const fresh = seen.filter(([, at]) => nowSeconds - at < policy.windowSeconds);
	return fresh.length > policy.maxEntries ? fresh.slice(fresh.length - policy.maxEntries) : fresh;
}

/**
 * Claims the event keys that were not started within the window and records them; returns the
 * indexes of the keys that are new. Synchronous on purpose: no other delivery can interleave
 * between the check and the record.
 */
export function claimNewEvents(
	state: TriggerState,
	scope: string,
	keys: string[],
	nowMs: number,
	policy: DedupPolicy,
): number[] {
	const nowSeconds = Math.floor(nowMs / 1000);
	const seen = prune(state.seen ?? [], nowSeconds, policy);
	const known = new Set(seen.map(([hash]) => hash));
	const inProcess = processScope(scope, policy.maxEntries);
	const claimed: number[] = [];
	keys.forEach((key, index) => {
		const hash = hashKey(key);
		const claimedAt = inProcess.get(hash);
		const claimedRecently = claimedAt !== undefined && nowSeconds - claimedAt < policy.windowSeconds;
		if (known.has(hash) || claimedRecently) return;
		known.add(hash);
		inProcess.set(hash, nowSeconds);
		seen.push([hash, nowSeconds]);
		claimed.push(index);
	});
	state.seen = prune(seen, nowSeconds, policy);
	while (inProcess.size > policy.maxEntries) {
		const oldest = inProcess.keys().next().value;
		if (oldest === undefined) break;
		inProcess.delete(oldest);
	}
	return claimed;
}
