import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';

import { REPO_ROOT } from '../repository';
import type { WorkflowJson } from './instance';

type WorkflowNode = WorkflowJson['nodes'][number];

/** An example workflow of examples/, as a user imports it. */
export function readExample(relativePath: string): WorkflowJson {
	return JSON.parse(readFileSync(join(REPO_ROOT, 'examples', relativePath), 'utf8')) as WorkflowJson;
}

/** Every example file: examples/*.json and examples/main-job/*.json, as paths under examples/. */
export function exampleFiles(): string[] {
	const json = (folder: string) => readdirSync(join(REPO_ROOT, 'examples', folder)).filter((file) => file.endsWith('.json'));
	return [...json('.'), ...json('main-job').map((file) => `main-job/${file}`)];
}

/** Nodes that call services outside this machine; in the tests they post what they would send to a recorder. */
export const OUTSIDE_SERVICE_TYPES = [
	'n8n-nodes-base.slack',
	'n8n-nodes-base.emailSend',
	'n8n-nodes-base.gmail',
	'n8n-nodes-base.googleSheets',
	'n8n-nodes-base.hubspot',
	'n8n-nodes-base.twilio',
];

/** Binary fields a node attaches (Send Email's Attachments, Gmail's attachmentsBinary). */
function attachmentsOf(node: WorkflowNode): string[] {
	const options = (node.parameters.options ?? {}) as {
		attachments?: string;
		attachmentsUi?: { attachmentsBinary?: Array<{ property: string }> };
	};
	const names = [
		...(options.attachments ?? '').split(','),
		...(options.attachmentsUi?.attachmentsBinary ?? []).map((attachment) => attachment.property),
	];
	return names.map((name) => name.trim()).filter((name) => name !== '');
}

/** Every leaf of a node's parameters with its lodash path (`channelId.value`, `a.b[0].c`); expressions stay expressions. */
function leaves(value: unknown, path: string): Array<[string, string]> {
	if (Array.isArray(value)) return value.flatMap((entry, index) => leaves(entry, `${path}[${index}]`));
	if (typeof value === 'object' && value !== null) {
		return Object.entries(value).flatMap(([key, entry]) => leaves(entry, path === '' ? key : `${path}.${key}`));
	}
	return [[path, value === null || value === undefined ? '' : String(value)]];
}

/**
 * The node as an HTTP Request posting to the recorder at `/<node name>`, once per item, what the
 * service would have been sent: every parameter of the node (n8n evaluates the expressions, per
 * item, exactly as in the original node), the item itself as `$json`, and its attachments.
 */
export function recordingNode(node: WorkflowNode, recorderUrl: string): WorkflowNode {
	const url = `${recorderUrl}/${encodeURIComponent(node.name)}`;
	const fields: Array<[string, string]> = [...leaves(node.parameters, ''), ['$json', '={{ JSON.stringify($json) }}']];
	const attachments = attachmentsOf(node);
	const body =
		attachments.length === 0
			? { contentType: 'json', specifyBody: 'keypair', bodyParameters: { parameters: fields.map(([name, value]) => ({ name, value })) } }
			: {
					contentType: 'multipart-form-data',
					bodyParameters: {
						parameters: [
							...fields.map(([name, value]) => ({ parameterType: 'formData', name, value })),
							...attachments.map((property) => ({ parameterType: 'formBinaryData', name: `attachment:${property}`, inputDataFieldName: property })),
						],
					},
				};
	return {
		id: node.id,
		name: node.name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: node.position,
		parameters: { method: 'POST', url, sendBody: true, ...body, options: {} },
	};
}

/**
 * A Gmail Trigger's item without Gmail: a Manual Trigger, an HTTP Request downloading the statement
 * into `attachment_0`, and a Set node under the trigger's name adding the message fields the
 * workflow reads (id, threadId, subject, from).
 */
function gmailStandIn(node: WorkflowNode, statementUrl: string, sender: string): WorkflowNode[] {
	const [x, y] = node.position as [number, number];
	const field = (name: string, value: unknown, type = 'string') => ({ id: name, name, value, type });
	return [
		{ id: 'gmail-start', name: 'Gmail Stand-in Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [x - 440, y], parameters: {} },
		{
			id: 'gmail-attachment',
			name: 'Gmail Stand-in Attachment',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [x - 220, y],
			parameters: { url: statementUrl, options: { response: { response: { responseFormat: 'file', outputPropertyName: 'attachment_0' } } } },
		},
		{
			id: node.id,
			name: node.name,
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: node.position,
			parameters: {
				assignments: {
					assignments: [
						field('id', '19a2b3c4d5e6f708'),
						field('threadId', '19a2b3c4d5e6f708'),
						field('subject', 'My bank statement'),
						field('from', `={{ ${JSON.stringify({ value: [{ address: sender, name: 'Applicant' }], text: sender })} }}`, 'object'),
					],
				},
				// keeps the downloaded attachment
				includeOtherFields: true,
				options: {},
			},
		},
	];
}

export interface AppRunOptions {
	/** Where outside-service nodes post (a recording server). */
	recorderUrl: string;
	/** A statement PDF a Gmail stand-in downloads as the mail's attachment. */
	statementUrl: string;
	/** The Gmail stand-in's sender address. */
	sender: string;
	/** Seconds between runs of a Schedule Trigger (the example's own interval would not fire during a test). */
	scheduleSeconds: number;
}

/**
 * The example as the real-app tests run it: every node that needs no outside service as it is
 * (Form, Schedule, If, Set, BankConnect, HTTP Request to a local URL…); nodes of outside services
 * (and disabled alternatives among them) post to the recorder instead; an HTTP Request to an outside
 * URL is pointed at the recorder, its body untouched; a Gmail Trigger becomes a stand-in; a
 * Schedule Trigger fires every few seconds.
 */
export function forTheApp(workflow: WorkflowJson, options: AppRunOptions): WorkflowJson {
	const renamedTrigger: Record<string, string> = {};
	const nodes = workflow.nodes.flatMap((original): WorkflowNode[] => {
		const node = { ...original, disabled: false };
		if (OUTSIDE_SERVICE_TYPES.includes(node.type)) return [recordingNode(node, options.recorderUrl)];
		if (node.type === 'n8n-nodes-base.httpRequest' && !String(node.parameters.url).startsWith('http://127.0.0.1')) {
			return [{ ...node, parameters: { ...node.parameters, url: `${options.recorderUrl}/${encodeURIComponent(node.name)}` } }];
		}
		if (node.type === 'n8n-nodes-base.gmailTrigger') {
			renamedTrigger[node.name] = 'Gmail Stand-in Start';
			return gmailStandIn(node, options.statementUrl, options.sender);
		}
		if (node.type === 'n8n-nodes-base.scheduleTrigger') {
			return [{ ...node, parameters: { rule: { interval: [{ field: 'seconds', secondsInterval: options.scheduleSeconds }] } } }];
		}
		return [node];
	});
	const connections = { ...workflow.connections };
	for (const name of Object.keys(renamedTrigger)) {
		connections['Gmail Stand-in Start'] = { main: [[{ node: 'Gmail Stand-in Attachment', type: 'main', index: 0 }]] };
		connections['Gmail Stand-in Attachment'] = { main: [[{ node: name, type: 'main', index: 0 }]] };
	}
	return { ...workflow, nodes, connections };
}
