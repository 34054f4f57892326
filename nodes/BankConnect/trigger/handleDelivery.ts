import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { ANALYSIS_NEEDS_SECRET, attachAnalysis, readAttachChoice } from './attachAnalysis';
import { claimNewEvents, dedupPolicy } from './dedup';
import { entityEvent, isWanted, sessionEvents } from './events';
import type { EventFilter, TriggerEvent } from './events';
import { parsePayload, readJsonBody } from './payloads';
import type { Flow } from './payloads';
import { respond } from './respond';
import { triggerState } from './state';
import { checkSecret, readWebhookSecret } from './verification';

function readFilter(context: IWebhookFunctions, flow: Flow): EventFilter {
	return {
		entityStatuses: flow === 'entity' ? (context.getNodeParameter('entityEvents', []) as string[]) : [],
		sessionEvents: flow === 'session' ? (context.getNodeParameter('sessionEvents', []) as string[]) : [],
		enrichmentStatuses: flow === 'session' ? (context.getNodeParameter('enrichmentStatuses', []) as string[]) : [],
	};
}

/**
 * One delivery: verify, parse, filter, drop repeats, answer 200 at once, then (optionally) read
 * the analysis and hand the items to n8n. Refused deliveries start nothing. The trigger's
 * execute() then drops repeats another n8n process already started (recordedEvents.ts).
 */
export async function handleDelivery(context: IWebhookFunctions): Promise<IWebhookResponseData> {
	const flow = context.getNodeParameter('flow', 'entity') as Flow;
	const secret = await readWebhookSecret(context);
	const secretCheck = checkSecret(context.getHeaderData(), secret);
	if (secretCheck === 'missing' || secretCheck === 'mismatch') {
		respond(context, 401, { message: `Refused: the x-secret-key header is ${secretCheck === 'missing' ? 'missing' : 'wrong'}` });
		return { noWebhookResponse: true };
	}

	const body = readJsonBody(context.getBodyData(), context.getRequestObject().rawBody);
	if (!body.ok) {
		respond(context, 400, { message: 'Refused: the body is not JSON' });
		return { noWebhookResponse: true };
	}
	const parsed = parsePayload(flow, body.value);
	if (!parsed.ok) {
		respond(context, 400, { message: `Refused: not a BankConnect ${flow}-flow payload (${parsed.problem})` });
		return { noWebhookResponse: true };
	}

	const receivedAt = new Date().toISOString();
	const delivered: TriggerEvent[] =
		parsed.flow === 'entity' ? [entityEvent(parsed.payload, 'webhook', receivedAt)] : sessionEvents(parsed.payload, receivedAt);

	const state = triggerState(context.getWorkflowStaticData('node'));
	const production = context.getMode() !== 'manual';
	const caughtUp: TriggerEvent[] = [];
	if (production && state.pendingCatchUp && state.pendingCatchUp.length > 0) {
		caughtUp.push(...state.pendingCatchUp.map((payload) => entityEvent(payload, 'catch-up', receivedAt)));
		state.pendingCatchUp = [];
	}

	const filter = readFilter(context, flow);
	const candidates = [...caughtUp, ...delivered].filter((event) => isWanted(event, filter));
	const scope = `${context.getWorkflow().id ?? ''}:${context.getNode().id}:${state.activationId ?? ''}`;
	const policy = dedupPolicy(context.getNodeParameter('options', {}) as IDataObject);
	const claimed = claimNewEvents(state, scope, candidates.map((event) => event.key), Date.now(), policy);
	const starting = claimed.map((index) => candidates[index]);

	respond(context, 200, { message: 'received', started: starting.length });
	if (starting.length === 0) return { noWebhookResponse: true };

	const attach = readAttachChoice(context);
	if (attach !== 'none' && secret === '') {
		// activation refuses this; a delivery must not read analysis unverified all the same
		for (const event of starting) if (event.completed) event.json.analysis_error = ANALYSIS_NEEDS_SECRET;
	} else {
		await attachAnalysis(context, starting, attach);
	}
	return {
		noWebhookResponse: true,
		workflowData: [starting.map((event) => ({ json: event.json }))],
	};
}
