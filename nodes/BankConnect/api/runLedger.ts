/**
 * What the writes of one node run did at BankConnect (a statement stored, an entity or session
 * created, processing started…), recorded where each write returns, so a run that stops part-way
 * can say exactly what it left behind and a re-run can skip it.
 */
import type { RequestContext } from '../transport';

/** One write that BankConnect accepted. */
export interface Write {
	itemIndex: number | undefined;
	/** In the user's words, e.g. "statement uploaded". */
	what: string;
	/** The ids BankConnect answered with, e.g. `{ entity_id, statement_id }`. */
	ids: Record<string, string>;
}

const ledgers = new WeakMap<RequestContext, Write[]>();

/** Starts recording the writes made with this context (the node run). */
export function openLedger(context: RequestContext): void {
	ledgers.set(context, []);
}

/** The writes recorded since openLedger, in the order BankConnect accepted them. */
export function writesOf(context: RequestContext): Write[] {
	return [...(ledgers.get(context) ?? [])];
}

const ID_FIELDS = ['entity_id', 'statement_id', 'session_id'] as const;

/** Records a write (nothing happens outside a node run that opened a ledger, e.g. in the trigger). */
export function recordWrite(
	context: RequestContext,
	itemIndex: number | undefined,
	what: string,
	answer: Record<string, unknown> = {},
	known: Record<string, string> = {},
): void {
	const ledger = ledgers.get(context);
	if (!ledger) return;
	const ids: Record<string, string> = { ...known };
	for (const field of ID_FIELDS) {
		const value = answer[field];
		if (typeof value === 'string' && value !== '') ids[field] = value;
	}
	ledger.push({ itemIndex, what, ids });
}
