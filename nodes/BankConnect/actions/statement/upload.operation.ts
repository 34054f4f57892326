import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { createEntity } from '../../api';
import { metaDataFields, newEntityLinkIdField, readNewEntityDetails } from '../../helpers/entityForm';
import type { NewEntityDetails } from '../../helpers/entityForm';
import { reportBinaryField } from '../../helpers/excelReports';
import { binaryPropertyOf } from '../../helpers/fields';
import { optionalSecret, requireBank, requireId } from '../../helpers/validation';
import { waitLimitFields, waitLimitsOf } from '../../helpers/waitForCompletion';
import { afterEntityCreated } from '../../transport';
import { fieldsFor, shownWhen } from '../operation';
import { ANALYSIS_AFTER_WAIT_VALUES, analysisAfterWaitOptions, outputAfterWaitField } from '../analysis/analysesAfterWait';
import type { AnalysisOutput } from '../analysis/splitAnalysis';
import { SOURCE_FIELDS, readUploadSource } from './uploadSource';
import type { SourceKind } from './uploadSource';
import { recoverableUpload } from './recoverUpload';
import { analysisAfterUpload } from './thenAnalysis';
import type { ThenRequest, ThenStep } from './thenAnalysis';
import { uploadRoute } from './uploadRoute';
import type { UploadChoice, UploadTarget } from './uploadRoute';

const ENTITY_TARGETS = ['newEntity', 'entity'];

export const description: INodeProperties[] = fieldsFor('statement', 'upload', [
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		options: [
			{ name: 'Binary File', value: 'binary', description: 'A PDF in a binary property of the input item (email attachment, form upload, Drive file)' },
			{ name: 'Base64 String', value: 'base64', description: 'The PDF as base64 text, e.g. from another system’s API' },
			{ name: 'File URL', value: 'url', description: 'An http(s) link BankConnect downloads the PDF from' },
		],
		default: 'binary',
	},
	{
		displayName: SOURCE_FIELDS.binary,
		name: 'inputBinaryField',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field holding the statement PDF',
		description: 'The PDF is checked by its bytes (it must start with %PDF-), not by its file name, and streamed from n8n’s binary storage',
		displayOptions: { show: { source: ['binary'] } },
	},
	{
		displayName: SOURCE_FIELDS.base64,
		name: 'base64Content',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'JVBERi0xLjcK…',
		description: 'The statement PDF encoded as base64 (a data: prefix and line breaks are removed)',
		displayOptions: { show: { source: ['base64'] } },
	},
	{
		displayName: SOURCE_FIELDS.url,
		name: 'fileUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/statement.pdf',
		description: 'An http:// or https:// link to the PDF; BankConnect downloads it itself, so it must be reachable from BankConnect',
		displayOptions: { show: { source: ['url'] } },
	},
	{
		displayName: 'Bank',
		name: 'bankMode',
		type: 'options',
		options: [
			{
				name: 'Detect Automatically',
				value: 'detect',
				description: 'BankConnect finds the bank in the statement (sessions too); when it cannot, it answers BANK_NAME_UNDETECTED',
			},
			{ name: 'Known Bank', value: 'known', description: 'The bank is given; a statement of another bank is refused (BANK_NAME_MISMATCH)' },
		],
		default: 'detect',
		hint: 'Detect Automatically sends no bank (to a session too); if BankConnect cannot tell the bank it answers BANK_NAME_UNDETECTED: choose Known Bank then',
	},
	{
		displayName: 'Bank Name or ID',
		name: 'bankName',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getBanks' },
		default: '',
		required: true,
		description:
			'The bank of the statement: the list is your account’s bank catalogue (BankConnect’s built-in list when the catalogue cannot be read). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>, e.g. hdfc or bandhan.',
		displayOptions: { show: { bankMode: ['known'] } },
	},
	{
		displayName: 'Upload To',
		name: 'target',
		type: 'options',
		options: [
			{ name: 'New Entity', value: 'newEntity', description: 'BankConnect creates an entity for this statement' },
			{ name: 'Existing Entity', value: 'entity', description: 'Add the statement to an entity, e.g. another month of the same customer' },
			{ name: 'Session', value: 'session', description: 'Add the statement to a session created with the session flow' },
		],
		default: 'newEntity',
	},
	{
		displayName: 'Entity ID',
		name: 'entityId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 4c5a1b9e-…',
		description: 'The entity_id the statement is added to',
		displayOptions: { show: { target: ['entity'] } },
	},
	{
		displayName: 'Session ID',
		name: 'sessionId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 8d1f5c2a-…',
		description: 'The session_id returned when the session was created',
		displayOptions: { show: { target: ['session'] } },
	},
	...shownWhen(
		[
			newEntityLinkIdField(
				'Your own reference for the customer, e.g. a loan application ID. With a Link ID or Meta Data the node creates the entity first, so webhooks, Link Overview and Get Many by Link ID find it.',
			),
			...metaDataFields,
		],
		{ target: ['newEntity'] },
	),
	{
		displayName: SOURCE_FIELDS.password,
		name: 'pdfPassword',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description:
			'Password of a password-protected PDF. Only for a protected PDF: for a binary file or base64 content that is not password-protected the node refuses the item before sending (a password there usually means the wrong file or the wrong item). For a File URL it is sent as is.',
	},
	{
		displayName:
			'BankConnect deletes uploaded statement files 30 days after upload (the analysis stays). Keep your own copy of a PDF you may need later.',
		name: 'retentionNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Include Identity',
		name: 'identity',
		type: 'boolean',
		default: true,
		description: 'Whether the upload response carries the account holder’s identity and the statement’s date range',
		// after Then's wait the analysis is returned, not the upload response
		displayOptions: { hide: { then: [...ANALYSIS_AFTER_WAIT_VALUES, 'excelReport'] } },
	},
	{
		displayName: 'Then',
		name: 'then',
		type: 'options',
		options: [
			{
				name: 'Return the Upload Response',
				value: 'none',
				description: 'At once: the entity and statement IDs, the bank and (with Include Identity) the account holder',
			},
			// "Wait and Get …" in alphabetical order, the Excel Report among them
			...[...analysisAfterWaitOptions('Wait and '), { name: 'Wait and Get Excel Report', value: 'excelReport', description: 'Each account’s .xlsx report as a file' }].sort(
				(a, b) => a.name.localeCompare(b.name),
			),
		],
		default: 'none',
		description: 'What to return: the upload response, or — after waiting until every statement of the entity is analysed — an analysis, as the Analysis resource returns it',
		displayOptions: { show: { target: ENTITY_TARGETS } },
	},
	...waitLimitFields(
		{ target: ENTITY_TARGETS, then: [...ANALYSIS_AFTER_WAIT_VALUES, 'excelReport'] },
		'How long to wait for the analysis before failing with the statements still processing',
	),
	outputAfterWaitField({ target: ENTITY_TARGETS, then: ANALYSIS_AFTER_WAIT_VALUES }),
	{
		...reportBinaryField,
		displayOptions: { show: { target: ENTITY_TARGETS, then: ['excelReport'] } },
	},
]);

