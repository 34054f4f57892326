import type { BankHealth } from '../../api';

/** Banks whose net banking was down at the last run: identifier (upper case) → when it was first seen down. */
export type DownBanks = Record<string, string>;

/** A bank whose net banking went down or came back up since the last run. */
export interface HealthChange {
	event: 'went down' | 'back up';
	entry: BankHealth;
	downSince: string;
}

/** `updated_at` with its time zone: BankConnect sends `YYYY-MM-DD HH:MM:SS` in UTC. */
export function withTimeZone(updatedAt: string): string {
	return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(updatedAt) ? `${updatedAt} UTC` : updatedAt;
}

/**
 * What changed since the last run, and what to remember for the next. On the first run (nothing
 * remembered) every bank that is down went down. A bank missing from this answer is neither up
 * nor down: it is remembered as it was.
 */
export function healthChanges(previous: DownBanks | undefined, health: BankHealth[]): { changes: HealthChange[]; down: DownBanks } {
	const before = previous ?? {};
	const down: DownBanks = {};
	const changes: HealthChange[] = [];
	const seen = new Set<string>();
	for (const entry of health) {
		const bank = entry.bank.toUpperCase();
		seen.add(bank);
		const since = before[bank];
		if (!entry.health_up) {
			down[bank] = since ?? withTimeZone(entry.updated_at);
			if (since === undefined) changes.push({ event: 'went down', entry, downSince: down[bank] });
		} else if (since !== undefined) {
			changes.push({ event: 'back up', entry, downSince: since });
		}
	}
	for (const [bank, since] of Object.entries(before)) if (!seen.has(bank)) down[bank] = since;
	return { changes, down };
}
