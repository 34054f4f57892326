import { readFile } from 'fs/promises';
import type { SandboxContext } from '../context';
import { analyseAccount } from '../analysis';
import { readStatementPdf } from '../statements/read';
import { StatementReadError, type ParsedStatement, type StatementFailure } from '../statements/types';
import type { StoredFile } from '../store/files';

export type ReadOutcome = { parsed: ParsedStatement } | { failure: StatementFailure; message: string };

/** Reads an uploaded PDF from disk, at most `parseConcurrency` at a time, so memory stays bounded. */
export async function readUpload(context: SandboxContext, file: StoredFile, password: string | undefined): Promise<ReadOutcome> {
	return context.parseLimiter.run(async () => {
		try {
			const bytes = await readFile(file.path);
			return { parsed: await readStatementPdf(bytes, password || undefined) };
		} catch (error) {
			if (error instanceof StatementReadError) return { failure: error.failure, message: error.message };
			return { failure: 'STATEMENT_UNSUPPORTED_FORMAT', message: 'PDF is not parsable' };
		}
	});
}

/** The fraud checks done at upload time, on this statement alone. */
export function uploadFraud(accountId: string, statementId: string, parsed: ParsedStatement): { is_fraud: boolean; fraud_type: string | null } {
	const { fraud } = analyseAccount(accountId, [{ statementId, parsed }]);
	const first = fraud.fraud_type.find((f) => f.statement_id === statementId);
	return { is_fraud: first !== undefined, fraud_type: first?.fraud_type ?? null };
}
