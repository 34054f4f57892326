import type { IExecuteFunctions, IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { AnalysisField, AnalysisResponses } from '../../api';
import type { Operation } from '../operation';
import { fieldsFor } from '../operation';
import { createFraudFlagger } from './fraudFlags';
import type { FraudFlagger } from './fraudFlags';
import type { AnalysisReadRequest } from './readAnalysis';
import { analysisReadFields, analysisReadRequest, readAnalysisOf } from './readAnalysis';

/** An analysis read whose response can be split into one item per record. */
export interface SplitAnalysisConfig<Field extends AnalysisField> {
	operation: string;
	field: Field;
	/** e.g. "One Item per Transaction" */
	splitLabel: string;
	/** The records of the response, each carrying entity_id, account_id and the fraud flags. */
	split(response: AnalysisResponses[Field], fraud: FraudFlagger): IDataObject[];
	/** Other ways to split the response, offered between the split and the whole response. */
	moreOutputs?: Array<MoreOutput<Field>>;
}

/** Another Output choice of one operation, e.g. one item per transaction of a recurring set. */
export interface MoreOutput<Field extends AnalysisField> {
	name: string;
	value: Exclude<AnalysisOutput, 'split' | 'whole'>;
	description: string;
	split(response: AnalysisResponses[Field], fraud: FraudFlagger): IDataObject[];
}

export type AnalysisOutput = 'split' | 'whole' | 'setTransactions' | 'rowsWithText';

/** An analysis operation that can also be run for an entity given in code (Statement → Upload, then analysis). */
export interface SplitAnalysisOperation extends Operation {
	itemsFor(
		context: IExecuteFunctions,
		itemIndex: number,
		request: AnalysisReadRequest,
		output: AnalysisOutput,
	): Promise<INodeExecutionData[]>;
}

/** Builds the operation: fields, read (with optional wait), whole response or one item per record. */
export function splitAnalysisOperation<Field extends AnalysisField>(
	config: SplitAnalysisConfig<Field>,
): SplitAnalysisOperation {
	const description: INodeProperties[] = fieldsFor('analysis', config.operation, [
		...analysisReadFields,
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			options: [
				{
					name: config.splitLabel,
					value: 'split',
					description: 'Ready to append as rows, e.g. to Google Sheets; carries entity_id, account_id and fraud flags',
				},
				...(config.moreOutputs ?? []).map(({ name, value, description }) => ({ name, value, description })),
				{ name: 'Whole Response', value: 'whole', description: 'As BankConnect returns it, with progress and fraud' },
			],
			default: 'split',
		},
	]);

	async function itemsFor(
		context: IExecuteFunctions,
		itemIndex: number,
		request: AnalysisReadRequest,
		output: AnalysisOutput,
	): Promise<INodeExecutionData[]> {
		const response = await readAnalysisOf(context, config.field, itemIndex, request);
		if (output === 'whole') return [{ json: { ...response } as IDataObject }];
		const fraud = createFraudFlagger(response);
		const split = config.moreOutputs?.find((more) => more.value === output)?.split ?? config.split;
		// records are built once; no second copy of 60,000 rows
		return split(response, fraud).map((record) => ({ json: record }));
	}

	async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
		const output = this.getNodeParameter('output', itemIndex) as AnalysisOutput;
		return await itemsFor(this, itemIndex, analysisReadRequest(this, itemIndex), output);
	}

	return { description, execute, itemsFor };
}
