import type { WorkflowJson } from './instance';

export const NODE_TYPE = 'n8n-nodes-bankconnect.bankConnect';
export const TRIGGER_TYPE = 'n8n-nodes-bankconnect.bankConnectTrigger';

/** Manual Trigger "Start" → BankConnect node "BankConnect" with these parameters. */
export function manualWorkflow(name: string, parameters: Record<string, unknown>): WorkflowJson {
	return {
		name,
		nodes: [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ name: 'BankConnect', type: NODE_TYPE, typeVersion: 1, position: [240, 0], parameters },
		],
		connections: { Start: { main: [[{ node: 'BankConnect', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/**
 * BankConnect Trigger "Statement Analysed" (entity flow; the webhook secret is the credential's) →
 * BankConnect "Identity" of that entity. `nodeSecret` puts a secret in the node, as workflows saved
 * before the credential had its Webhook Secret did.
 */
export function triggerWorkflow(name: string, webhookId: string, nodeSecret?: string): WorkflowJson {
	return {
		name,
		nodes: [
			{
				name: 'Statement Analysed',
				type: TRIGGER_TYPE,
				typeVersion: 1,
				position: [0, 0],
				webhookId,
				parameters: { flow: 'entity', entityEvents: ['completed', 'failed'], webhookMode: 1, ...(nodeSecret === undefined ? {} : { secret: nodeSecret }) },
			},
			{
				name: 'Identity',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [240, 0],
				parameters: { resource: 'analysis', operation: 'identity', entityId: '={{ $json.entity_id }}' },
			},
		],
		connections: { 'Statement Analysed': { main: [[{ node: 'Identity', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** The production URL n8n serves a trigger's `webhook` path on: `<base>/webhook/<webhookId>/webhook`. */
export function productionWebhookUrl(base: string, webhookId: string): string {
	return `${base}/webhook/${webhookId}/webhook`;
}

/** The URL n8n serves the same path on while the editor listens for a test event. */
export function testWebhookUrl(base: string, webhookId: string): string {
	return `${base}/webhook-test/${webhookId}/webhook`;
}
