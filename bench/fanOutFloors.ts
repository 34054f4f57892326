/**
 * What the fan-out figure is made of (README, "Where the memory goes"): n8n's engine runs, over the
 * same 200 entities as transactionsFanOut.bench.ts, a trivial node in place of Get Transactions, or
 * Get Transactions itself, measured the same way (RSS sampled from a collected baseline, the first
 * full run after a two-entity warm-up) but in a child process whose heap nothing else has grown.
 * - `items`: emits the same 62,000 items, parsed from their own JSON, one entity per 25 ms at
 *   ITEM_CONCURRENCY: what n8n's items cost without HTTP.
 * - `rows`: builds them with transactionRows from the parsed API answers, at the same pace.
 * - `http` / `httpAuth`: reads the 200 answers through n8n's `httpRequest` helper (or
 *   `httpRequestWithAuthentication` with the package's credential) and parses them; emits nothing.
 * - `httpAuthRows`: `httpAuth`, then the same items as `rows`: Get Transactions without the
 *   package's transport and router.
 * - `ours`: Get Transactions.
 * `scripts/node24.sh npx tsx --expose-gc bench/fanOutFloors.ts <mode>` (1–2 minutes; build first).
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { createFraudFlagger } from '../nodes/BankConnect/actions/analysis/fraudFlags';
import { transactionRows } from '../nodes/BankConnect/actions/analysis/transactionRows';
import type { AnalysisResponses } from '../nodes/BankConnect/api';
import { ITEM_CONCURRENCY } from '../nodes/BankConnect/actions/router';
import { collectGarbage, measureRss, toMb } from './lib/memory';
import { loadEngine } from './lib/n8n';
import { apiHeaders, getJson, mapLimit, rawAgent, startSandboxProcess, uploadStatement } from './lib/sandbox';
import { sampleStatement } from '../test/harness/sandboxClient';

type Floor = 'items' | 'http' | 'ours' | 'httpAuth' | 'rows' | 'httpAuthRows';
type TransactionsResponse = AnalysisResponses['transactions'];

const LATENCY_MS = 25;
const STATEMENT_MONTHS = 9;
const ENTITIES = 200;

/** What the measuring process is given: the sandbox, the entities' paths and their rows' JSON. */
interface Prepared {
	sandbox: { baseUrl: string; apiKey: string; serverHash: string };
	paths: string[];
	/** one line per entity: its rows' JSON (`items`), its API answer (`rows`), or nothing */
	textsFile: string;
	outputJsonBytes: number;
}

/** A transport floor's answer parsed and checked, then dropped: the floor emits nothing. */
function parsedOnly(text: string, index: number): INodeExecutionData[] {
	const body = JSON.parse(text) as TransactionsResponse;
	if (body.transactions.length === 0) throw new Error(`entity ${index} has no transactions`);
	return [];
}

/** Entity i's answer as Get Transactions' items, built with the package's own rows. */
function itemsOfAnswer(text: string, index: number): INodeExecutionData[] {
	const body = JSON.parse(text) as TransactionsResponse;
	return transactionRows(body.entity_id, body.transactions, createFraudFlagger(body)).map((json) => ({ json, pairedItem: { item: index } }));
}

/** The node of a floor (input item i stands for entity i), reading entity i's text from `texts`. */
function floorNode(floor: Floor, sandbox: Prepared['sandbox'], paths: string[], texts: string[]): INodeType {
	return {
		description: {
			displayName: 'Fan-out Floor',
			name: 'fanOutFloor',
			group: ['transform'],
			version: 1,
			description: 'A benchmark floor',
			defaults: { name: 'Fan-out Floor' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
			credentials: [{ name: 'bankConnectApi', required: false }],
		} as INodeTypeDescription,
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const indexes = this.getInputData().map((_, index) => index);
			const perEntity = await mapLimit(indexes, ITEM_CONCURRENCY, async (index): Promise<INodeExecutionData[]> => {
				if (floor === 'httpAuth' || floor === 'httpAuthRows') {
					const response = (await this.helpers.httpRequestWithAuthentication.call(this, 'bankConnectApi', {
						url: paths[index],
						encoding: 'text',
						json: false,
						returnFullResponse: true,
					})) as { body: string };
					return floor === 'httpAuth' ? parsedOnly(response.body, index) : itemsOfAnswer(response.body, index);
				}
				if (floor === 'rows') {
					await new Promise((resolve) => setTimeout(resolve, LATENCY_MS));
					return itemsOfAnswer(texts[index], index);
				}
				if (floor === 'http') {
					const response = (await this.helpers.httpRequest({
						url: `${sandbox.baseUrl}${paths[index]}`,
						headers: apiHeaders(sandbox),
						encoding: 'text',
						json: false,
						returnFullResponse: true,
					})) as { body: string };
					return parsedOnly(response.body, index);
				}
				await new Promise((resolve) => setTimeout(resolve, LATENCY_MS));
				return (JSON.parse(texts[index]) as INodeExecutionData['json'][]).map((json) => ({ json, pairedItem: { item: index } }));
			});
			return [perEntity.flat()];
		},
	};
}

