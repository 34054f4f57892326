/**
 * Uploads: 100 statements of 2 MB from binary data in filesystem mode through Statement → Upload in
 * n8n's engine, with the sandbox at 25 ms per response, and the RSS the node's run adds (files
 * should stream from disk, not sit in memory); for reference, raw undici posting the same files as
 * multipart at the node's item concurrency (alternating order over rounds).
 */
import { mkdtempSync, openAsBlob, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { IBinaryData, INodeExecutionData } from 'n8n-workflow';

import { ITEM_CONCURRENCY } from '../nodes/BankConnect/actions/router';
import type { BenchmarkResult, Mode } from './lib/benchmark';
import { reference, round, runAsScript, target, timed } from './lib/benchmark';
import { collectGarbage, measureRss, toMb } from './lib/memory';
import { loadEngine } from './lib/n8n';
import { alternatingRounds } from './lib/rounds';
import { mapLimit, rawAgent, startSandboxProcess, uploadStatement } from './lib/sandbox';
import { spread } from './lib/stats';
import { resetSandbox, sampleStatement } from '../test/harness/sandboxClient';

const LATENCY_MS = 25;
const FILE_KB = 2048;

interface Measurement {
	ms: number;
	uploaded: number;
	rssGrowthBytes: number;
}

export async function run(mode: Mode): Promise<BenchmarkResult> {
	const count = mode === 'full' ? 100 : 3;
	const rounds = mode === 'full' ? 2 : 1;
	const sandbox = await startSandboxProcess(['--latency-ms', String(LATENCY_MS), '--processing-ms', '0']);
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

		const measured = await alternatingRounds(['ours', 'raw'] as const, rounds, async (side): Promise<Measurement> => {
			// a fresh sandbox state (its stored files removed) for every run
			await resetSandbox(sandbox.origin);
			collectGarbage();
			const done = await measureRss(async () =>
				await timed(async () => {
					if (side === 'ours') {
						const result = await engine.runWorkflow(workflow, { credentials, startItems: items.slice(1), skipSecretScan: true });
						const error = result.nodeError('BankConnect');
						if (error) throw error;
						return result.output('BankConnect').filter((item) => typeof item.json.statement_id === 'string').length;
					}
					const uploaded = await mapLimit(Array.from({ length: count }), ITEM_CONCURRENCY, async () =>
						await uploadStatement(agent, sandbox, await openAsBlob(filePath, { type: 'application/pdf' }), { bank_name: 'hdfc' }),
					);
					return uploaded.length;
				}),
			);
			if (done.result.result !== count) throw new Error(`${side} uploaded ${done.result.result} statements of ${count}`);
			return { ms: done.result.ms, uploaded: done.result.result, rssGrowthBytes: done.rss.growthBytes };
		});
		// the first run in this process: later runs find the heap already grown
		const [first] = measured.ours;
		const growthMb = toMb(first.rssGrowthBytes);
		const toRaw = spread(measured.ours.map((m, index) => m.ms / measured.raw[index].ms));
		return {
			id: 'uploads',
			title: 'Uploads',
			mode,
			available: true,
			setup: { statements: count, sizeMb: round(pdf.length / 2 ** 20), latencyMs: LATENCY_MS, concurrency: ITEM_CONCURRENCY, rounds },
			figures: {
				oursMs: round(spread(measured.ours.map((m) => m.ms)).median),
				rawMs: round(spread(measured.raw.map((m) => m.ms)).median),
				ratioToRaw: round(toRaw.median, 3),
				rssGrowthMb: round(growthMb),
				// after the node's run, in a heap already grown: not comparable with the node's figure
				rawRssGrowthAfterNodeMb: round(toMb(measured.raw[0].rssGrowthBytes)),
				totalUploadedMb: round((pdf.length * count) / 2 ** 20),
			},
			targets: [
				target(`RSS growth during the run (first run, ${count} × ${round(pdf.length / 2 ** 20, 1)} MB)`, growthMb, 64, 'MB', 1),
				reference('Upload ÷ raw undici multipart', toRaw),
			],
			notes: [`The node's first run grew the process's RSS by ${round(growthMb, 1)} MB at its peak for ${round(toMb(pdf.length * count), 0)} MB uploaded. The raw side streams the file with fs.openAsBlob.`],
			runs: (['ours', 'raw'] as const).flatMap((side) => measured[side].map((m, index) => ({ side, round: index + 1, ...m }))),
		};
	} finally {
		await agent.close();
		await sandbox.stop();
	}
}

if (require.main === module) runAsScript(run);
