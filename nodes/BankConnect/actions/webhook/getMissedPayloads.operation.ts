import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { readWebhookPayloads } from '../../api';
import type { WebhookPayloadRecord } from '../../api';
import { dateInputText } from '../../helpers/dateInput';
import { parseLinkIds } from '../../helpers/webhookSettings';
import { invalidInput } from '../../transport';
import { fieldsFor } from '../operation';

export const description: INodeProperties[] = fieldsFor('webhook', 'getMissedPayloads', [
	{
		displayName: 'Link IDs',
		name: 'linkIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. loan-application-1042, loan-application-1043',
		description: 'The link IDs to replay, separated by commas or new lines (or a list from an expression)',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'After',
				name: 'after',
				type: 'dateTime',
				default: '',
				description:
					'Keep only payloads sent later than this (BankConnect\'s date_time, YYYY-MM-DD HH:MM:SS), e.g. the last run of this workflow',
			},
			{
				displayName: 'Progress',
				name: 'progress',
				type: 'options',
				options: [
					{ name: 'All', value: 'all' },
					{ name: 'Completed Only', value: 'completed' },
					{ name: 'Failed Only', value: 'failed' },
				],
				default: 'all',
				description: 'Which outcomes to keep',
			},
		],
	},
]);

interface MissedPayloadOptions {
	after?: unknown;
	progress?: 'all' | 'completed' | 'failed';
}

function linkIdsOf(context: IExecuteFunctions, itemIndex: number): string[] {
	const value = context.getNodeParameter('linkIds', itemIndex);
	const ids = Array.isArray(value) ? parseLinkIds(value.map(String).join('\n')) : typeof value === 'string' ? parseLinkIds(value) : [];
	if (ids.length === 0) throw invalidInput(context.getNode(), itemIndex, 'Link IDs', 'must name at least one link ID');
	return ids;
}

/** `After` as BankConnect's `YYYY-MM-DD HH:MM:SS` (the wall-clock time as written), which compares as text with date_time. */
function afterOf(context: IExecuteFunctions, itemIndex: number, value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?/.exec(dateInputText(value, 'dateTime') ?? '');
	if (!match) {
		throw invalidInput(context.getNode(), itemIndex, 'After', 'must be a date and time, e.g. 2026-11-20 09:30:00');
	}
	return `${match[1]} ${(match[2] ?? '00:00').padEnd(8, ':00')}`;
}

/** The kept payloads of every link ID: one item per payload, newest first across them all. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const linkIds = linkIdsOf(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as MissedPayloadOptions;
	const after = afterOf(this, itemIndex, options.after);
	const progress = options.progress ?? 'all';

	const payloads: WebhookPayloadRecord[] = [];
	for (const linkId of linkIds) payloads.push(...(await readWebhookPayloads(this, linkId, itemIndex)));
	return payloads
		.filter((payload) => (after === undefined || payload.date_time > after) && (progress === 'all' || payload.progress === progress))
		.sort((a, b) => (a.date_time < b.date_time ? 1 : a.date_time > b.date_time ? -1 : 0))
		.map((payload) => ({ json: { ...payload } }));
}
