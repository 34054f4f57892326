import type { AnalysisEnvelope } from '../../api';

/** Fraud columns added to each split item, flat so a spreadsheet row shows them. */
export interface FraudFlags {
	is_fraud: boolean;
	fraud_types: string;
}

export interface FraudFlagger {
	/** An account (or its identity) is flagged when any of its statements is listed as fraudulent. */
	forAccount(accountId: string | undefined): FraudFlags;
	/** Transactions are flagged when one of their hashes is listed, or their account has statement-wide fraud. */
	forTransactions(accountId: string | undefined, hashes: string[]): FraudFlags;
	/** One transaction's flags (forTransactions of its one hash), without building anything when the answer lists no fraud. */
	forTransaction(accountId: string | undefined, hash: string): FraudFlags;
}

/** Shared by every transaction of an answer without fraud entries: one object for 60,000 rows, read only. */
const NOT_FLAGGED: FraudFlags = Object.freeze({ is_fraud: false, fraud_types: '' });

function flags(types: string[], listed: boolean): FraudFlags {
	const unique = [...new Set(types)];
	return { is_fraud: listed || unique.length > 0, fraud_types: unique.join(', ') };
}

/** Reads the envelope's `fraud` block once and answers per account or transaction. */
export function createFraudFlagger(envelope: Partial<Pick<AnalysisEnvelope, 'accounts' | 'fraud'>>): FraudFlagger {
	const fraudulentStatements = new Set(envelope.fraud?.fraudulent_statements ?? []);
	const entries = envelope.fraud?.fraud_type ?? [];
	const statementsOfAccount = new Map(
		(envelope.accounts ?? []).map((account) => [account.account_id, new Set(account.statements ?? [])]),
	);
	const statementsOf = (accountId: string | undefined) => statementsOfAccount.get(accountId ?? '') ?? new Set<string>();

	const forTransactions = (accountId: string | undefined, hashes: string[]): FraudFlags => {
		const statements = statementsOf(accountId);
		const hashSet = new Set(hashes);
		const types = entries
			.filter((entry) =>
				entry.transaction_hash ? hashSet.has(entry.transaction_hash) : statements.has(entry.statement_id),
			)
			.map((entry) => entry.fraud_type);
		return flags(types, false);
	};

	return {
		forAccount(accountId) {
			const statements = statementsOf(accountId);
			const types = entries.filter((entry) => statements.has(entry.statement_id)).map((entry) => entry.fraud_type);
			return flags(types, [...statements].some((id) => fraudulentStatements.has(id)));
		},
		forTransactions,
		forTransaction(accountId, hash) {
			return entries.length === 0 ? NOT_FLAGGED : forTransactions(accountId, [hash]);
		},
	};
}
