import type { INodeProperties } from 'n8n-workflow';

import { ENTITY_WEBHOOK_MODES } from '../helpers/webhookSettings';
import { MAX_PENDING_CATCH_UP } from './catchUp';
import { DEFAULT_DEDUP_MAX_ENTRIES, DEFAULT_DEDUP_WINDOW_HOURS } from './dedup';
import { DEPRECATED_SECRET_PARAMETER } from './verification';

const entityOnly = { show: { flow: ['entity'] } };
const sessionOnly = { show: { flow: ['session'] } };

/** The trigger's fields. */
export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Flow',
		name: 'flow',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Entity Flow',
				value: 'entity',
				description: 'Classic uploads: one event per statement, with its entity, statement, Link ID, outcome and reason',
			},
			{
				name: 'Session Flow',
				value: 'session',
				description: 'Sessions: requirement completion, expiry and enrichment notifications',
			},
		],
		default: 'entity',
	},
	{
		displayName: 'Start On',
		name: 'entityEvents',
		type: 'multiOptions',
		options: [
			{ name: 'Analysis Completed', value: 'completed' },
			{ name: 'Analysis Failed', value: 'failed' },
		],
		default: ['completed', 'failed'],
		description: 'Which statement outcomes start the workflow; others are acknowledged and ignored',
		displayOptions: entityOnly,
	},
	{
		displayName: 'Start On',
		name: 'sessionEvents',
		type: 'multiOptions',
		options: [
			{ name: 'Enrichment Finished (per Account)', value: 'ENRICHMENT_NOTIFICATION' },
			{ name: 'Session Expired', value: 'SESSION_EXPIRY_NOTIFICATION' },
			{ name: 'Session Requirements Completed', value: 'SESSION_REQUIREMENT_COMPLETION_NOTIFICATION' },
		],
		default: ['SESSION_REQUIREMENT_COMPLETION_NOTIFICATION', 'SESSION_EXPIRY_NOTIFICATION', 'ENRICHMENT_NOTIFICATION'],
		description: 'Which session events start the workflow; others are acknowledged and ignored',
		displayOptions: sessionOnly,
	},
	{
		displayName: 'Enrichment Account Status',
		name: 'enrichmentStatuses',
		type: 'multiOptions',
		options: [
			{ name: 'Completed', value: 'completed' },
			{ name: 'Failed', value: 'failed' },
		],
		default: ['completed', 'failed'],
		description: 'For enrichment notifications: which account outcomes start the workflow (one item per account)',
		displayOptions: sessionOnly,
	},
	{
		displayName: 'Register Webhook URL',
		name: 'registerWebhook',
		type: 'boolean',
		default: true,
		description:
			'Whether to set the BankConnect account\'s webhook URL to this trigger\'s production URL (update_webhook) when the workflow is activated. Turn off if you set the URL yourself.',
	},
	{
		displayName:
			'A BankConnect account has ONE webhook URL per flow: activating this workflow (and every n8n restart) sets it to this trigger, replacing any URL set elsewhere (another workflow, another tool). Run one trigger per account, or one trigger that routes events to other workflows. "Listen for test event" points the account at the test URL while it listens, then back at this active workflow; deliveries meanwhile go to the editor.',
		name: 'singleUrlNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { registerWebhook: [true] } },
	},
	{
		displayName: 'Deliveries',
		name: 'webhookMode',
		type: 'options',
		options: ENTITY_WEBHOOK_MODES,
		default: 1,
		description:
			'The webhook_mode sent with update_webhook. Statements uploaded through the API or the BankConnect node count as manual uploads. BankConnect resets the mode to Net Banking Only whenever the URL is set without one, so set it here rather than elsewhere.',
		displayOptions: { show: { flow: ['entity'], registerWebhook: [true] } },
	},
	{
		displayName:
			'Set Webhook Secret in the BankConnect credential to the secret configured for your webhooks at FinBox. Without it any request to this URL starts the workflow, and Attach Analysis cannot be used.',
		name: 'secretNotice',
		type: 'notice',
		default: '',
		displayOptions: { hide: { [DEPRECATED_SECRET_PARAMETER]: [{ _cnd: { exists: true } }] } },
	},
	{
		displayName:
			'This workflow keeps the webhook secret in the node, where exports and copies of the workflow carry it. Move it to Webhook Secret in the BankConnect credential (stored encrypted), then clear the field below.',
		name: 'deprecatedSecretNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { [DEPRECATED_SECRET_PARAMETER]: [{ _cnd: { exists: true } }] } },
	},
	{
		displayName: 'Secret (Deprecated)',
		name: DEPRECATED_SECRET_PARAMETER,
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description:
			'Read only when the credential has no Webhook Secret. Shown only while it holds a value, for workflows saved before the secret moved to the credential.',
		displayOptions: { show: { [DEPRECATED_SECRET_PARAMETER]: [{ _cnd: { exists: true } }] } },
	},
	{
		displayName: 'Catch Up on Activation',
		name: 'catchUp',
		type: 'boolean',
		default: false,
		description:
			'Whether to fetch, on activation, the payloads of the link IDs below that arrived while the workflow was inactive (webhook_payloads). n8n cannot start a webhook trigger at activation, so they start the workflow with the next delivery, as extra items (source "catch-up") before it.',
		displayOptions: entityOnly,
	},
	{
		displayName: 'Link IDs',
		name: 'linkIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. customer-42, customer-43',
		description: `Comma-separated link_ids whose missed payloads are replayed (at most ${MAX_PENDING_CATCH_UP} at a time, oldest first; the rest after the next activation)`,
		displayOptions: { show: { flow: ['entity'], catchUp: [true] } },
	},
	{
		displayName: 'Attach Analysis',
		name: 'attachAnalysis',
		type: 'options',
		options: [
			{ name: 'None', value: 'none' },
			{ name: 'Identity', value: 'identity' },
			{ name: 'Salary', value: 'salary' },
			{ name: 'Transactions', value: 'transactions' },
		],
		default: 'none',
		description:
			'Read this analysis of the entity for every completed event and add it under "analysis" (after BankConnect got its 200). Needs the credential\'s Webhook Secret.',
		displayOptions: entityOnly,
	},
	{
		displayName: 'Attach Analysis',
		name: 'attachSessionAnalysis',
		type: 'options',
		options: [
			{ name: 'None', value: 'none' },
			{ name: 'Insights', value: 'insights' },
		],
		default: 'none',
		description:
			'Read the session insights for every completed enrichment account and add them under "analysis" (after BankConnect got its 200). Needs the credential\'s Webhook Secret.',
		displayOptions: sessionOnly,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Duplicate Window (Hours)',
				name: 'dedupWindowHours',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_DEDUP_WINDOW_HOURS,
				description:
					'A repeat of an event (same event_key: entity or session, statement or account, event and status) within this time is refused when it arrives. n8n\'s database also keeps the last Remembered Events, whatever their age, and stops a repeat among them when its execution starts (e.g. one that reached another n8n process).',
			},
			{
				displayName: 'Remembered Events',
				name: 'dedupMaxEntries',
				type: 'number',
				typeOptions: { minValue: 100 },
				default: DEFAULT_DEDUP_MAX_ENTRIES,
				description:
					'At most this many recent events are remembered for duplicate detection, in the workflow and in n8n\'s database (the oldest are forgotten first)',
			},
		],
	},
];
