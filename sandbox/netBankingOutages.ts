import { BANKS, findBank } from './banks';

/**
 * Which banks' net banking the health API reports as down, and why: the outages of banks.ts until
 * a test sets others (`PUT /__sandbox/net-banking-health`), so a bank can go down and come back up.
 */
export class NetBankingOutages {
	private outages = NetBankingOutages.defaults();

	private static defaults(): Map<string, string> {
		return new Map(BANKS.filter((bank) => !bank.healthUp).map((bank) => [bank.id, bank.issueDetails ?? 'Net banking is down']));
	}

	/** The issue of a bank that is down, undefined when it is up. */
	issueOf(bankId: string): string | undefined {
		return this.outages.get(bankId);
	}

	/** Replaces the outages: bank identifier → issue. Returns why not, for an unknown bank or an issue that is not text. */
	set(outages: unknown): string | undefined {
		if (typeof outages !== 'object' || outages === null || Array.isArray(outages)) return 'outages must be an object of bank identifier → issue';
		const next = new Map<string, string>();
		for (const [id, issue] of Object.entries(outages)) {
			const bank = findBank(id);
			if (!bank) return `unknown bank "${id}"`;
			if (typeof issue !== 'string' || issue === '') return `the issue of ${id} must be text`;
			next.set(bank.id, issue);
		}
		this.outages = next;
		return undefined;
	}

	/** bank identifier → issue, for every bank that is down. */
	list(): Record<string, string> {
		return Object.fromEntries(this.outages);
	}

	reset(): void {
		this.outages = NetBankingOutages.defaults();
	}
}
