import type { IExecuteFunctions, IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { AnalysisField, AnalysisResponses } from '../../api';
import type { Operation } from '../operation';
import { fieldsFor } from '../operation';
import { createFraudFlagger } from './fraudFlags';
import type { FraudFlagger } from './fraudFlags';
import type { AnalysisReadRequest } from './readAnalysis';
import { accountFilterField, analysisReadFields, analysisReadRequest, assertReady, readAnalysisOf } from './readAnalysis';

/** An analysis read whose response can be split into one item per record. */
export interface SplitAnalysisConfig<Field extends AnalysisField> {
	operation: string;
	field: Field;
	/** e.g. "One Item per Transaction" */
	splitLabel: string;
	/** What each split item carries; default: entity_id, account_id and the fraud flags. */
	splitDescription?: string;
	/** The records of the response, each carrying entity_id, account_id and the fraud flags. */
	split(response: AnalysisResponses[Field], fraud: FraudFlagger): IDataObject[];
	/** Other ways to split the response, offered between the split and the whole response. */
	moreOutputs?: Array<MoreOutput<Field>>;
	/** Offer the optional Account ID filter (`?account_id=`). */
	accountFilter?: boolean;
	/** For reads that stay empty until every statement is analysed: how the "not ready" error names the read, e.g. "The predictors". */
	emptyUntilAnalysed?: string;
}

const FRAUD_COLUMNS = 'Ready to append as rows, e.g. to Google Sheets; carries entity_id, account_id and fraud flags';

/** The Output choice of an analysis read: one item per record, other splits the operation offers, or the whole response. */
export function analysisOutputField(
	splitLabel: string,
	splitDescription = FRAUD_COLUMNS,
	moreOutputs: Array<Pick<MoreOutput<AnalysisField>, 'name' | 'value' | 'description'>> = [],
): INodeProperties {
	return {
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{ name: splitLabel, value: 'split', description: splitDescription },
			...moreOutputs.map(({ name, value, description }) => ({ name, value, description })),
			{ name: 'Whole Response', value: 'whole', description: 'As BankConnect returns it, with progress and fraud' },
		],
		default: 'split',
	};
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
	/** The analysis field it reads, e.g. `transactions`. */
	field: AnalysisField;
	/** The items of an answer already read and complete, each paired with input item `pairedWith`. */
	itemsOf(response: AnalysisResponses[AnalysisField], output: AnalysisOutput, pairedWith: number): INodeExecutionData[];
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
		...(config.accountFilter ? [accountFilterField] : []),
		analysisOutputField(config.splitLabel, config.splitDescription, config.moreOutputs),
	]);

	async function itemsFor(
		context: IExecuteFunctions,
		itemIndex: number,
		request: AnalysisReadRequest,
		output: AnalysisOutput,
	): Promise<INodeExecutionData[]> {
		// a whole response shows its own progress; split records of an unfinished analysis would pass for all of it
		const unfinished = output === 'whole' && config.emptyUntilAnalysed === undefined ? 'return' : 'fail';
		const response = await readAnalysisOf(context, config.field, itemIndex, request, unfinished, config.emptyUntilAnalysed);
		const items = itemsOf(response, output, itemIndex);
		if (config.emptyUntilAnalysed !== undefined && (output === 'whole' ? recordsOf(response, 'split') : items).length === 0) {
			assertReady(context.getNode(), response, config.emptyUntilAnalysed, itemIndex);
		}
		return items;
	}

	function recordsOf(response: AnalysisResponses[Field], output: AnalysisOutput): IDataObject[] {
		const split = config.moreOutputs?.find((more) => more.value === output)?.split ?? config.split;
		return split(response, createFraudFlagger(response));
	}

	function itemsOf(response: AnalysisResponses[Field], output: AnalysisOutput, pairedWith: number): INodeExecutionData[] {
		if (output === 'whole') return [{ json: { ...response } as IDataObject, pairedItem: { item: pairedWith } }];
		// records are built once and paired as they are wrapped: no second copy of 60,000 rows or items
		return recordsOf(response, output).map((record) => ({ json: record, pairedItem: { item: pairedWith } }));
	}

	async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
		const output = this.getNodeParameter('output', itemIndex) as AnalysisOutput;
		const request = analysisReadRequest(this, itemIndex, { accountFilter: config.accountFilter });
		return await itemsFor(this, itemIndex, request, output);
	}

	return {
		description,
		execute,
		itemsFor,
		field: config.field,
		itemsOf: itemsOf as SplitAnalysisOperation['itemsOf'],
	};
}
