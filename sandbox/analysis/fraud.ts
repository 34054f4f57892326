import type { ParsedStatement } from '../statements/types';
import type { FraudEntry } from './types';

/** Tools people use to edit a statement; a bank's server never writes these. */
const EDITING_TOOLS = /word|excel|ilovepdf|smallpdf|sejda|pdfescape|photoshop|canva|libreoffice|openoffice|acrobat|foxit|nitro|pdf ?editor/i;

/** Index of each line whose balance does not follow from the previous balance and its amount. */
export function brokenBalanceLines(statement: ParsedStatement): number[] {
	const broken: number[] = [];
	let previous = statement.openingBalance;
	statement.lines.forEach((line, index) => {
		if (previous !== null) {
			const expected = previous - (line.debit ?? 0) + (line.credit ?? 0);
			if (Math.abs(expected - line.balance) > 0.005) broken.push(index);
		}
		previous = line.balance;
	});
	return broken;
}

/** `author_fraud` when the PDF's author, creator or producer is an editing tool. */
export function metadataFraud(statementId: string, statement: ParsedStatement): FraudEntry[] {
	const { author, creator, producer } = statement.metadata;
	const edited = [author, creator, producer].some((value) => value !== null && EDITING_TOOLS.test(value));
	return edited ? [{ statement_id: statementId, fraud_type: 'author_fraud' }] : [];
}
