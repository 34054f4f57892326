import { readFileSync } from 'fs';
import { join } from 'path';

import { REPO_ROOT } from '../repository';
import type { WorkflowJson } from './instance';

/** An example workflow of examples/, as a user imports it. */
export function readExample(relativePath: string): WorkflowJson {
	return JSON.parse(readFileSync(join(REPO_ROOT, 'examples', relativePath), 'utf8')) as WorkflowJson;
}

/**
 * `n8n execute` cannot fill in a form, so a Form Trigger is replaced by what it would hand on: a
 * Manual Trigger, then an HTTP Request node under the form's name that downloads a statement PDF
 * into the binary field the form's file field fills (its label).
 */
export function withStatementInsteadOfForm(workflow: WorkflowJson, formName: string, statementUrl: string): WorkflowJson {
	const form = workflow.nodes.find((node) => node.name === formName);
	if (!form || form.type !== 'n8n-nodes-base.formTrigger') throw new Error(`no Form Trigger "${formName}" in ${workflow.name}`);
	const fields = (form.parameters.formFields as { values: Array<{ fieldLabel: string; fieldType?: string }> }).values;
	const fileField = fields.find((field) => field.fieldType === 'file');
	if (!fileField) throw new Error(`the form "${formName}" has no file field`);
	return {
		...workflow,
		nodes: [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [-240, 0], parameters: {} },
			...workflow.nodes.map((node) =>
				node === form
					? {
							name: formName,
							type: 'n8n-nodes-base.httpRequest',
							typeVersion: 4.2,
							position: form.position,
							parameters: { url: statementUrl, options: { response: { response: { responseFormat: 'file', outputPropertyName: fileField.fieldLabel } } } },
						}
					: node,
			),
		],
		connections: { ...workflow.connections, Start: { main: [[{ node: formName, type: 'main', index: 0 }]] } },
	};
}
