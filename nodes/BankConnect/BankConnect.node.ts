import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { analysisDescription } from './actions/analysis/Analysis.resource';
import { entityDescription } from './actions/entity/Entity.resource';
import { netBankingHealthDescription } from './actions/netBankingHealth/NetBankingHealth.resource';
import { router } from './actions/router';
import { sessionDescription } from './actions/session/Session.resource';
import { statementDescription } from './actions/statement/Statement.resource';
import { webhookDescription } from './actions/webhook/Webhook.resource';
import { loadOptions } from './methods';

export class BankConnect implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'BankConnect',
		name: 'bankConnect',
		icon: { light: 'file:bankconnect.svg', dark: 'file:bankconnect.dark.svg' },
		group: ['transform'],
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Analyse bank statements with FinBox BankConnect',
		defaults: { name: 'BankConnect' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'bankConnectApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Analysis', value: 'analysis' },
					{ name: 'Entity', value: 'entity' },
					{ name: 'Net Banking Health', value: 'netBankingHealth' },
					{ name: 'Session', value: 'session' },
					{ name: 'Statement', value: 'statement' },
					{ name: 'Webhook', value: 'webhook' },
				],
				default: 'entity',
			},
			...entityDescription,
			...analysisDescription,
			...netBankingHealthDescription,
			...statementDescription,
			...sessionDescription,
			...webhookDescription,
		],
	};

	methods = { loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
