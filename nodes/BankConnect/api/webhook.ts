import { apiRequest, mustHold } from '../transport';
import type { RequestContext } from '../transport';
import { recordWrite } from './runLedger';
import type { WebhookFlow, WebhookPayloadList, WebhookPayloadRecord } from './types';

/** `webhook_mode` of the session flow: deliveries for every mode (PDF, AA, net banking). */
export const SESSION_WEBHOOK_MODE = 3;

const UPDATE_WEBHOOK_PATH: Record<WebhookFlow, string> = {
	entity: '/v1/entity/update_webhook/',
	session: '/v1/session_data/update_webhook/',
};

/**
 * Replaces the account's single webhook URL of that flow. The mode is always sent: left out,
 * BankConnect resets it to 0. Setting the same URL and mode twice changes nothing, so it is retried.
 */
export async function updateWebhookUrl(
	context: RequestContext,
	flow: WebhookFlow,
	url: string,
	mode: number,
	itemIndex?: number,
): Promise<Record<string, unknown>> {
	const answer = await apiRequest<Record<string, unknown>>(context, {
		method: 'POST',
		path: UPDATE_WEBHOOK_PATH[flow],
		json: { webhook_url: url, webhook_mode: mode },
		idempotent: true,
		itemIndex,
	});
	recordWrite(context, itemIndex, `${flow}-flow webhook URL set`);
	return answer;
}

/** The entity-flow payloads BankConnect kept for a link ID, newest first. */
export async function readWebhookPayloads(
	context: RequestContext,
	linkId: string,
	itemIndex?: number,
): Promise<WebhookPayloadRecord[]> {
	const list = await apiRequest<WebhookPayloadList>(context, {
		method: 'GET',
		path: '/v1/entity/webhook_payloads/',
		query: { link_id: linkId },
		itemIndex,
		answerProblem: mustHold(),
	});
	return Array.isArray(list.payloads) ? list.payloads : [];
}
