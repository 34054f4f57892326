import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { createSession } from '../../api';
import { linkIdField } from '../../helpers/fields';
import { fieldsFor } from '../operation';
import { todayIn } from './sessionDates';
import { SESSION_EXPIRY_MINUTES, sessionCreateForm } from './sessionForm';
import type { SessionCreateOptions } from './sessionForm';

export const description: INodeProperties[] = fieldsFor('session', 'create', [
	linkIdField('Your own reference for the customer, e.g. a loan application ID'),
	{
		displayName: 'Redirect URL',
		name: 'redirectUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://lender.example/statement-received',
		description:
			'Where the customer lands after the journey. Required for the redirect journey (a link sent by SMS or email), not for the iframe one.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Accept Anything',
				name: 'acceptAnything',
				type: 'boolean',
				default: false,
				description: 'Whether the journey accepts statements that do not cover the whole period',
			},
			{
				displayName: 'Bank Name or ID',
				name: 'bankName',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getBanks' },
				default: '',
				description:
					'Open the journey on this bank; required with Mode. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'From Date',
				name: 'fromDate',
				type: 'dateTime',
				default: '',
				description:
					'First day the statements must cover; also accepts DD/MM/YYYY from an expression. Default: six months before To Date.',
			},
			{
				displayName: 'Journey Mode',
				name: 'journeyMode',
				type: 'options',
				options: [
					{ name: 'Multiple PDFs', value: 'multi_pdf', description: 'The customer may upload several statements' },
					{ name: 'Multiple Banks', value: 'multi_banking', description: 'The customer may add accounts of several banks' },
				],
				default: 'multi_pdf',
			},
			{
				displayName: 'Logo URL',
				name: 'logoUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://lender.example/logo.png',
				description: 'Your logo, shown to the customer in the journey',
			},
			{
				displayName: 'Mobile Field Editable',
				name: 'isMobileFieldEditable',
				type: 'boolean',
				default: false,
				description: 'Whether the customer may change the prefilled mobile number',
			},
			{
				displayName: 'Mobile Number',
				name: 'mobileNumber',
				type: 'string',
				default: '',
				placeholder: 'e.g. 9876543210',
				description: "The customer's 10-digit mobile number, prefilled for Account Aggregator consent",
			},
			{
				displayName: 'Mode',
				name: 'mode',
				type: 'options',
				options: [
					{ name: 'Account Aggregator', value: 'aa', description: 'Consent through an account aggregator' },
					{ name: 'Net Banking', value: 'online', description: 'Log in to net banking' },
					{ name: 'PDF Upload', value: 'pdf', description: 'Upload statement PDFs' },
				],
				default: 'pdf',
				description: 'Open the journey in this mode (needs Bank Name or ID)',
			},
			{
				displayName: 'Session Expiry (Minutes)',
				name: 'sessionExpiry',
				type: 'number',
				typeOptions: { minValue: SESSION_EXPIRY_MINUTES.min, maxValue: SESSION_EXPIRY_MINUTES.max },
				default: 60,
				description: 'How long the link works, from 5 minutes to 43200 (30 days)',
			},
			{
				displayName: 'To Date',
				name: 'toDate',
				type: 'dateTime',
				default: '',
				description: 'Last day the statements must cover; also accepts DD/MM/YYYY from an expression. Default: today.',
			},
		],
	},
]);

/** Creates a customer journey link for the customer to upload or consent. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const form = sessionCreateForm(this.getNode(), itemIndex, {
		linkId: this.getNodeParameter('linkId', itemIndex),
		redirectUrl: this.getNodeParameter('redirectUrl', itemIndex),
		options: this.getNodeParameter('additionalFields', itemIndex, {}) as SessionCreateOptions,
		today: todayIn(this.getTimezone()),
	});
	const session = await createSession(this, form, itemIndex);
	return [{ json: { session_id: session.session_id, redirect_url: session.redirect_url, link_id: form.link_id } }];
}
