import type { IDataObject } from 'n8n-workflow';

import type { AnalysisResponses } from '../../api';
import { listsAsText } from '../../helpers/spreadsheetRows';
import type { FraudFlagger } from './fraudFlags';
import { splitAnalysisOperation } from './splitAnalysis';

function accountRows(response: AnalysisResponses['accounts'], fraud: FraudFlagger): IDataObject[] {
	return response.accounts.map((account) => ({ entity_id: response.entity_id, ...account, ...fraud.forAccount(account.account_id) }));
}

/** The bank accounts found in the entity's statements. */
export const { description, execute, itemsFor, itemsOf, field } = splitAnalysisOperation({
	operation: 'accounts',
	field: 'accounts',
	splitLabel: 'One Item per Account',
	split: accountRows,
	moreOutputs: [
		{
			name: 'One Item per Account, Lists as Text',
			value: 'rowsWithText',
			description: 'Ready to append as rows: months and statements as comma-separated text, one cell each',
			split: (response, fraud) => accountRows(response, fraud).map(listsAsText),
		},
	],
});
