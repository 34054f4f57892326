import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { SESSION_WEBHOOK_MODE, updateWebhookUrl } from '../../api';
import type { WebhookFlow } from '../../api';
import { readHttpUrl, requireText } from '../../helpers/validation';
import { ENTITY_WEBHOOK_MODES } from '../../helpers/webhookSettings';
import { invalidInput } from '../../transport';
import { fieldsFor } from '../operation';

export const description: INodeProperties[] = fieldsFor('webhook', 'updateUrl', [
	{
		displayName:
			'The account has ONE webhook URL per flow: updating it replaces the previous one, including a URL a BankConnect Trigger set when its workflow was activated',
		name: 'singleUrlNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Flow',
		name: 'flow',
		type: 'options',
		options: [
			{ name: 'Entity Flow', value: 'entity', description: 'Classic deliveries: an entity\'s statement completed or failed' },
			{ name: 'Session Flow', value: 'session', description: 'Session events (requirement completion, expiry, enrichment); every mode' },
		],
		default: 'entity',
	},
	{
		displayName: 'Webhook URL',
		name: 'webhookUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://n8n.example.com/webhook/bankconnect',
		description: 'Where BankConnect POSTs its deliveries',
	},
	{
		displayName: 'Webhook Mode',
		name: 'webhookMode',
		type: 'options',
		options: ENTITY_WEBHOOK_MODES,
		default: 1,
		description:
			'Which uploads are reported. BankConnect resets the mode to Net Banking Only whenever the URL is set without one, so the node always sends it.',
		displayOptions: { show: { flow: ['entity'] } },
	},
]);

function requireHttpUrl(context: IExecuteFunctions, itemIndex: number): string {
	const node = context.getNode();
	const url = requireText(node, itemIndex, 'Webhook URL', context.getNodeParameter('webhookUrl', itemIndex));
	if (!readHttpUrl(url).ok) {
		throw invalidInput(node, itemIndex, 'Webhook URL', `must be an http(s) URL (got "${url}")`);
	}
	return url;
}

function requireMode(context: IExecuteFunctions, itemIndex: number, flow: WebhookFlow): number {
	if (flow === 'session') return SESSION_WEBHOOK_MODE;
	const mode = Number(context.getNodeParameter('webhookMode', itemIndex));
	if (mode !== 0 && mode !== 1) {
		throw invalidInput(context.getNode(), itemIndex, 'Webhook Mode', 'must be 0 (net banking only) or 1 (manual uploads too)');
	}
	return mode;
}

/** The item's flow, URL and mode, checked before any URL is set. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<{ flow: WebhookFlow; url: string; mode: number }> {
	const flow = this.getNodeParameter('flow', itemIndex) as WebhookFlow;
	return { flow, url: requireHttpUrl(this, itemIndex), mode: requireMode(this, itemIndex, flow) };
}

/** Sets the webhook URL of the chosen flow, always with the mode. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	{ flow, url, mode }: { flow: WebhookFlow; url: string; mode: number },
): Promise<INodeExecutionData[]> {
	const response = await updateWebhookUrl(this, flow, url, mode, itemIndex);
	const message = typeof response.message === 'string' ? response.message : 'success';
	return [{ json: { flow, webhook_url: url, webhook_mode: mode, message } }];
}
