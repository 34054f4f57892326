import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { getEntityAnalysis, getSessionInsights, insightsAccounts } from '../api';
import type { SessionInsights } from '../api';
import { activationRefusedError } from '../transport';
import type { TriggerEvent } from './events';
import type { Flow } from './payloads';
import { readWebhookSecret } from './verification';

/** What the user may have fetched and attached to each completed event. */
export type AttachChoice = 'none' | 'transactions' | 'salary' | 'identity' | 'insights';

/** Why an analysis read needs the secret: said where activation is refused and where a read is skipped. */
export const ANALYSIS_NEEDS_SECRET =
	'Attach Analysis needs the Webhook Secret of the BankConnect credential: without it, anyone who learns this URL could make the trigger read any customer\'s analysis with your API key';

/** The Attach Analysis field of the chosen flow. */
export function readAttachChoice(context: IHookFunctions | IWebhookFunctions): AttachChoice {
	const flow = context.getNodeParameter('flow', 'entity') as Flow;
	return context.getNodeParameter(flow === 'entity' ? 'attachAnalysis' : 'attachSessionAnalysis', 'none') as AttachChoice;
}

/** Refuses to activate a trigger that would read analysis on an unverified delivery. */
export async function requireSecretForAnalysis(context: IHookFunctions): Promise<void> {
	if (readAttachChoice(context) === 'none' || (await readWebhookSecret(context)) !== '') return;
	throw activationRefusedError(
		context.getNode(),
		ANALYSIS_NEEDS_SECRET,
		'Set Webhook Secret in the BankConnect credential to the secret configured for your webhooks at FinBox, or set Attach Analysis to None',
	);
}

function describeFailure(error: unknown): string {
	return error instanceof Error ? error.message : 'the analysis could not be read';
}

/** One enrichment item covers one account: it gets that account's part of the session insights (either shape). */
function insightsFor(event: TriggerEvent, insights: SessionInsights): IDataObject {
	const accountId = event.json.account_id;
	const account = insightsAccounts(insights).find(([id]) => id === accountId)?.[1];
	if (typeof accountId === 'string' && typeof account === 'object') {
		return { session_id: insights.session_id, account_id: accountId, ...account };
	}
	return insights as unknown as IDataObject;
}

/** The read the choice names: the entity's analysis field, or the session's insights. */
async function readChosenAnalysis(context: IWebhookFunctions, choice: Exclude<AttachChoice, 'none'>, id: string): Promise<IDataObject> {
	if (choice === 'insights') return (await getSessionInsights(context, id)) as unknown as IDataObject;
	return (await getEntityAnalysis(context, id, choice)) as unknown as IDataObject;
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
			read = readChosenAnalysis(context, choice, id);
			reads.set(id, read);
		}
		try {
			const analysis = await read;
			event.json.analysis = choice === 'insights' ? insightsFor(event, analysis as unknown as SessionInsights) : analysis;
		} catch (error) {
			event.json.analysis_error = describeFailure(error);
		}
	}
}
