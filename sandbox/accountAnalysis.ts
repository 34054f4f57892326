import { analyseAccount, type AccountAnalysis } from './analysis';
import type { SandboxState } from './store/state';

const cache = new WeakMap<SandboxState, Map<string, { key: string; analysis: AccountAnalysis }>>();

/** The analysis of an account over its completed statements, recomputed only when they change. */
export function analysisOf(state: SandboxState, accountId: string): AccountAnalysis {
	const completed = state.statementsOfAccount(accountId).filter((s) => s.status === 'completed');
	const key = completed.map((s) => s.id).join(',');
	let byAccount = cache.get(state);
	if (!byAccount) {
		byAccount = new Map();
		cache.set(state, byAccount);
	}
	const hit = byAccount.get(accountId);
	if (hit && hit.key === key) return hit.analysis;
	const analysis = analyseAccount(
		accountId,
		completed.map((s) => ({ statementId: s.id, parsed: s.parsed })),
	);
	byAccount.set(accountId, { key, analysis });
	return analysis;
}
