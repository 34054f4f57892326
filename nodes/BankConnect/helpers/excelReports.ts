import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { downloadFile } from '../transport';
import type { Account, ExcelReportLink } from '../api';
import { binaryPropertyField } from './fields';

const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Where each account's .xlsx is written, in every operation that downloads Excel reports. */
export const reportBinaryField: INodeProperties = binaryPropertyField('The binary field each account’s .xlsx report is written to');

/** Why the reports are downloaded at once, beside the reads that return them. */
export const reportLinkNotice: INodeProperties = {
	displayName:
		'Report links expire one hour after they are issued, so the node downloads each report right away. To keep it, store the file (e.g. Google Drive, an email attachment), not a link.',
	name: 'reportLinkNotice',
	type: 'notice',
	default: '',
};

/** e.g. "hdfc_50100012345678.xlsx": bank and account, safe as a file name. */
export function reportFileName(account: Pick<Account, 'bank' | 'account_number'> | undefined, report: ExcelReportLink): string {
	const bank = account?.bank ?? 'bank';
	const number = account?.account_number ?? report.account_id;
	return `${bank}_${number}.xlsx`.replace(/[^A-Za-z0-9._-]+/g, '_');
}

/**
 * Downloads each report link at once (they expire after an hour): one item per account with its
 * .xlsx in `binaryPropertyName`, carrying `owner` (entity_id or session_id) and the account.
 */
export async function downloadReportItems(
	context: IExecuteFunctions,
	itemIndex: number,
	owner: IDataObject,
	reports: ExcelReportLink[],
	accounts: Account[],
	binaryPropertyName: string,
): Promise<INodeExecutionData[]> {
	const accountsById = new Map(accounts.map((account) => [account.account_id, account]));
	const items: INodeExecutionData[] = [];
	for (const report of reports) {
		const account = accountsById.get(report.account_id);
		const fileName = reportFileName(account, report);
		const file = await downloadFile(context, report.link, `the Excel report of account ${report.account_id}`, itemIndex);
		const binary = await context.helpers.prepareBinaryData(file.data, fileName, XLSX_MIME_TYPE);
		items.push({
			json: {
				...owner,
				account_id: report.account_id,
				bank: account?.bank ?? null,
				account_number: account?.account_number ?? null,
				file_name: fileName,
			},
			binary: { [binaryPropertyName]: binary },
		});
	}
	return items;
}
