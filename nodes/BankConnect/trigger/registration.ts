import type { IHookFunctions } from 'n8n-workflow';

import { SESSION_WEBHOOK_MODE, updateWebhookUrl } from '../api';
import type { Flow } from './payloads';
import type { Registration, TriggerState } from './state';

/** The registration this activation wants: this workflow's production URL, flow and mode. */
export function wantedRegistration(url: string, flow: Flow, entityMode: number): Omit<Registration, 'registeredAt'> {
	return { url, flow, mode: flow === 'entity' ? entityMode : SESSION_WEBHOOK_MODE };
}

/** Whether what the trigger recorded is what it would register now. The API cannot read the URL back. */
export function isRegistered(state: TriggerState, wanted: Omit<Registration, 'registeredAt'>): boolean {
	const recorded = state.registration;
	return recorded !== undefined && recorded.url === wanted.url && recorded.flow === wanted.flow && recorded.mode === wanted.mode;
}

/** Points the account's single webhook URL at this trigger and records it. */
export async function registerWebhook(
	context: IHookFunctions,
	state: TriggerState,
	wanted: Omit<Registration, 'registeredAt'>,
	now: Date,
): Promise<void> {
	await updateWebhookUrl(context, wanted.flow, wanted.url, wanted.mode);
	state.registration = { ...wanted, registeredAt: now.toISOString() };
}
