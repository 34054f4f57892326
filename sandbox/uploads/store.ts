import { randomUUID } from 'crypto';
import type { SandboxContext } from '../context';
import type { ParsedStatement } from '../statements/types';
import type { StoredFile } from '../store/files';
import type { AccountRecord, StatementRecord } from '../store/types';

/** Records an accepted statement under its owner's account (created on first sight). */
export function storeStatement(
	context: SandboxContext,
	owner: { entityId: string | null; sessionId: string | null },
	file: StoredFile,
	parsed: ParsedStatement,
	pdfPassword: string | undefined,
): { statement: StatementRecord; account: AccountRecord } {
	const now = context.clock.now();
	const account = context.state.accountFor(owner.entityId ?? owner.sessionId ?? '', parsed.bank, parsed.identity.account_number);
	account.updatedAt = now;
	const statement: StatementRecord = {
		id: randomUUID(),
		entityId: owner.entityId,
		sessionId: owner.sessionId,
		accountId: account.id,
		bank: parsed.bank,
		sha256: file.sha256,
		filePath: file.path,
		fileName: file.fileName,
		pdfPassword: pdfPassword || null,
		uploadedAt: now,
		status: 'processing',
		message: null,
		processingMs: null,
		completedAt: null,
		parsed,
	};
	context.state.statements.set(statement.id, statement);
	return { statement, account };
}