function readTarget(context: IExecuteFunctions, itemIndex: number): UploadTarget {
	const node = context.getNode();
	const kind = context.getNodeParameter('target', itemIndex) as UploadTarget['kind'];
	if (kind === 'entity') {
		return { kind, entityId: requireId(node, itemIndex, 'Entity ID', context.getNodeParameter('entityId', itemIndex)) };
	}
	if (kind === 'session') {
		return { kind, sessionId: requireId(node, itemIndex, 'Session ID', context.getNodeParameter('sessionId', itemIndex)) };
	}
	return { kind: 'newEntity' };
}

/** One item's upload, checked and its file read before anything is sent. */
export interface UploadRequest {
	choice: UploadChoice;
	/** For an entity: the analysis to wait for and return instead of the upload response. */
	then: ThenRequest | undefined;
	/** For a new entity with a Link ID or Meta Data: created first, then uploaded to. */
	newEntity?: NewEntityDetails;
}

/** Checks the item's fields and its file (a PDF, of the size and protection its fields say), sending nothing. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<UploadRequest> {
	const node = this.getNode();
	const sourceKind = this.getNodeParameter('source', itemIndex) as SourceKind;
	const bank =
		this.getNodeParameter('bankMode', itemIndex) === 'known'
			? requireBank(node, itemIndex, 'Bank Name or ID', this.getNodeParameter('bankName', itemIndex))
			: null;
	const target = readTarget(this, itemIndex);
	const newEntity = target.kind === 'newEntity' ? readNewEntityDetails(this, itemIndex) : undefined;
	const pdfPassword = optionalSecret(node, itemIndex, SOURCE_FIELDS.password, this.getNodeParameter('pdfPassword', itemIndex, ''));
	const step = target.kind === 'session' ? 'none' : (this.getNodeParameter('then', itemIndex, 'none') as ThenStep);
	const then: ThenRequest | undefined =
		step === 'none'
			? undefined
			: {
					step,
					wait: waitLimitsOf(this, itemIndex),
					output: step === 'excelReport' ? 'whole' : (this.getNodeParameter('output', itemIndex) as AnalysisOutput),
					binaryPropertyName:
						step === 'excelReport'
							? binaryPropertyOf(this, itemIndex)
							: '',
				};
	const source = await readUploadSource(this, itemIndex, {
		kind: sourceKind,
		binaryField: sourceKind === 'binary' ? this.getNodeParameter('inputBinaryField', itemIndex) : undefined,
		base64: sourceKind === 'base64' ? this.getNodeParameter('base64Content', itemIndex) : undefined,
		fileUrl: sourceKind === 'url' ? this.getNodeParameter('fileUrl', itemIndex) : undefined,
		hasPassword: pdfPassword !== undefined,
	});
	const choice = { source, bank, target, pdfPassword, identity: this.getNodeParameter('identity', itemIndex, true) as boolean };
	return { choice, then, newEntity: newEntity?.link_id || newEntity?.meta_data ? newEntity : undefined };
}

/** POST to the route the source, bank and target call for; then, for an entity, optionally wait and return an analysis. */
export async function execute(this: IExecuteFunctions, itemIndex: number, request: UploadRequest): Promise<INodeExecutionData[]> {
	if (!request.newEntity) return await uploadThen(this, itemIndex, request.choice, request.then);
	// BankConnect's upload routes take no link_id: create the entity with it, then upload to that entity
	const { link_id, meta_data } = request.newEntity;
	const entity = await createEntity(this, { link_id, is_single_account: false, meta_data }, itemIndex);
	try {
		const toEntity: UploadTarget = { kind: 'entity', entityId: entity.entity_id };
		return await uploadThen(this, itemIndex, { ...request.choice, target: toEntity }, request.then);
	} catch (error) {
		throw afterEntityCreated(this.getNode(), error, entity.entity_id, itemIndex);
	}
}

/** Sends the upload, then returns its response or waits for and returns the analysis Then asks for. */
async function uploadThen(
	context: IExecuteFunctions,
	itemIndex: number,
	choice: UploadChoice,
	then: ThenRequest | undefined,
): Promise<INodeExecutionData[]> {
	const uploaded = await recoverableUpload(context, uploadRoute(choice), choice, itemIndex);
	if (!then) return [{ json: uploaded }];
	return await analysisAfterUpload(context, itemIndex, uploaded, then);
}
