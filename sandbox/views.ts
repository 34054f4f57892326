import { analysisOf } from './accountAnalysis';
import type { AccountAnalysis } from './analysis';
import type { SandboxState } from './store/state';
import type { AccountRecord, EntityRecord, StatementRecord } from './store/types';

/** `{entity_id, link_id, meta_data}` */
export function entityView(entity: EntityRecord): Record<string, unknown> {
	return { entity_id: entity.id, link_id: entity.linkId, meta_data: entity.metaData };
}

/** The `progress` list; today's docs add each statement's `source` (the sandbox only takes PDFs). */
export function progressView(statements: StatementRecord[], options: { withSource?: boolean } = {}): Array<Record<string, unknown>> {
	return statements.map((s) => ({ status: s.status, message: s.message, statement_id: s.id, ...(options.withSource ? { source: 'pdf' } : {}) }));
}

/** Identity as printed on the account's first statement. */
export function firstStatement(state: SandboxState, account: AccountRecord): StatementRecord | undefined {
	return state.statementsOfAccount(account.id)[0];
}

export function accountView(state: SandboxState, account: AccountRecord): Record<string, unknown> {
	const first = firstStatement(state, account);
	return {
		months: analysisOf(state, account.id).months,
		statements: state.statementsOfAccount(account.id).map((s) => s.id),
		account_id: account.id,
		ifsc: first?.parsed.identity.ifsc ?? null,
		micr: first?.parsed.identity.micr ?? null,
		account_number: account.accountNumber,
		bank: account.bank,
	};
}

export function identityView(state: SandboxState, account: AccountRecord): Record<string, unknown> {
	const identity = firstStatement(state, account)?.parsed.identity;
	return {
		address: identity?.address ?? null,
		account_number: account.accountNumber,
		account_id: account.id,
		name: identity?.name ?? null,
	};
}

/** The fraud block of every analysis response: the union over the accounts' analyses. */
export function fraudView(analyses: AccountAnalysis[]): AccountAnalysis['fraud'] {
	const fraudulent = new Set<string>();
	const types: AccountAnalysis['fraud']['fraud_type'] = [];
	for (const a of analyses) {
		a.fraud.fraudulent_statements.forEach((id) => fraudulent.add(id));
		types.push(...a.fraud.fraud_type);
	}
	return { fraudulent_statements: [...fraudulent], fraud_type: types };
}

/**
 * `top_credits_debits/`'s `{top_5_credit: {"Jan-21": {<note>: amount}}, top_5_debit: {…}}` over
 * the accounts: each month's five largest, a note once (its largest amount).
 */
export function topCreditsDebitsByNote(analyses: AccountAnalysis[]): Record<'top_5_credit' | 'top_5_debit', Record<string, Record<string, number>>> {
	const byMonth = (type: 'top_5_credit' | 'top_5_debit'): Record<string, Record<string, number>> => {
		const months: Record<string, Record<string, number>> = {};
		const all = analyses.flatMap((a) => a.topCreditsDebits[type]);
		for (const { month } of all) {
			const ranked = all
				.filter((entry) => entry.month === month)
				.flatMap((entry) => entry.data)
				.sort((a, b) => b.amount - a.amount);
			const notes: Record<string, number> = {};
			for (const transaction of ranked) {
				if (Object.keys(notes).length === 5) break;
				if (!(transaction.transaction_note in notes)) notes[transaction.transaction_note] = transaction.amount;
			}
			months[shortMonthOfKey(month)] = notes;
		}
		return months;
	};
	return { top_5_credit: byMonth('top_5_credit'), top_5_debit: byMonth('top_5_debit') };
}

/** `Oct-2023` → `Oct-23`. */
function shortMonthOfKey(key: string): string {
	return `${key.slice(0, 4)}${key.slice(-2)}`;
}

/** The envelope every `GET /v1/entity/<id>/<field>/` response shares. */
export function analysisEnvelope(state: SandboxState, entity: EntityRecord): Record<string, unknown> {
	const accounts = state.accountsOf(entity.id);
	return {
		entity_id: entity.id,
		progress: progressView(state.statementsOf(entity.id)),
		accounts: accounts.map((a) => accountView(state, a)),
		fraud: fraudView(accounts.map((a) => analysisOf(state, a.id))),
	};
}