/** In the child: runs the floor node twice (warm-up on two entities, then all) and prints the first full run's figure. */
async function measure(floor: Floor, prepared: Prepared): Promise<void> {
	const texts = readFileSync(prepared.textsFile, 'utf8').split('\n');
	const engine = await loadEngine();
	const credentials = engine.bankConnectCredentials(prepared.sandbox.baseUrl);
	const nodeTypes = { 'bench.fanOutFloor': floorNode(floor, prepared.sandbox, prepared.paths, texts) };
	const ours = engine.singleNodeWorkflow({ resource: 'analysis', operation: 'transactions', entityId: '={{ $json.entityId }}', waitForCompletion: false, output: 'split' });
	const floorWorkflow = {
		nodes: [
			{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} },
			{ id: 'floor', name: 'Floor', type: 'bench.fanOutFloor', typeVersion: 1, position: [200, 0] as [number, number], parameters: {}, credentials: { bankConnectApi: { id: '1', name: 'BankConnect account' } } },
		],
		connections: { Start: { main: [[{ node: 'Floor', type: NodeConnectionTypes.Main, index: 0 }]] } },
	};
	const workflow = floor === 'ours' ? ours : floorWorkflow;
	const outputNode = floor === 'ours' ? 'BankConnect' : 'Floor';
	const startItems = prepared.paths.map((path, index) => ({ json: { index, entityId: path.split('/')[3] } }));
	await engine.runWorkflow(workflow, { credentials, startItems: startItems.slice(0, 2), nodeTypes, skipSecretScan: true });

	collectGarbage();
	const done = await measureRss(async () => (await engine.runWorkflow(workflow, { credentials, startItems, nodeTypes, skipSecretScan: true })).output(outputNode));
	console.log(
		`${floor}: ${done.result.length} items; peak RSS growth ${toMb(done.rss.growthBytes).toFixed(1)} MB = ` +
			`${(done.rss.growthBytes / prepared.outputJsonBytes).toFixed(2)} x Get Transactions' ${toMb(prepared.outputJsonBytes).toFixed(1)} MB of output JSON`,
	);
}

/** In the parent: the sandbox, 200 entities (each read once, which also warms the sandbox) and the child's texts, then the child. */
async function prepareAndMeasure(floor: Floor): Promise<void> {
	const sandbox = await startSandboxProcess(['--latency-ms', String(LATENCY_MS), '--processing-ms', '0']);
	const agent = rawAgent();
	const folder = mkdtempSync(join(tmpdir(), 'fan-out-floors-'));
	try {
		const pdf = await sampleStatement(sandbox.origin, { bank: 'hdfc', months: STATEMENT_MONTHS, seed: 'fan-out' });
		const file = new Blob([pdf], { type: 'application/pdf' });
		const uploads = await mapLimit(Array.from({ length: ENTITIES }), 8, async () => await uploadStatement(agent, sandbox, file, { bank_name: 'hdfc' }));
		const paths = uploads.map((upload) => `/v1/entity/${upload.entity_id}/transactions/`);
		// also warms the sandbox, which computes an account's analysis on its first read
		let outputJsonBytes = 2 + (ENTITIES - 1);
		const texts = await mapLimit(paths, ITEM_CONCURRENCY, async (path) => {
			const body = await getJson<TransactionsResponse>(agent, sandbox, path);
			const rowsJson = JSON.stringify(transactionRows(body.entity_id, body.transactions, createFraudFlagger(body)));
			// the entities' arrays joined into one: each loses its brackets, the commas between them come in
			outputJsonBytes += Buffer.byteLength(rowsJson) - 2;
			if (floor === 'items') return rowsJson;
			return floor === 'rows' ? JSON.stringify(body) : '';
		});
		const textsFile = join(folder, 'texts.jsonl');
		writeFileSync(textsFile, texts.join('\n'));
		const prepared: Prepared = {
			sandbox: { baseUrl: sandbox.baseUrl, apiKey: sandbox.apiKey, serverHash: sandbox.serverHash },
			paths,
			textsFile,
			outputJsonBytes,
		};
		execFileSync(process.execPath, [...process.execArgv, __filename, floor], {
			stdio: 'inherit',
			env: { ...process.env, FAN_OUT_FLOOR_PREPARED: JSON.stringify(prepared) },
		});
	} finally {
		rmSync(folder, { recursive: true, force: true });
		await agent.close();
		await sandbox.stop();
	}
}

const floor = process.argv[2];
const FLOORS: Floor[] = ['items', 'rows', 'http', 'httpAuth', 'httpAuthRows', 'ours'];
if (!FLOORS.includes(floor as Floor)) throw new Error(`usage: fanOutFloors.ts ${FLOORS.join('|')}`);
const prepared = process.env.FAN_OUT_FLOOR_PREPARED;
(prepared ? measure(floor as Floor, JSON.parse(prepared) as Prepared) : prepareAndMeasure(floor as Floor)).catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
