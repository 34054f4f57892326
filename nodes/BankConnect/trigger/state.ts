import type { IDataObject } from 'n8n-workflow';

import type { Flow, StoredEntityPayload } from './payloads';

/** What the trigger registered with BankConnect when its workflow was last activated. */
export interface Registration {
	url: string;
	flow: Flow;
	mode: number;
	registeredAt: string;
}

/**
 * Everything the trigger keeps in the workflow's static data (scope "node"). Plain JSON: n8n
 * stores it with the workflow and loads it for every delivery.
 */
export interface TriggerState {
	registration?: Registration;
	activatedAt?: string;
	/** Changes on every activation; scopes the in-process duplicate guard (see dedup.ts). */
	activationId?: string;
	deactivatedAt?: string;
	/** Recently started events: [hash of the event key, epoch seconds first seen], oldest first. */
	seen?: Array<[string, number]>;
	/** Per link_id, the `date_time` catch-up reads from next time (that second included, but for lastPayloadKeys). */
	lastPayloadTime?: Record<string, string>;
	/** Per link_id, the event keys of the payloads at lastPayloadTime already started, queued or older than the trigger. */
	lastPayloadKeys?: Record<string, string[]>;
	/** Missed payloads found at activation, started with the next delivery. */
	pendingCatchUp?: StoredEntityPayload[];
}

/** The node's static data, typed. Mutations are saved by n8n with the workflow. */
export function triggerState(staticData: IDataObject): TriggerState {
	return staticData as TriggerState;
}
