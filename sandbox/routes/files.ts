import { createReadStream } from 'fs';
import type { FastifyInstance } from 'fastify';
import { analysisOf } from '../accountAnalysis';
import type { SandboxContext } from '../context';
import { buildExcelReport } from '../report/excel';
import { firstStatement } from '../views';

/** Serves the expiring PDF and Excel links handed out by `get_pdfs/` and `raw_excel_report/`. */
export function registerFileRoutes(app: FastifyInstance, context: SandboxContext): void {
	app.get('/__sandbox/files/:token/:name', async (request, reply) => {
		const target = context.links.resolve((request.params as { token: string }).token);
		if (target === 'expired') return reply.code(403).send({ detail: 'Request has expired' });
		if (target === undefined) return reply.code(404).send({ detail: 'Not found.' });
		if (target.kind === 'pdf') {
			const statement = context.state.statements.get(target.statementId);
			if (!statement) return reply.code(404).send({ detail: 'Not found.' });
			return reply.type('application/pdf').send(createReadStream(statement.filePath));
		}
		const account = context.state.accounts.get(target.accountId);
		if (!account) return reply.code(404).send({ detail: 'Not found.' });
		const identity = firstStatement(context.state, account)?.parsed.identity;
		const xlsx = await buildExcelReport({
			bank: account.bank,
			accountNumber: account.accountNumber,
			accountId: account.id,
			holder: identity?.name ?? null,
			analysis: analysisOf(context.state, account.id),
		});
		return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(xlsx);
	});
}
