import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { binaryPropertyField, entityIdField, segment } from '../../helpers/fields';
import { requireText } from '../../helpers/validation';
import { apiRequest, downloadFile } from '../../transport';
import type { StatementPdf, StatementPdfList } from '../../types';
import { fieldsFor } from '../operation';

export const description: INodeProperties[] = fieldsFor('entity', 'getPdfs', [
	entityIdField,
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
]);

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

/** GET /v1/entity/<entity_id>/get_pdfs/: one item per statement, optionally with its PDF. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const entityId = requireText(node, itemIndex, 'Entity ID', this.getNodeParameter('entityId', itemIndex));
	const download = this.getNodeParameter('download', itemIndex) as boolean;
	const binaryPropertyName = download
		? requireText(node, itemIndex, 'Put Output File in Field', this.getNodeParameter('binaryPropertyName', itemIndex))
		: '';

	const { statements } = await apiRequest<StatementPdfList>(this, {
		method: 'GET',
		path: `/v1/entity/${segment(entityId)}/get_pdfs/`,
		resource: `entity ${entityId}`,
		itemIndex,
	});
	if (!download) return statements.map((statement) => ({ json: { entity_id: entityId, ...statement } }));
	const items: INodeExecutionData[] = [];
	for (const statement of statements) {
		const item = await withPdf(this, statement, binaryPropertyName, itemIndex);
		items.push({ ...item, json: { entity_id: entityId, ...item.json } });
	}
	return items;
}
