import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { checkRegistration, createRegistration, recordDeactivation } from './trigger/activation';
import { triggerProperties } from './trigger/description';
import { handleDelivery } from './trigger/handleDelivery';
import { dropRecordedRepeats } from './trigger/recordedEvents';

export class BankConnectTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'BankConnect Trigger',
		name: 'bankConnectTrigger',
		icon: { light: 'file:bankconnect.svg', dark: 'file:bankconnect.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["flow"] === "session" ? "Session flow" : "Entity flow" }}',
		description: 'Starts the workflow when FinBox BankConnect finishes (or fails) analysing a statement or session',
		defaults: { name: 'BankConnect Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'bankConnectApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: triggerProperties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkRegistration(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createRegistration(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await recordDeactivation(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleDelivery(this);
	}

	/** n8n runs this first in every execution a delivery starts, with the items webhook() returned. */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [await dropRecordedRepeats(this)];
	}
}
