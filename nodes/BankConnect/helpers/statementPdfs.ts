import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { downloadFile } from '../transport';
import type { StatementPdf } from '../api';
import { binaryPropertyField } from './fields';
import { requireText } from './validation';

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

/** The binary field to download into, or undefined when Download PDFs is off. */
export function pdfDownloadTarget(context: IExecuteFunctions, itemIndex: number): string | undefined {
	if (!(context.getNodeParameter('download', itemIndex) as boolean)) return undefined;
	return requireText(
		context.getNode(),
		itemIndex,
		'Put Output File in Field',
		context.getNodeParameter('binaryPropertyName', itemIndex),
	);
}

async function withPdf(
	context: IExecuteFunctions,
	statement: StatementPdf,
	binaryPropertyName: string,
	itemIndex: number,
): Promise<INodeExecutionData> {
	if (statement.pdf_url === '') {
		return {
			json: { ...statement, pdf_downloaded: false, pdf_note: 'BankConnect deletes statement files 30 days after upload' },
		};
	}
	const file = await downloadFile(context, statement.pdf_url, `the PDF of statement ${statement.statement_id}`, itemIndex);
	const binary = await context.helpers.prepareBinaryData(file.data, `${statement.statement_id}.pdf`, 'application/pdf');
	return { json: { ...statement, pdf_downloaded: true }, binary: { [binaryPropertyName]: binary } };
}

/** One item per statement, led by its owner (`{entity_id}` or `{session_id}`), with the PDF when a field is given. */
export async function statementPdfItems(
	context: IExecuteFunctions,
	owner: IDataObject,
	statements: StatementPdf[],
	binaryPropertyName: string | undefined,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	if (binaryPropertyName === undefined) return statements.map((statement) => ({ json: { ...owner, ...statement } }));
	const items: INodeExecutionData[] = [];
	for (const statement of statements) {
		const item = await withPdf(context, statement, binaryPropertyName, itemIndex);
		items.push({ ...item, json: { ...owner, ...item.json } });
	}
	return items;
}
