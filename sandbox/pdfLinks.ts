import type { SandboxContext } from './context';
import type { StatementRecord } from './store/types';

/** Statement files are deleted 30 days after upload; their link is then `""`. */
export const FILE_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/** The `get_pdfs/` list: a fresh one-hour link per statement still retained. */
export function statementPdfLinks(context: SandboxContext, origin: string, statements: StatementRecord[]): Array<Record<string, unknown>> {
	const now = context.clock.now();
	return statements.map((s) => ({
		statement_id: s.id,
		bank_name: s.bank,
		pdf_password: s.pdfPassword,
		pdf_url: now - s.uploadedAt > FILE_RETENTION_MS ? '' : context.links.issue(origin, { kind: 'pdf', statementId: s.id }, `${s.id}.pdf`),
		account_id: s.accountId,
	}));
}
