/**
 * Answers BankConnect legitimately gives that the answer checks must not refuse.
 * - recurring_transactions/ without one direction: FinBox's own Python SDK reads
 *   `response['transactions'].get("credit_transactions", [])` (and the same for debits), so a missing
 *   set of one direction means none.
 * - an entity whose statement failed: the SDK reads the records only once every statement is
 *   completed (get_progress_status), so the answer of a failed entity need not carry them; the wait
 *   must stop with the statement's own reason, not with "BankConnect answered ... with no ...".
 */
import { ENVELOPE, progress, RECURRING } from '../../fixtures/analysis';
import { ENTITY_ID } from '../../fixtures/entities';
import { apiPath, mockApi, resetNetwork } from '../../harness/bankConnectApi';
import { analysisRead, runNode } from '../../harness/runNode';

function answer(path: string, body: unknown) {
	mockApi().scope.get(apiPath(`/v1/entity/${ENTITY_ID}/${path}/`)).query(true).reply(200, body as Record<string, unknown>);
}

/** A failed statement's answer carrying no records (ENVELOPE has none). */
const FAILED_WITHOUT_RECORDS = { ...ENVELOPE, progress: progress('failed', 'Password incorrect') };

beforeEach(resetNetwork);

test.each([
	['debits', { credit_transactions: RECURRING.credit_transactions }, 'credit'],
	['credits', { debit_transactions: RECURRING.debit_transactions }, 'debit'],
])('recurring transactions answered without %s: one item per set of the other direction, no error', async (_missing, transactions, direction) => {
	answer('recurring_transactions', { ...ENVELOPE, transactions });

	const { items, error } = await runNode(analysisRead('recurringTransactions'));

	expect(error).toBeUndefined();
	expect(items.length).toBeGreaterThan(0);
	expect(items.every((item) => item.json.direction === direction)).toBe(true);
});

test('recurring transactions as one item per transaction of a set, without debits: no error', async () => {
	answer('recurring_transactions', { ...ENVELOPE, transactions: { credit_transactions: RECURRING.credit_transactions } });

	const { items, error } = await runNode(analysisRead('recurringTransactions', { output: 'setTransactions' }));

	expect(error).toBeUndefined();
	expect(items.length).toBeGreaterThan(0);
});

test('waiting on an entity whose statement failed and whose answer carries no records: the failure reason, not an unreadable answer', async () => {
	answer('transactions', FAILED_WITHOUT_RECORDS);

	const { error } = await runNode(analysisRead('transactions', { waitForCompletion: true, maxWaitSeconds: 30 }));

	expect(error?.message).toMatch(/failed: Password incorrect/);
	expect(error?.message).not.toMatch(/BankConnect answered/);
});

test('read once (no wait) on an entity whose statement failed and whose answer carries no records: the failure reason, not a JavaScript error', async () => {
	answer('transactions', FAILED_WITHOUT_RECORDS);

	const { items, error } = await runNode(analysisRead('transactions'));

	expect(items).toEqual([]);
	expect(error?.message).toMatch(/failed: Password incorrect/);
});
