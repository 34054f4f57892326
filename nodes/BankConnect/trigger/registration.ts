import type { IHookFunctions } from 'n8n-workflow';

import { SESSION_WEBHOOK_MODE, updateWebhookUrl } from '../api';
import type { Flow } from './payloads';
import type { Registration, TriggerState } from './state';

/** What one activation sets at BankConnect: a URL of this trigger, the flow and the mode. */
export type WantedRegistration = Omit<Registration, 'registeredAt'>;

/** The registration this activation wants: this trigger's URL (production, or test while listening), flow and mode. */
export function wantedRegistration(url: string, flow: Flow, entityMode: number): WantedRegistration {
	return { url, flow, mode: flow === 'entity' ? entityMode : SESSION_WEBHOOK_MODE };
}

/**
 * The production registrations this n8n process made, by workflow and node. "Listen for test event"
 * runs with static data of its own, so this is where its end finds the production URL to put back.
 */
const productionRegistrations = new Map<string, WantedRegistration>();

function triggerKey(context: IHookFunctions): string {
	return `${context.getWorkflow().id ?? ''}:${context.getNode().id}`;
}

/** Points the account's single webhook URL at this trigger and records it. */
export async function registerWebhook(context: IHookFunctions, state: TriggerState, wanted: WantedRegistration, now: Date): Promise<void> {
	await updateWebhookUrl(context, wanted.flow, wanted.url, wanted.mode);
	state.registration = { ...wanted, registeredAt: now.toISOString() };
}

/** Remembers what the active workflow registered, for the end of a later test listen. */
export function rememberProductionRegistration(context: IHookFunctions, registration: WantedRegistration): void {
	productionRegistrations.set(triggerKey(context), registration);
}

/** The active workflow's registration made by this process, if any. */
export function productionRegistrationOf(context: IHookFunctions): WantedRegistration | undefined {
	return productionRegistrations.get(triggerKey(context));
}

/** The workflow is no longer active: a test listen has nothing to put back. */
export function forgetProductionRegistration(context: IHookFunctions): void {
	productionRegistrations.delete(triggerKey(context));
}

/**
 * Sets the production URL again after a test listen pointed the account at the test URL. A failure
 * is logged, not thrown: n8n is tearing the test webhook down, and the next activation (an n8n
 * restart included) registers the production URL anyway.
 */
export async function restoreProductionRegistration(context: IHookFunctions, production: WantedRegistration): Promise<void> {
	try {
		await updateWebhookUrl(context, production.flow, production.url, production.mode);
	} catch (error) {
		const reason = error instanceof Error ? error.message : 'unknown error';
		context.logger.warn(
			`BankConnect Trigger "${context.getNode().name}": the account's webhook URL still points at the test URL after "Listen for test event" (${reason}); activate the workflow again to restore it`,
		);
	}
}
