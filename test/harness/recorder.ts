/**
 * Recording stand-ins for nodes of other packages (Slack, Google Sheets, Gmail, Form Trigger, …):
 * they keep what they were given — each item and the node's parameters resolved for that item, the
 * way the real node would have read them — and pass the items on. Triggers among them (no inputs)
 * emit the run's start items.
 */
import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IBinaryData,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

/** A binary property as the node received it, with its bytes. */
export interface RecordedBinary {
	fileName?: string;
	mimeType: string;
	bytes: Buffer;
}

/** One item a recording stand-in received. */
export interface RecordedItem {
	json: IDataObject;
	binary: Record<string, RecordedBinary>;
	/** The node's parameters with every expression resolved for this item. */
	parameters: IDataObject;
}

/** One execution of a recording stand-in. */
export interface RecordedRun {
	node: string;
	type: string;
	items: RecordedItem[];
}

/** Collects what the recording stand-ins of one or more runs received. */
export class Recorder {
	readonly runs: RecordedRun[] = [];

	/** Every item the named node received, over all its runs (empty when it never ran). */
	received(nodeName: string): RecordedItem[] {
		return this.runs.filter((run) => run.node === nodeName).flatMap((run) => run.items);
	}

	/** Names of the recording nodes that ran, in order. */
	nodesThatRan(): string[] {
		return this.runs.map((run) => run.node);
	}
}

/** Nodes that start a workflow: they have no input, and the stand-in emits the run's start items. */
function isTriggerType(type: string): boolean {
	return /Trigger$/.test(type) || type === 'n8n-nodes-base.webhook';
}

/** IF has a true and a false output; the stand-in sends every item to "true". */
function outputCount(type: string): number {
	return type === 'n8n-nodes-base.if' ? 2 : 1;
}

/** n8n drops parameters a node type does not declare, so the stand-in declares every one the workflow sets. */
function declaredParameters(nodes: INode[]): INodeProperties[] {
	const names = new Set(nodes.flatMap((node) => Object.keys(node.parameters ?? {})));
	return [...names].map((name) => ({ displayName: name, name, type: 'json', default: '' }));
}

async function recordItem(context: IExecuteFunctions, item: INodeExecutionData, itemIndex: number): Promise<RecordedItem> {
	const parameters: IDataObject = {};
	for (const name of Object.keys(context.getNode().parameters)) {
		try {
			parameters[name] = context.getNodeParameter(name, itemIndex) as IDataObject[string];
		} catch (error) {
			parameters[name] = `(unresolved: ${(error as Error).message})`;
		}
	}
	const binary: Record<string, RecordedBinary> = {};
	for (const [key, data] of Object.entries(item.binary ?? {}) as Array<[string, IBinaryData]>) {
		const bytes = await context.helpers.getBinaryDataBuffer(itemIndex, key);
		binary[key] = { fileName: data.fileName, mimeType: data.mimeType, bytes };
	}
	return { json: item.json, binary, parameters };
}

function recordingStandIn(type: string, nodes: INode[], recorder: Recorder): INodeType {
	const trigger = isTriggerType(type);
	const description = {
		displayName: `${type} (recording stand-in)`,
		name: type.split('.').pop() ?? type,
		group: [trigger ? 'trigger' : 'transform'],
		version: [...new Set(nodes.map((node) => node.typeVersion))],
		description: 'Records what it receives and passes it on (test stand-in)',
		defaults: { name: type },
		inputs: trigger ? [] : [NodeConnectionTypes.Main],
		outputs: Array.from({ length: outputCount(type) }, () => NodeConnectionTypes.Main),
		properties: declaredParameters(nodes),
	} as unknown as INodeTypeDescription;

	return {
		description,
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const items = this.getInputData();
			const recorded: RecordedItem[] = [];
			for (const [index, item] of items.entries()) recorded.push(await recordItem(this, item, index));
			recorder.runs.push({ node: this.getNode().name, type, items: recorded });
			const passed = items.map((item, index) => ({ ...item, pairedItem: { item: index } }));
			return [passed, ...Array.from({ length: outputCount(type) - 1 }, () => [])];
		},
	};
}

/** One recording stand-in per listed type that the workflow uses, keyed by type name. */
export function recordingStandIns(
	workflow: { nodes: INode[] },
	types: string[],
	recorder: Recorder,
): Record<string, INodeType> {
	const standIns: Record<string, INodeType> = {};
	for (const type of types) {
		const nodes = workflow.nodes.filter((node) => node.type === type);
		if (nodes.length > 0) standIns[type] = recordingStandIn(type, nodes, recorder);
	}
	return standIns;
}

/** Node types of a workflow that are neither this package's nor already stood in for by the harness. */
export function thirdPartyTypes(workflow: { nodes: INode[] }, ownPackage = 'n8n-nodes-bankconnect'): string[] {
	const builtIn = new Set(['n8n-nodes-base.manualTrigger', 'n8n-nodes-base.noOp', 'n8n-nodes-base.stickyNote']);
	return [...new Set(workflow.nodes.map((node) => node.type))].filter(
		(type) => !type.startsWith(`${ownPackage}.`) && !builtIn.has(type),
	);
}
