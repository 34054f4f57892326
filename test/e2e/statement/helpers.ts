/** Shared pieces of the Statement → Upload end-to-end tests: entities, sessions, expected transactions. */
import type { INodeExecutionData } from 'n8n-workflow';

import { composeStatement } from '../../../sandbox/statements/compose';
import type { StatementContent } from '../../../sandbox/statements/compose';
import type { SandboxProcess } from '../../harness/sandboxProcess';

/** Creates an entity directly (the node's Entity → Create is tested elsewhere). */
export async function createEntity(sandbox: SandboxProcess): Promise<string> {
	const response = await fetch(`${sandbox.baseUrl}/v1/entity/`, {
		method: 'POST',
		headers: { 'x-api-key': sandbox.apiKey, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ link_id: 'statement-e2e' }),
	});
	expect(response.status).toBe(201);
	return ((await response.json()) as { entity_id: string }).entity_id;
}

/** Creates a session with the default date range (the last 6 months). */
export async function createSession(sandbox: SandboxProcess): Promise<string> {
	const response = await fetch(`${sandbox.baseUrl}/v1/session/`, {
		method: 'POST',
		headers: { 'x-api-key': sandbox.apiKey, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ link_id: 'statement-e2e-session', api_key: sandbox.apiKey }),
	});
	expect(response.status).toBe(200);
	return ((await response.json()) as { session_id: string }).session_id;
}

/** What the sample statement of this query contains (the generator's own plan of the PDF). */
export function contentOf(query: { bank: string; months: number; seed: string; end?: string }): StatementContent {
	return composeStatement({ bank: query.bank, months: query.months, seed: query.seed, endDate: query.end });
}

export function amountOf(line: StatementContent['lines'][number]): number {
	return (line.debit ?? line.credit) as number;
}

/** The split transaction items are the PDF's lines: count, first and last date, and a known amount. */
export function expectTransactionsOf(items: INodeExecutionData[], content: StatementContent, entityId?: string): void {
	expect(items).toHaveLength(content.lines.length);
	const first = content.lines[0];
	const last = content.lines[content.lines.length - 1];
	expect(items[0].json).toMatchObject({ date: first.date, amount: amountOf(first), balance: first.balance });
	expect(items[items.length - 1].json).toMatchObject({ date: last.date, amount: amountOf(last), balance: last.balance });
	const middle = Math.floor(content.lines.length / 2);
	expect(items[middle].json).toMatchObject({ date: content.lines[middle].date, amount: amountOf(content.lines[middle]) });
	if (entityId) expect(items.every((item) => item.json.entity_id === entityId)).toBe(true);
	expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
}
