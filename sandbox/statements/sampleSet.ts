import { mkdir, writeFile } from 'fs/promises';
import { join } from 'path';
import { composeStatement } from './compose';
import { generateStatementPdf } from './generate';
import type { StatementFailure, StatementSpec } from './types';

/** One file of the sample set as `manifest.json` describes it. */
export interface SampleStatementEntry {
	file: string;
	bank: string;
	months: number;
	seed: string;
	password: string | null;
	variant: 'text' | 'image' | 'corrupt';
	patterns: string[];
	brokenBalance: boolean;
	oddMetadata: boolean;
	/** what the sandbox answers when this file is uploaded: null = it reads fine */
	expectedFailure: StatementFailure | null;
	/** what reading it yields (null for files that cannot be read) */
	expected: {
		holder: string;
		accountNumber: string;
		ifsc: string;
		fromDate: string;
		toDate: string;
		transactionCount: number;
		firstDate: string;
		lastDate: string;
		openingBalance: number;
		closingBalance: number;
		knownTransaction: { date: string; narration: string; type: 'debit' | 'credit'; amount: number; balance: number };
	} | null;
}

export interface SampleStatementManifest {
	generatedBy: string;
	endDate: string;
	statements: SampleStatementEntry[];
}

type SampleSpec = Omit<StatementSpec, 'endDate'> & { file: string; expectedFailure?: StatementFailure };

/** The set the demo and the tests use: several banks and patterns, and every failure the reader knows. */
export const SAMPLE_SPECS: SampleSpec[] = [
	{ file: 'hdfc-6m-salary-emi-recurring.pdf', bank: 'hdfc', months: 6, seed: 'sample-hdfc', holder: 'Rahul Sharma' },
	{ file: 'sbi-3m-salary.pdf', bank: 'sbi', months: 3, seed: 'sample-sbi', patterns: ['salary'] },
	{ file: 'icici-12m-salary-emi-recurring.pdf', bank: 'icici', months: 12, seed: 'sample-icici' },
	{ file: 'axis-6m-emi-recurring.pdf', bank: 'axis', months: 6, seed: 'sample-axis', patterns: ['emi', 'recurring'] },
	{ file: 'kotak-3m-password-kotak1234.pdf', bank: 'kotak', months: 3, seed: 'sample-kotak', password: 'kotak1234' },
	{ file: 'canara-2m-image-only.pdf', bank: 'canara', months: 2, seed: 'sample-canara', variant: 'image', expectedFailure: 'PDF_IS_IMAGE' },
	{ file: 'idfc-2m-corrupt.pdf', bank: 'idfc', months: 2, seed: 'sample-idfc', variant: 'corrupt', expectedFailure: 'STATEMENT_UNSUPPORTED_FORMAT' },
	{ file: 'yesbnk-4m-broken-balance.pdf', bank: 'yesbnk', months: 4, seed: 'sample-yes', brokenBalance: true },
	{ file: 'federal-3m-edited-metadata.pdf', bank: 'federal', months: 3, seed: 'sample-federal', oddMetadata: true },
];

function entryFor(spec: SampleSpec, endDate: string): SampleStatementEntry {
	const content = composeStatement({ ...spec, endDate });
	const variant = spec.variant ?? 'text';
	const known = content.lines[Math.floor(content.lines.length / 2)];
	return {
		file: spec.file,
		bank: spec.bank,
		months: spec.months,
		seed: spec.seed,
		password: spec.password ?? null,
		variant,
		patterns: spec.patterns ?? ['salary', 'emi', 'recurring'],
		brokenBalance: spec.brokenBalance ?? false,
		oddMetadata: spec.oddMetadata ?? false,
		expectedFailure: spec.expectedFailure ?? null,
		expected: spec.expectedFailure
			? null
			: {
				holder: content.identity.name,
				accountNumber: content.identity.account_number,
				ifsc: content.identity.ifsc,
				fromDate: content.fromDate,
				toDate: content.toDate,
				transactionCount: content.lines.length,
				firstDate: content.lines[0].date,
				lastDate: content.lines[content.lines.length - 1].date,
				openingBalance: content.openingBalance,
				closingBalance: content.closingBalance,
				knownTransaction: {
					date: known.date,
					narration: known.narration,
					type: known.debit !== null ? 'debit' : 'credit',
					amount: (known.debit ?? known.credit)!,
					balance: known.balance,
				},
			},
	};
}

/** Write every sample statement and `manifest.json` into `outDir`; returns the manifest. */
export async function writeSampleStatements(outDir: string, endDate: string): Promise<SampleStatementManifest> {
	await mkdir(outDir, { recursive: true });
	const statements: SampleStatementEntry[] = [];
	for (const spec of SAMPLE_SPECS) {
		const { file, expectedFailure: _failure, ...statementSpec } = spec;
		await writeFile(join(outDir, file), await generateStatementPdf({ ...statementSpec, endDate }));
		statements.push(entryFor(spec, endDate));
	}
	const manifest: SampleStatementManifest = { generatedBy: 'npm run sandbox:statements', endDate, statements };
	await writeFile(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
	return manifest;
}
