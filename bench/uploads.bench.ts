/**
 * Benchmark 3 — Uploads: 100 statements of 2 MB from binary data in filesystem mode through
 * Statement → Upload, against raw undici posting the same files as multipart at the same
 * concurrency; and the RSS the node's run adds (files should stream from disk, not sit in memory).
 */
import { existsSync, mkdtempSync, openAsBlob, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { IBinaryData, INodeExecutionData } from 'n8n-workflow';

import type { BenchmarkResult, Mode } from './lib/benchmark';
import { round, runAsScript, target, timed } from './lib/benchmark';
import { collectGarbage, measureRss, toMb } from './lib/memory';
import { loadEngine } from './lib/n8n';
import { mapLimit, rawAgent, startSandboxProcess, uploadStatement } from './lib/sandbox';
import { sampleStatement } from '../test/harness/sandboxClient';

/** The node runs 5 input items at a time (ITEM_CONCURRENCY in actions/router.ts); raw gets the same. */
const ITEM_CONCURRENCY = 5;
const FILE_KB = 2048;

const UPLOAD_OPERATION = join(__dirname, '..', 'nodes', 'BankConnect', 'actions', 'statement', 'upload.operation.ts');

function notAvailable(mode: Mode, count: number): BenchmarkResult {
	return {
		id: 'uploads',
		title: 'Uploads',
		mode,
		available: false,
		setup: { statements: count, sizeMb: FILE_KB / 1024 },
		figures: {},
		targets: [],
		notes: ['Statement → Upload is not in this build yet.'],
	};
}

export async function run(mode: Mode): Promise<BenchmarkResult> {
	const count = mode === 'full' ? 100 : 3;
	if (!existsSync(UPLOAD_OPERATION)) return notAvailable(mode, count);
	const sandbox = await startSandboxProcess(['--processing-ms', '0']);
	const agent = rawAgent();
	try {
		const engine = await loadEngine();
		const pdf = await sampleStatement(sandbox.origin, { bank: 'hdfc', months: 3, seed: 'uploads', min_size_kb: FILE_KB });
		const folder = mkdtempSync(join(tmpdir(), 'bankconnect-bench-upload-'));
		const filePath = join(folder, 'statement.pdf');
		writeFileSync(filePath, pdf);

		const service = await engine.binaryDataService();
		const items: INodeExecutionData[] = [];
		for (let index = 0; index < count + 1; index++) {
			const binary = await service.store(
				{ type: 'execution', workflowId: 'test', executionId: '1' } as Parameters<typeof service.store>[0],
				pdf,
				{ mimeType: 'application/pdf', fileName: `statement-${index}.pdf`, data: '' } as IBinaryData,
			);
			items.push({ json: { index }, binary: { data: binary } });
		}
		const credentials = engine.bankConnectCredentials(sandbox.baseUrl);
		const workflow = engine.singleNodeWorkflow({
			resource: 'statement',
			operation: 'upload',
			source: 'binary',
			inputBinaryField: 'data',
			bankMode: 'known',
			bankName: 'hdfc',
			target: 'newEntity',
			pdfPassword: '',
			identity: false,
			then: 'none',
		});
		// warm-up: one upload each way
		const warm = await engine.runWorkflow(workflow, { credentials, startItems: items.slice(0, 1), skipSecretScan: true });
		if (warm.nodeError('BankConnect')) throw warm.nodeError('BankConnect');
		await uploadStatement(agent, sandbox, await openAsBlob(filePath, { type: 'application/pdf' }), { bank_name: 'hdfc' });

		const ours = await measureRss(async () =>
			await timed(async () => {
				const done = await engine.runWorkflow(workflow, { credentials, startItems: items.slice(1), skipSecretScan: true });
				const error = done.nodeError('BankConnect');
				if (error) throw error;
				return done.output('BankConnect').filter((item) => typeof item.json.statement_id === 'string').length;
			}),
		);
		collectGarbage();
		const raw = await measureRss(async () =>
			await timed(async () =>
				(
					await mapLimit(Array.from({ length: count }), ITEM_CONCURRENCY, async () =>
						await uploadStatement(agent, sandbox, await openAsBlob(filePath, { type: 'application/pdf' }), { bank_name: 'hdfc' }),
					)
				).length,
			),
		);
		if (ours.result.result !== count) throw new Error(`Upload gave ${ours.result.result} statements of ${count}`);
		const growthMb = toMb(ours.rss.growthBytes);
		return {
			id: 'uploads',
			title: 'Uploads',
			mode,
			available: true,
			setup: { statements: count, sizeMb: round(pdf.length / 2 ** 20), concurrency: ITEM_CONCURRENCY },
			figures: {
				oursMs: round(ours.result.ms),
				rawMs: round(raw.result.ms),
				ratioToRaw: round(ours.result.ms / raw.result.ms, 3),
				rssGrowthMb: round(growthMb),
				rawRssGrowthMb: round(toMb(raw.rss.growthBytes)),
				totalUploadedMb: round((pdf.length * count) / 2 ** 20),
			},
			targets: [
				target('RSS growth during the run', round(growthMb, 1), 64, 'MB'),
				target('Upload ÷ raw undici multipart', round(ours.result.ms / raw.result.ms, 3), 1.3),
			],
			notes: [`Raw undici multipart grew RSS by ${round(toMb(raw.rss.growthBytes), 1)} MB for the same files (streamed with fs.openAsBlob).`],
		};
	} finally {
		await agent.close();
		await sandbox.stop();
	}
}

if (require.main === module) runAsScript(run);
