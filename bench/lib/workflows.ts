/** The workflows of bench/workflows/, as committed (what a user imports), pointed at the bench's sandbox. */
import { readFileSync } from 'fs';
import { join } from 'path';

import type { WorkflowJson } from './n8nApp';

/** The API base URL the committed workflows carry, as a user writes it. */
export const VENDOR_BASE_URL = 'https://portal.finbox.in/bank-connect';
/** Where the committed workflows read their statements from; the bench serves them there (statementShelf.ts). */
export const STATEMENTS_PLACEHOLDER = 'http://127.0.0.1:5680';

const WORKFLOW_FOLDER = join(__dirname, '..', 'workflows');

export function readBenchWorkflow(name: string): WorkflowJson {
	return JSON.parse(readFileSync(join(WORKFLOW_FOLDER, `${name}.json`), 'utf8')) as WorkflowJson;
}

export interface Binding {
	/** the sandbox's base URL, in place of BankConnect's */
	apiBaseUrl: string;
	/** the statement shelf's origin */
	statementsOrigin?: string;
	/** every Wait node's amount, in seconds */
	waitSeconds?: number;
}

function rebind(value: unknown, binding: Binding): unknown {
	if (typeof value === 'string') {
		let bound = value.split(VENDOR_BASE_URL).join(binding.apiBaseUrl);
		if (binding.statementsOrigin) bound = bound.split(STATEMENTS_PLACEHOLDER).join(binding.statementsOrigin);
		return bound;
	}
	if (Array.isArray(value)) return value.map((entry) => rebind(entry, binding));
	if (typeof value === 'object' && value !== null) {
		return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, rebind(entry, binding)]));
	}
	return value;
}

/** The workflow with its URLs pointed at the sandbox and the shelf, and its Wait nodes set. */
export function bindWorkflow(workflow: WorkflowJson, binding: Binding): WorkflowJson {
	return {
		...workflow,
		nodes: workflow.nodes.map((node) => {
			const parameters = rebind(node.parameters, binding) as Record<string, unknown>;
			if (node.type === 'n8n-nodes-base.wait' && binding.waitSeconds !== undefined) {
				parameters.amount = binding.waitSeconds;
				parameters.unit = 'seconds';
			}
			return { ...node, parameters };
		}),
	};
}
