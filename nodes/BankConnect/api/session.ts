import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { apiRequest, list, listOrObject, mustHold, text } from '../transport';
import type { ApiRequest, FormFields, RequestContext } from '../transport';
import { recordWrite } from './runLedger';
import { segment } from './segment';
import type {
	CreatedSession,
	SessionAccountInsights,
	SessionDataRead,
	SessionExcelReports,
	SessionIdentityRead,
	SessionInsights,
	SessionProcessingRequest,
	SessionProgress,
	SessionStatus,
	SessionUploadStatus,
	StatementPdfList,
} from './types';

/** One call under `/v1/session_data/<session_id>/`, e.g. `progress`; a read names what its answer must hold. */
async function sessionData<T>(
	context: RequestContext,
	sessionId: string,
	endpoint: string,
	itemIndex?: number,
	options: { method?: IHttpRequestMethods; answerProblem?: ApiRequest['answerProblem'] } = {},
): Promise<T> {
	return await apiRequest<T>(context, {
		method: options.method ?? 'GET',
		path: `/v1/session_data/${segment(sessionId)}/${endpoint}/`,
		resource: `session ${sessionId}`,
		itemIndex,
		answerProblem: options.answerProblem,
	});
}

/** POST /v1/session/: a customer journey link (the credential adds api_key to the form). */
export async function createSession(context: RequestContext, form: FormFields, itemIndex?: number): Promise<CreatedSession> {
	const session = await apiRequest<CreatedSession>(context, { method: 'POST', path: '/v1/session/', form, itemIndex });
	recordWrite(context, itemIndex, 'session created', { ...session });
	return session;
}

/** POST /v2/session/ (Session API V2): JSON, with the AA journey, consents and metadata; the credential adds api_key. */
export async function createSessionV2(context: RequestContext, body: IDataObject, itemIndex?: number): Promise<CreatedSession> {
	const session = await apiRequest<CreatedSession>(context, { method: 'POST', path: '/v2/session/', json: body, itemIndex });
	recordWrite(context, itemIndex, 'session created', { ...session });
	return session;
}

/** GET session_upload_status/: what the customer has uploaded so far. */
export async function getSessionUploadStatus(context: RequestContext, sessionId: string, itemIndex?: number): Promise<SessionUploadStatus> {
	return await sessionData<SessionUploadStatus>(context, sessionId, 'session_upload_status', itemIndex, { answerProblem: mustHold(list('accounts')) });
}

/** POST initiate_processing/ (202); the session takes no more uploads afterwards. */
export async function initiateSessionProcessing(
	context: RequestContext,
	sessionId: string,
	itemIndex?: number,
): Promise<SessionProcessingRequest> {
	const request = await sessionData<SessionProcessingRequest>(context, sessionId, 'initiate_processing', itemIndex, { method: 'POST' });
	recordWrite(context, itemIndex, 'processing started', {}, { session_id: sessionId });
	return request;
}

/** GET progress/: whether processing is complete. */
export async function getSessionProgress(context: RequestContext, sessionId: string, itemIndex?: number): Promise<SessionProgress> {
	return await sessionData<SessionProgress>(context, sessionId, 'progress', itemIndex, { answerProblem: mustHold(text('session_progress'), list('progress')) });
}

/** GET session_status/: each account completed or failed, once processed. */
export async function getSessionStatus(context: RequestContext, sessionId: string, itemIndex?: number): Promise<SessionStatus> {
	return await sessionData<SessionStatus>(context, sessionId, 'session_status', itemIndex, { answerProblem: mustHold(list('accounts')) });
}

/** GET insights/: every account's transactions, balances and more, once processed. */
export async function getSessionInsights(context: RequestContext, sessionId: string, itemIndex?: number): Promise<SessionInsights> {
	return await sessionData<SessionInsights>(context, sessionId, 'insights', itemIndex, { answerProblem: mustHold(listOrObject('accounts')) });
}

/** GET identity/: the account holders of a processed session. */
export async function getSessionIdentity(context: RequestContext, sessionId: string, itemIndex?: number): Promise<SessionIdentityRead> {
	return await sessionData<SessionIdentityRead>(context, sessionId, 'identity', itemIndex, { answerProblem: mustHold(list('identity')) });
}

/** GET xlsx_report/: a detailed Excel report link per account of a processed session. */
export async function getSessionExcelReports(context: RequestContext, sessionId: string, itemIndex?: number): Promise<SessionExcelReports> {
	return await sessionData<SessionExcelReports>(context, sessionId, 'xlsx_report', itemIndex, { answerProblem: mustHold(list('reports')) });
}

/** The session reads whose bodies FinBox does not publish, by their path under `/v1/session_data/<id>/`. */
export type UnpublishedSessionRead = 'transactions' | 'recurring_transactions' | 'predictors' | 'eod_balances' | 'monthly_analysis_updated';

/** GET transactions/, recurring_transactions/, predictors/, eod_balances/ or monthly_analysis_updated/ of a processed session. */
export async function getSessionData(
	context: RequestContext,
	sessionId: string,
	read: UnpublishedSessionRead,
	itemIndex?: number,
): Promise<SessionDataRead> {
	return await sessionData<SessionDataRead>(context, sessionId, read, itemIndex, { answerProblem: mustHold() });
}

/** GET get_pdfs/: the session's statements with their PDF links. */
export async function getSessionPdfs(context: RequestContext, sessionId: string, itemIndex?: number): Promise<StatementPdfList> {
	return await sessionData<StatementPdfList>(context, sessionId, 'get_pdfs', itemIndex, { answerProblem: mustHold(list('statements')) });
}

/** DELETE delete/: removes the session and its data. */
export async function deleteSession(context: RequestContext, sessionId: string, itemIndex?: number): Promise<void> {
	await sessionData<unknown>(context, sessionId, 'delete', itemIndex, { method: 'DELETE' });
	recordWrite(context, itemIndex, 'session deleted', {}, { session_id: sessionId });
}

/** Each account of the insights with its id, from today's list of `{account_id, data}` or the pre-2024 object keyed by id. */
export function insightsAccounts(insights: SessionInsights): Array<[accountId: string, account: SessionAccountInsights]> {
	const accounts = insights.accounts ?? {};
	if (Array.isArray(accounts)) return accounts.map((entry) => [entry.account_id, entry.data ?? {}]);
	return Object.entries(accounts);
}
