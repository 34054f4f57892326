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
