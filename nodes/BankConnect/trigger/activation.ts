import { randomUUID } from 'crypto';
import type { IHookFunctions } from 'n8n-workflow';

import { parseLinkIds } from '../helpers/webhookSettings';
import { findMissedPayloads, markPayloadsHandled } from './catchUp';
import type { Flow } from './payloads';
import { isRegistered, registerWebhook, wantedRegistration } from './registration';
import type { Registration, TriggerState } from './state';
import { triggerState } from './state';

interface Settings {
	flow: Flow;
	register: boolean;
	wanted: Omit<Registration, 'registeredAt'>;
	linkIds: string[];
}

function readSettings(context: IHookFunctions): Settings {
	const flow = context.getNodeParameter('flow', 'entity') as Flow;
	const register = context.getNodeParameter('registerWebhook', true) as boolean;
	const entityMode = register && flow === 'entity' ? (context.getNodeParameter('webhookMode', 1) as number) : 1;
	const catchUp = flow === 'entity' && (context.getNodeParameter('catchUp', false) as boolean);
	return {
		flow,
		register,
		wanted: wantedRegistration(context.getNodeWebhookUrl('default') ?? '', flow, entityMode),
		linkIds: catchUp ? parseLinkIds(context.getNodeParameter('linkIds', '') as string) : [],
	};
}

function isProduction(context: IHookFunctions): boolean {
	return context.getMode() !== 'manual';
}

/** Bookkeeping of every activation: a fresh activation id, and the catch-up of missed payloads. */
async function recordActivation(context: IHookFunctions, state: TriggerState, settings: Settings): Promise<void> {
	state.activatedAt = new Date().toISOString();
	state.activationId = randomUUID();
	if (isProduction(context) && settings.linkIds.length > 0) {
		await findMissedPayloads(context, state, settings.linkIds);
	}
}

/** checkExists: the URL counts as registered when this activation would register what was recorded. */
export async function checkRegistration(context: IHookFunctions): Promise<boolean> {
	const state = triggerState(context.getWorkflowStaticData('node'));
	const settings = readSettings(context);
	if (settings.register && !isRegistered(state, settings.wanted)) return false;
	await recordActivation(context, state, settings);
	return true;
}

/** create: sets the account's webhook URL (update_webhook) and records it. */
export async function createRegistration(context: IHookFunctions): Promise<boolean> {
	const state = triggerState(context.getWorkflowStaticData('node'));
	const settings = readSettings(context);
	await registerWebhook(context, state, settings.wanted, new Date());
	await recordActivation(context, state, settings);
	return true;
}

/**
 * delete: BankConnect cannot remove a webhook URL, so it stays; the trigger records when it went
 * inactive and forgets its registration, so the next activation registers again.
 */
export async function recordDeactivation(context: IHookFunctions): Promise<boolean> {
	const state = triggerState(context.getWorkflowStaticData('node'));
	const settings = readSettings(context);
	state.deactivatedAt = new Date().toISOString();
	delete state.registration;
	if (isProduction(context) && settings.linkIds.length > 0) {
		await markPayloadsHandled(context, state, settings.linkIds);
	}
	return true;
}
