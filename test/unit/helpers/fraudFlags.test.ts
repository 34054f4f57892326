import { createFraudFlagger } from '../../../nodes/BankConnect/actions/analysis/fraudFlags';
import type { AnalysisEnvelope } from '../../../nodes/BankConnect/api/types';
import { ENVELOPE, HDFC, SBI } from '../../fixtures/analysis';

describe('fraud flags', () => {
	const flagger = createFraudFlagger(ENVELOPE);

	test('an account with a fraudulent statement is flagged with its fraud types', () => {
		expect(flagger.forAccount(SBI.account_id)).toEqual({ is_fraud: true, fraud_types: 'author_fraud' });
	});

	test('an account whose statement lists a flagged transaction is flagged with that type', () => {
		expect(flagger.forAccount(HDFC.account_id)).toEqual({ is_fraud: true, fraud_types: 'inconsistent_transaction' });
	});

	test('a transaction is flagged by its own hash, not by a sibling’s', () => {
		expect(flagger.forTransactions(HDFC.account_id, ['txn-h2'])).toEqual({ is_fraud: true, fraud_types: 'inconsistent_transaction' });
		expect(flagger.forTransactions(HDFC.account_id, ['txn-h1'])).toEqual({ is_fraud: false, fraud_types: '' });
	});

	test('a transaction of an account with statement-wide fraud is flagged', () => {
		expect(flagger.forTransactions(SBI.account_id, ['anything'])).toEqual({ is_fraud: true, fraud_types: 'author_fraud' });
	});

	test('unknown or missing accounts are clean', () => {
		expect(flagger.forAccount(undefined)).toEqual({ is_fraud: false, fraud_types: '' });
		expect(flagger.forTransactions('acc-unknown', ['txn-h1'])).toEqual({ is_fraud: false, fraud_types: '' });
	});

	test('repeated types are listed once; several are comma-separated', () => {
		const envelope: AnalysisEnvelope = {
			...ENVELOPE,
			fraud: {
				fraudulent_statements: ['stmt-sbi-1'],
				fraud_type: [
					{ statement_id: 'stmt-sbi-1', fraud_type: 'author_fraud' },
					{ statement_id: 'stmt-sbi-1', fraud_type: 'author_fraud' },
					{ statement_id: 'stmt-sbi-1', fraud_type: 'font_mismatch' },
				],
			},
		};
		expect(createFraudFlagger(envelope).forAccount(SBI.account_id)).toEqual({ is_fraud: true, fraud_types: 'author_fraud, font_mismatch' });
	});

	test('a fraudulent statement without a listed type still flags its account', () => {
		const envelope: AnalysisEnvelope = { ...ENVELOPE, fraud: { fraudulent_statements: ['stmt-hdfc-1'], fraud_type: [] } };
		expect(createFraudFlagger(envelope).forAccount(HDFC.account_id)).toEqual({ is_fraud: true, fraud_types: '' });
	});

	test('an envelope without a fraud block flags nothing', () => {
		const envelope = { ...ENVELOPE, fraud: undefined } as unknown as AnalysisEnvelope;
		expect(createFraudFlagger(envelope).forAccount(SBI.account_id)).toEqual({ is_fraud: false, fraud_types: '' });
	});
});
