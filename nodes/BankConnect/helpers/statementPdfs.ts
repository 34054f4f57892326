import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { downloadFile } from '../transport';
import type { StatementPdf } from '../api';
import { binaryPropertyField, binaryPropertyOf } from './fields';

/** Download PDFs, the retention notice and the binary field: shared by Entity and Session → Get PDFs. */
export const pdfDownloadFields: INodeProperties[] = [
	{
		displayName: 'Download PDFs',
		name: 'download',
		type: 'boolean',
		default: false,
		description: 'Whether to download each statement PDF into a binary field (links are valid for one hour)',
	},
	{
		displayName:
			'BankConnect deletes statement files 30 days after upload: older statements come back with an empty pdf_url and no file. PDF links expire one hour after this read, so download here rather than saving the link.',
		name: 'retentionNotice',
		type: 'notice',
		default: '',
	},
	{
		...binaryPropertyField('The binary field each PDF is written to'),
		displayOptions: { show: { download: [true] } },
	},
];

/** Whether items show each statement's PDF password: off by default, so it stays out of execution data. */
export const pdfPasswordField: INodeProperties = {
	displayName: 'Include PDF Password',
	name: 'includePdfPassword',
	type: 'boolean',
	default: false,
	description:
		'Whether each item carries the PDF password the customer gave for the statement (pdf_password). Off: it is left out, so it is not kept in the execution data or passed to later steps.',
};

/** Whether the item's statements keep their pdf_password. */
export function includesPdfPassword(context: IExecuteFunctions, itemIndex: number): boolean {
	return context.getNodeParameter('includePdfPassword', itemIndex, false) === true;
}

/** The binary field to download into, or undefined when Download PDFs is off. */
export function pdfDownloadTarget(context: IExecuteFunctions, itemIndex: number): string | undefined {
	if (!(context.getNodeParameter('download', itemIndex) as boolean)) return undefined;
	return binaryPropertyOf(context, itemIndex);
}

/** The statement as an item shows it: without pdf_password unless asked for. */
function shown(statement: StatementPdf, includePassword: boolean): IDataObject {
	if (includePassword) return { ...statement };
	const { pdf_password: _password, ...rest } = statement;
	return rest;
}

async function withPdf(
	context: IExecuteFunctions,
	statement: StatementPdf,
	json: IDataObject,
	binaryPropertyName: string,
	itemIndex: number,
): Promise<INodeExecutionData> {
	if (statement.pdf_url === '') {
		return { json: { ...json, pdf_downloaded: false, pdf_note: 'BankConnect deletes statement files 30 days after upload' } };
	}
	const file = await downloadFile(context, statement.pdf_url, `the PDF of statement ${statement.statement_id}`, itemIndex);
	const binary = await context.helpers.prepareBinaryData(file.data, `${statement.statement_id}.pdf`, 'application/pdf');
	return { json: { ...json, pdf_downloaded: true }, binary: { [binaryPropertyName]: binary } };
}

/** How the statements become items: the PDF into this binary field (none: no download), with or without pdf_password. */
export interface StatementPdfOutput {
	binaryPropertyName: string | undefined;
	includePassword: boolean;
}

/** One item per statement, led by its owner (`{entity_id}` or `{session_id}`), with the PDF when a field is given. */
export async function statementPdfItems(
	context: IExecuteFunctions,
	owner: IDataObject,
	statements: StatementPdf[],
	output: StatementPdfOutput,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const { binaryPropertyName, includePassword } = output;
	const items: INodeExecutionData[] = [];
	for (const statement of statements) {
		const json = { ...owner, ...shown(statement, includePassword) };
		items.push(binaryPropertyName === undefined ? { json } : await withPdf(context, statement, json, binaryPropertyName, itemIndex));
	}
	return items;
}
