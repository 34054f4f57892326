/**
 * examples/06-statement-batch-wait-loop.json in the real n8n app (`n8n execute`) against the
 * sandbox: the Wait for Analysis loop through n8n's own Wait node. Google Drive becomes n8n's Edit
 * Fields + Split Out + HTTP Request (the sandbox's sample statements); Google Sheets and Slack become
 * No Operation nodes under their names, so what they would receive is in the run.
 */
import { readExample } from '../harness/app/examples';
import { createInstance, executeWorkflow, importCredential, importWorkflow } from '../harness/app/instance';
import type { CliItem, CliRun, WorkflowJson } from '../harness/app/instance';
import { listStatements } from '../harness/sandboxClient';
import { startSandboxProcess } from '../harness/sandboxProcess';
import type { SandboxProcess } from '../harness/sandboxProcess';

const BANKS = ['hdfc', 'sbi', 'icici', 'axis', 'kotak'];

/** The example with its outside services replaced: five statements from the sandbox in, recorders out. */
function runnable(workflow: WorkflowJson, sandboxOrigin: string): WorkflowJson {
	const replaced: Record<string, (node: WorkflowJson['nodes'][number]) => WorkflowJson['nodes'][number]> = {
		'Find Statements': (node) => ({
			...node,
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			parameters: { mode: 'raw', jsonOutput: JSON.stringify({ banks: BANKS }), options: {} },
		}),
		'Download Statement': (node) => ({
			...node,
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			parameters: {
				url: `=${sandboxOrigin}/__sandbox/sample-statement?bank={{ $json.banks }}&months=2&seed=batch-{{ $json.banks }}`,
				options: { response: { response: { responseFormat: 'file', outputPropertyName: 'data' } } },
			},
		}),
		'Append Transactions': (node) => ({ ...node, type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} }),
		'Tell Ops': (node) => ({ ...node, type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} }),
	};
	const splitName = 'One Item per Bank';
	const connections = { ...workflow.connections } as Record<string, { main: Array<Array<{ node: string; type: string; index: number }>> }>;
	connections['Find Statements'] = { main: [[{ node: splitName, type: 'main', index: 0 }]] };
	connections[splitName] = { main: [[{ node: 'Download Statement', type: 'main', index: 0 }]] };
	return {
		...workflow,
		nodes: [
			...workflow.nodes.map((node) => replaced[node.name]?.(node) ?? node),
			{ name: splitName, type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [300, 200], parameters: { fieldToSplitOut: 'banks', options: {} } },
		],
		connections,
	};
}

/** Every run of a node, each with its items per output. */
function runsOf(run: CliRun, nodeName: string): Array<{ startTime: number; outputs: CliItem[][] }> {
	const runs = run.data.resultData.runData[nodeName] ?? [];
	return runs.map((taskData) => ({
		startTime: (taskData as { startTime?: number }).startTime ?? 0,
		outputs: (taskData.data?.main ?? []).map((items) => items ?? []),
	}));
}

describe('Wait for Analysis looping through n8n’s Wait node', () => {
	let sandbox: SandboxProcess;
	let instance: ReturnType<typeof createInstance>;

	beforeAll(async () => {
		// processing from 3 to 11 s: several passes of the loop, statements finishing at different passes
		sandbox = await startSandboxProcess(['--processing-ms', '3000', '--processing-jitter-ms', '8000', '--seed', 'batch-loop']);
		instance = createInstance();
		await importCredential(instance, sandbox);
	});

	afterAll(async () => {
		await sandbox?.stop();
		instance?.remove();
	});

	it('sends each statement on as its analysis completes, the failed one to Failed, nothing lost', async () => {
		// the first statement to finish fails
		const failure = await fetch(`${sandbox.origin}/__sandbox/processing-failures`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ count: 1, reason: 'Transactions could not be extracted from the statement' }),
		});
		expect(failure.status).toBe(201);
		await importWorkflow(instance, 'ExampleBatchLoop', runnable(readExample('06-statement-batch-wait-loop.json'), sandbox.origin));

		const { code, run } = await executeWorkflow(instance, 'ExampleBatchLoop');

		expect(run.data.resultData.error).toBeUndefined();
		expect(code).toBe(0);
		const statements = await listStatements(sandbox.origin);
		expect(statements).toHaveLength(BANKS.length);
		const failed = statements.filter((statement) => statement.status === 'failed');
		const completed = statements.filter((statement) => statement.status === 'completed');
		expect(failed).toHaveLength(1);

		// the loop ran: Wait for Analysis more than once, its Still Processing items back through the Wait node
		const passes = runsOf(run, 'Wait for Analysis');
		expect(passes.length).toBeGreaterThan(1);
		expect(passes.every((pass) => pass.outputs.length === 3)).toBe(true);
		expect(runsOf(run, 'Wait 2 Seconds').length).toBe(passes.length);

		// each completed statement's transactions reached the sheet, in the pass that saw it complete
		const appended = runsOf(run, 'Append Transactions');
		const rows = appended.flatMap((pass) => pass.outputs[0]);
		expect(new Set(rows.map((row) => row.json.entity_id))).toEqual(new Set(completed.map((statement) => statement.entity_id)));
		expect(rows.every((row) => typeof row.json.amount === 'number' && typeof row.json.transaction_type === 'string')).toBe(true);
		// not held back until the last statement: the rows of each pass reach the sheet before the next pass
		const withCompleted = passes.filter((pass) => pass.outputs[0].length > 0);
		expect(appended.length).toBe(withCompleted.length);
		withCompleted.forEach((pass, index) => {
			const nextPass = passes[passes.indexOf(pass) + 1];
			expect(appended[index].startTime).toBeGreaterThan(pass.startTime);
			if (nextPass) expect(appended[index].startTime).toBeLessThan(nextPass.startTime);
		});
		const lastCompletion = Math.max(...statements.map((statement) => Date.parse(statement.completed_at ?? '')));
		expect(appended[0].startTime).toBeLessThan(lastCompletion);

		// the failed statement went to Failed, with its reason; the others' rows are all there
		const told = runsOf(run, 'Tell Ops').flatMap((pass) => pass.outputs[0]);
		expect(told.map((item) => [item.json.entity_id, (item.json.analysis_status as { status: string; message: string }).status])).toEqual([
			[failed[0].entity_id, 'failed'],
		]);
		expect((told[0].json.analysis_status as { message: string }).message).toBe(
			`BankConnect could not analyse the statements: statement ${failed[0].statement_id} failed: Transactions could not be extracted from the statement`,
		);
	});
});
