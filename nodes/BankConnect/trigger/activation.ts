import { randomUUID } from 'crypto';
import type { IHookFunctions } from 'n8n-workflow';

import { parseLinkIds } from '../helpers/webhookSettings';
import { requireSecretForAnalysis } from './attachAnalysis';
import { findMissedPayloads } from './catchUp';
import type { Flow } from './payloads';
import {
	forgetProductionRegistration,
	productionRegistrationOf,
	registerWebhook,
	rememberProductionRegistration,
	restoreProductionRegistration,
	wantedRegistration,
} from './registration';
import type { WantedRegistration } from './registration';
import type { TriggerState } from './state';
import { triggerState } from './state';

interface Settings {
	flow: Flow;
	register: boolean;
	wanted: WantedRegistration;
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

/** "Listen for test event" activates the trigger in manual mode, on its test URL. */
function isTestListen(context: IHookFunctions): boolean {
	return context.getMode() === 'manual';
}

/** Bookkeeping of every activation: a fresh activation id, and the catch-up of missed payloads. */
async function recordActivation(context: IHookFunctions, state: TriggerState, settings: Settings): Promise<void> {
	state.activatedAt = new Date().toISOString();
	state.activationId = randomUUID();
	if (!isTestListen(context) && settings.linkIds.length > 0) {
		await findMissedPayloads(context, state, settings.linkIds);
	}
}

/**
 * checkExists: BankConnect cannot tell where the account's URL points now (a test listen, another
 * tool or another workflow may have moved it), so a registering trigger always registers again;
 * update_webhook is idempotent. Settings that cannot run are refused here, before any request.
 */
export async function checkRegistration(context: IHookFunctions): Promise<boolean> {
	await requireSecretForAnalysis(context);
	const settings = readSettings(context);
	if (settings.register) return false;
	await recordActivation(context, triggerState(context.getWorkflowStaticData('node')), settings);
	return true;
}

/** create: sets the account's webhook URL (update_webhook) and records it. */
export async function createRegistration(context: IHookFunctions): Promise<boolean> {
	const state = triggerState(context.getWorkflowStaticData('node'));
	const settings = readSettings(context);
	await registerWebhook(context, state, settings.wanted, new Date());
	if (!isTestListen(context)) rememberProductionRegistration(context, settings.wanted);
	await recordActivation(context, state, settings);
	return true;
}

/**
 * delete: at the end of a test listen, puts the active workflow's production URL back. On
 * deactivation (or a failed activation) BankConnect cannot remove a URL, so it stays; the trigger
 * records when it went inactive. Missed payloads are not touched: only a started workflow marks
 * an event handled, so the next activation's catch-up still finds what arrived meanwhile.
 */
export async function recordDeactivation(context: IHookFunctions): Promise<boolean> {
	const state = triggerState(context.getWorkflowStaticData('node'));
	const url = context.getNodeWebhookUrl('default') ?? '';
	const production = productionRegistrationOf(context);
	if (production !== undefined && production.url !== url) {
		// n8n tears down a test listen with this hook, on the test URL and the test's own static data
		if (state.registration?.url === url) await restoreProductionRegistration(context, production);
		return true;
	}
	forgetProductionRegistration(context);
	state.deactivatedAt = new Date().toISOString();
	delete state.registration;
	return true;
}
