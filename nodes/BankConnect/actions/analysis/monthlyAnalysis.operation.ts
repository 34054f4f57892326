import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../transport';
import { fieldsFor } from '../operation';
import { monthlyRows } from './monthlyRows';
import { analysisReadFields, analysisReadRequest, readAnalysisOf } from './readAnalysis';
import type { AnalysisOutput } from './splitAnalysis';
import { analysisOutputField } from './splitAnalysis';

type MonthlyAnalysisPath = 'current' | 'legacy';

const FIELD_OF_PATH = { current: 'monthly_analysis_updated', legacy: 'monthly_analysis' } as const;

export const description: INodeProperties[] = fieldsFor('analysis', 'monthlyAnalysis', [
	...analysisReadFields,
	{
		displayName: 'Path',
		name: 'path',
		type: 'options',
		options: [
			{ name: 'Current', value: 'current', description: 'monthly_analysis_updated/, the path of FinBox’s current docs' },
			{ name: 'Before July 2023', value: 'legacy', description: 'monthly_analysis/, the older path, for accounts that still serve it' },
		],
		default: 'current',
		hint: 'FinBox’s docs renamed monthly_analysis/ to monthly_analysis_updated/ in July 2023; both answers are read the same way',
	},
	analysisOutputField(
		'One Item per Account and Month',
		'Ready to append as rows: entity_id, account_id, month, then every field of that month (balances, inflows, outflows, EMIs…)',
	),
]);

/** The entity's monthly analysis: one item per account and month, or the whole response. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const path = this.getNodeParameter('path', itemIndex, 'current') as MonthlyAnalysisPath;
	if (!Object.hasOwn(FIELD_OF_PATH, path)) throw invalidInput(this.getNode(), itemIndex, 'Path', 'must be current or legacy');
	const output = this.getNodeParameter('output', itemIndex) as AnalysisOutput;
	const field = FIELD_OF_PATH[path];
	const response = await readAnalysisOf(this, field, itemIndex, analysisReadRequest(this, itemIndex));
	if (output === 'whole') return [{ json: { ...response } as IDataObject }];
	return monthlyRows(response.entity_id, response.monthly_analysis).map((json) => ({ json }));
}
