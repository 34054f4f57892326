import { createReadStream } from 'fs';
import type { FastifyInstance } from 'fastify';
import { analysisOf } from '../accountAnalysis';
import type { SandboxContext } from '../context';
import { aggregateMonthlyAnalysis } from '../insightsViews';
import { buildAggregateReport, buildExcelReport, type ExcelReportInput } from '../report/excel';
import type { AccountRecord } from '../store/types';
import { firstStatement } from '../views';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NOT_FOUND = { detail: 'Not found.' };

/** Serves the expiring PDF and Excel links handed out by `get_pdfs/`, the Excel report reads and the insights. */
export function registerFileRoutes(app: FastifyInstance, context: SandboxContext): void {
	const { state } = context;
	const reportInput = (account: AccountRecord): ExcelReportInput => ({
		bank: account.bank,
		accountNumber: account.accountNumber,
		accountId: account.id,
		holder: firstStatement(state, account)?.parsed.identity.name ?? null,
		analysis: analysisOf(state, account.id),
	});

	app.get('/__sandbox/files/:token/:name', async (request, reply) => {
		const target = context.links.resolve((request.params as { token: string }).token);
		if (target === 'expired') return reply.code(403).send({ detail: 'Request has expired' });
		if (target === undefined) return reply.code(404).send(NOT_FOUND);
		if (target.kind === 'pdf') {
			const statement = state.statements.get(target.statementId);
			if (!statement) return reply.code(404).send(NOT_FOUND);
			return reply.type('application/pdf').send(createReadStream(statement.filePath));
		}
		if (target.kind === 'sessionXlsx') {
			const accounts = state.accountsOf(target.sessionId);
			if (!state.sessions.has(target.sessionId)) return reply.code(404).send(NOT_FOUND);
			const monthly = aggregateMonthlyAnalysis(accounts.map((a) => analysisOf(state, a.id)));
			return reply.type(XLSX).send(await buildAggregateReport(accounts.map(reportInput), monthly));
		}
		const account = state.accounts.get(target.accountId);
		if (!account) return reply.code(404).send(NOT_FOUND);
		return reply.type(XLSX).send(await buildExcelReport({ ...reportInput(account), detailed: target.detailed }));
	});
}
