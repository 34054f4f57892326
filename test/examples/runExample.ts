/**
 * Runs an example workflow of examples/ in the engine against the sandbox, with the nodes of other
 * packages (and a BankConnect Trigger it starts at) replaced by recording stand-ins.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { bankConnectCredentials, runWorkflow } from '../harness/engine';
import type { WorkflowJson, WorkflowRun } from '../harness/engine';
import { Recorder, thirdPartyTypes } from '../harness/recorder';

export interface ExampleRun {
	run: WorkflowRun;
	recorder: Recorder;
}

export interface ExampleRunOptions {
	/** Disabled alternatives to turn on (node names). */
	enable?: string[];
	/** The node to start at (default the first node whose type ends in "Trigger"). */
	startAt?: string;
}

/** Runs an example from its trigger; throws naming the first node that failed. */
export async function runExample(
	baseUrl: string,
	workflow: WorkflowJson,
	startItems: INodeExecutionData[],
	{ enable = [], startAt }: ExampleRunOptions = {},
): Promise<ExampleRun> {
	const nodes = workflow.nodes.map((node) => (enable.includes(node.name) ? { ...node, disabled: false } : node));
	const trigger = nodes.find((node) => (startAt === undefined ? /Trigger$/.test(node.type) : node.name === startAt));
	if (!trigger) throw new Error(`No start node ${startAt ?? 'ending in Trigger'} in ${workflow.name ?? 'the workflow'}`);
	const recorder = new Recorder();
	const run = await runWorkflow(
		{ ...workflow, nodes },
		{
			credentials: bankConnectCredentials(baseUrl),
			startNode: trigger.name,
			startItems,
			recordTypes: thirdPartyTypes({ nodes }).concat(trigger.type.startsWith('n8n-nodes-bankconnect.') ? [trigger.type] : []),
			recorder,
		},
	);
	for (const node of nodes) {
		const error = run.nodeError(node.name);
		if (error) throw new Error(`${node.name}: ${error.message}`);
	}
	return { run, recorder };
}
