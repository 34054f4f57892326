/**
 * `npm run demo [-- --out DIR]`: the main job. Starts the sandbox on a free port (or uses the real
 * account named by BANKCONNECT_API_KEY / BANKCONNECT_SERVER_HASH), writes the sample statements,
 * runs the workflows of examples/main-job/ through the n8n engine, prints a summary and writes the
 * outputs. Exits non-zero when a step failed.
 */
import { writeFile } from 'fs/promises';
import { join, resolve } from 'path';
import { parseArgs } from 'util';

import { endOfLastMonth } from '../../sandbox/statements/dates';
import { writeSampleStatements } from '../../sandbox/statements/sampleSet';
import { REPO_ROOT } from '../../test/harness/repository';
import { runMainJob } from './mainJob';
import type { MainJobInput } from './mainJob';
import { formatSummary } from './summary';
import { ENV, realAccount, sandboxAccount, statementFromFile, usesRealAccount } from './target';
import type { DemoTarget } from './target';

/** The sample statements the sandbox run uses: a plain 6-month HDFC one and a locked Kotak one. */
export const SAMPLE_STATEMENT = 'hdfc-6m-salary-emi-recurring.pdf';
export const SAMPLE_PROTECTED = 'kotak-3m-password-kotak1234.pdf';

async function sandboxStatements(outDir: string): Promise<Pick<MainJobInput, 'statement' | 'protectedStatement'>> {
	const dir = join(outDir, 'statements');
	const manifest = await writeSampleStatements(dir, endOfLastMonth());
	const locked = manifest.statements.find((entry) => entry.file === SAMPLE_PROTECTED);
	return {
		statement: await statementFromFile(join(dir, SAMPLE_STATEMENT)),
		protectedStatement: { ...(await statementFromFile(join(dir, SAMPLE_PROTECTED))), password: locked?.password ?? '' },
	};
}

async function realStatements(): Promise<Pick<MainJobInput, 'statement' | 'protectedStatement'>> {
	const path = process.env[ENV.statement];
	if (!path) throw new Error(`With a real account, set ${ENV.statement} to the path of a bank statement PDF to upload`);
	const lockedPath = process.env[ENV.protectedStatement];
	return {
		statement: await statementFromFile(path),
		protectedStatement: lockedPath
			? { ...(await statementFromFile(lockedPath)), password: process.env[ENV.pdfPassword] ?? '' }
			: undefined,
	};
}

async function main(): Promise<number> {
	const { values } = parseArgs({ options: { out: { type: 'string', default: 'out' } } });
	const outDir = resolve(REPO_ROOT, values.out!);
	let target: DemoTarget | undefined;
	try {
		target = usesRealAccount() ? await realAccount() : await sandboxAccount();
		console.log(`BankConnect main job against ${target.label}`);
		const statements = target.isSandbox ? await sandboxStatements(outDir) : await realStatements();
		const result = await runMainJob({ credentials: target.credentials, outDir, ...statements });
		await writeFile(join(outDir, 'summary.json'), `${JSON.stringify(result, null, 2)}\n`);
		console.log(formatSummary(result, outDir));
		return result.ok ? 0 : 1;
	} catch (error) {
		console.error(`The main job failed: ${(error as Error).message}`);
		return 1;
	} finally {
		await target?.stop();
	}
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
