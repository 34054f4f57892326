import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { createSession, createSessionV2 } from '../../api';
import { linkIdField } from '../../helpers/fields';
import { invalidInput } from '../../transport';
import type { FormFields } from '../../transport';
import { fieldsFor } from '../operation';
import { todayIn } from './sessionDates';
import { SESSION_EXPIRY_MINUTES, sessionCreateForm } from './sessionForm';
import type { SessionCreateOptions } from './sessionForm';
import { AA_JOURNEYS, sessionCreateBodyV2 } from './sessionFormV2';
import type { SessionV2Options } from './sessionFormV2';

const CONSENT_CODES = [...new Set(Object.values(AA_JOURNEYS).flat())];

const consentDate = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'dateTime',
	default: '',
	description: `${description}; also accepts DD/MM/YYYY from an expression. Empty: BankConnect's default.`,
});

/** Fields only Session API V2 takes (docs.finbox.in/session-flow/session-v2.html). */
const v2OptionsField: INodeProperties = {
	displayName: 'V2 Options',
	name: 'v2Options',
	type: 'collection',
	placeholder: 'Add V2 Option',
	default: {},
	displayOptions: { show: { apiVersion: ['v2'] } },
	options: [
		{
			displayName: 'AA Journey Code',
			name: 'aaJourneyCode',
			type: 'options',
			options: [
				{ name: 'BCAA001 – One-Time Consent', value: 'BCAA001', description: 'Consent CC0001; BankConnect’s default' },
				{ name: 'BCAA002 – Periodic Consent', value: 'BCAA002', description: 'Consent CC0002' },
				{ name: 'BCAA003 – One-Time and Periodic', value: 'BCAA003', description: 'Consents CC0003 and CC0004' },
				{ name: 'BCAA004 – Collections', value: 'BCAA004', description: 'Consents CC0005, CC0006 and CC0007' },
			],
			default: 'BCAA001',
			description: 'The Account Aggregator journey; its consent codes are the only ones Consents may set',
		},
		{
			displayName: 'Companies for Self Transfer',
			name: 'companiesForSelfTransfer',
			type: 'string',
			default: '',
			placeholder: 'e.g. Rao Traders, Rao Exports',
			description: 'The customer’s own companies, comma-separated, so transfers to them count as self transfers',
		},
		{
			displayName: 'Consents',
			name: 'consents',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Consent',
			default: {},
			description: 'Your own dates for the journey’s consents; consents left out get BankConnect’s defaults',
			options: [
				{
					displayName: 'Consent',
					name: 'consent',
					values: [
						{
							displayName: 'Consent Code',
							name: 'code',
							type: 'options',
							options: CONSENT_CODES.map((code) => ({ name: code, value: code })),
							default: 'CC0001',
							description: 'A consent of the chosen AA Journey Code (BCAA001: CC0001; BCAA002: CC0002; BCAA003: CC0003, CC0004; BCAA004: CC0005–CC0007)',
						},
						consentDate('Consent Expiry', 'consentExpiry', 'When the consent ends'),
						consentDate('From Date', 'fromDate', 'First day of data the consent covers'),
						consentDate('To Date', 'toDate', 'Last day of data the consent covers'),
					],
				},
			],
		},
		{
			displayName: 'Employer Names',
			name: 'employerNames',
			type: 'string',
			default: '',
			placeholder: 'e.g. Acme Pvt Ltd',
			description: 'The customer’s employers, comma-separated, to find salary credits',
		},
		{
			displayName: 'Names',
			name: 'names',
			type: 'string',
			default: '',
			placeholder: 'e.g. Asha Rao',
			description: 'The customer’s names, comma-separated, to match against the account holder',
		},
	],
};

export const description: INodeProperties[] = fieldsFor('session', 'create', [
	{
		displayName: 'API Version',
		name: 'apiVersion',
		type: 'options',
		options: [
			{ name: 'V1', value: 'v1', description: 'The session API workflows built before V2 use' },
			{
				name: 'V2',
				value: 'v2',
				description: 'Adds Account Aggregator journeys, consents and metadata; the redirect URL carries a security token',
			},
		],
		default: 'v1',
		hint: 'FinBox’s current docs recommend V2; uploads and reads are the same for both',
	},
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
	v2OptionsField,
]);

/** One item's session, checked before any session is created: the form, and for Session API V2 its JSON body. */
export interface SessionCreateRequest {
	form: FormFields;
	v2Body: IDataObject | undefined;
}

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<SessionCreateRequest> {
	const node = this.getNode();
	const apiVersion = this.getNodeParameter('apiVersion', itemIndex, 'v1') as string;
	if (apiVersion !== 'v1' && apiVersion !== 'v2') throw invalidInput(node, itemIndex, 'API Version', `must be v1 or v2 (got "${apiVersion}")`);
	const form = sessionCreateForm(node, itemIndex, {
		linkId: this.getNodeParameter('linkId', itemIndex),
		redirectUrl: this.getNodeParameter('redirectUrl', itemIndex),
		options: this.getNodeParameter('additionalFields', itemIndex, {}) as SessionCreateOptions,
		today: todayIn(this.getTimezone()),
	});
	const v2Body =
		apiVersion === 'v2'
			? sessionCreateBodyV2(node, itemIndex, form, this.getNodeParameter('v2Options', itemIndex, {}) as SessionV2Options)
			: undefined;
	return { form, v2Body };
}

/** Creates a customer journey link for the customer to upload or consent (Session API V1 or V2). */
export async function execute(this: IExecuteFunctions, itemIndex: number, { form, v2Body }: SessionCreateRequest): Promise<INodeExecutionData[]> {
	const session = v2Body ? await createSessionV2(this, v2Body, itemIndex) : await createSession(this, form, itemIndex);
	return [{ json: { session_id: session.session_id, redirect_url: session.redirect_url, link_id: form.link_id } }];
}
