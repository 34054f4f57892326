import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { apiRequest } from '../BankConnect/transport';
import type { TriggerEvent } from './events';

/** What the user may have fetched and attached to each completed event. */
export type AttachChoice = 'none' | 'transactions' | 'salary' | 'identity' | 'insights';

function describeFailure(error: unknown): string {
	return error instanceof Error ? error.message : 'the analysis could not be read';
}

async function readEntityAnalysis(context: IWebhookFunctions, entityId: string, field: AttachChoice): Promise<IDataObject> {
	return await apiRequest<IDataObject>(context, {
		method: 'GET',
		path: `/v1/entity/${encodeURIComponent(entityId)}/${field}/`,
		resource: `entity ${entityId}`,
	});
}

async function readSessionInsights(context: IWebhookFunctions, sessionId: string): Promise<IDataObject> {
	return await apiRequest<IDataObject>(context, {
		method: 'GET',
		path: `/v1/session_data/${encodeURIComponent(sessionId)}/insights/`,
		resource: `session ${sessionId}`,
	});
}

/** One enrichment item covers one account: it gets that account's part of the session insights. */
function insightsFor(event: TriggerEvent, insights: IDataObject): IDataObject {
	const accountId = event.json.account_id;
	const accounts = insights.accounts as IDataObject | undefined;
	if (typeof accountId === 'string' && accounts && typeof accounts[accountId] === 'object') {
		return { session_id: insights.session_id, account_id: accountId, ...(accounts[accountId] as IDataObject) };
	}
	return insights;
}

/**
 * Reads the chosen analysis for every completed event, once per entity or session, and puts it
 * under `analysis`. A failed read puts `analysis_error` instead: the event still starts the workflow.
 */
export async function attachAnalysis(context: IWebhookFunctions, events: TriggerEvent[], choice: AttachChoice): Promise<void> {
	if (choice === 'none') return;
	const reads = new Map<string, Promise<IDataObject>>();
	for (const event of events) {
		if (!event.completed) continue;
		const id = choice === 'insights' ? event.sessionId : event.entityId;
		if (id === null) continue;
		let read = reads.get(id);
		if (!read) {
			read = choice === 'insights' ? readSessionInsights(context, id) : readEntityAnalysis(context, id, choice);
			reads.set(id, read);
		}
		try {
			const analysis = await read;
			event.json.analysis = choice === 'insights' ? insightsFor(event, analysis) : analysis;
		} catch (error) {
			event.json.analysis_error = describeFailure(error);
		}
	}
}
