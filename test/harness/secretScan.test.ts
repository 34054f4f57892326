import { createHmac } from 'crypto';
import { LoggerProxy, NodeApiError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { bankConnectCredentials, runWorkflow } from './engine';
import type { WorkflowJson } from './engine';
import { findSecrets, recordLogLines } from './secretScan';
import { SECRETS, expectNoSecrets } from './secrets';

const node: INode = { id: 'n', name: 'BankConnect', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} };

// The leak check guards every engine run; it must itself be able to fail.
describe('the secret check', () => {
	test('passes on clean values', () => {
		expect(() => expectNoSecrets({ json: { a: 1 } }, new Error('fine'))).not.toThrow();
	});

	test.each([
		['an item', { json: { echoed: `key ${SECRETS.apiKey}` } }],
		['an error message', new Error(`hash ${SECRETS.serverHash}`)],
		['an error cause', new Error('outer', { cause: { config: { headers: { ACCESS_TOKEN: SECRETS.signingSecret } } } })],
		['a NodeApiError description', new NodeApiError(node, { message: 'x' }, { description: `with ${SECRETS.apiKey}` })],
		['a binary buffer', { binary: Buffer.from(`%PDF ${SECRETS.serverHash}`) }],
		['an object key', { [SECRETS.apiKey]: true }],
	])('catches a secret in %s', (_name, value) => {
		expect(() => expectNoSecrets(value)).toThrow('secrets leaked');
	});

	test('names the secret and where it was found', () => {
		expect(findSecrets({ items: [{ json: { note: `x${SECRETS.serverHash}` } }] }, SECRETS, 'run')).toEqual([
			{ where: 'run.items.0.json.note', secretName: 'serverHash' },
		]);
	});

	test('records what is logged through n8n’s LoggerProxy while recording', () => {
		const recording = recordLogLines();
		LoggerProxy.warn(`retrying with ${SECRETS.apiKey}`, { attempt: 2 });
		const lines = recording.stop();
		LoggerProxy.info('after the recording');
		expect(lines).toEqual([`warn retrying with ${SECRETS.apiKey} {"attempt":2}`]);
		expect(() => expectNoSecrets(lines)).toThrow('secrets leaked');
	});
});

describe('every engine run is checked for its credentials’ secrets', () => {
	const triggerOnly: WorkflowJson = {
		nodes: [{ id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }],
		connections: {},
	};
	const credentials = bankConnectCredentials('https://bankconnect.test/bank-connect', { apiKey: SECRETS.apiKey, serverHashSecret: SECRETS.serverHash });

	test('a run whose output holds the API key fails, naming the key and the node', async () => {
		await expect(runWorkflow(triggerOnly, { credentials, startItems: [{ json: { leaked: SECRETS.apiKey } }] })).rejects.toThrow(
			/secrets leaked:\n {2}bankConnectApi\.apiKey in run\.runData\.Start\.0\.data\.main\.0\.0\.json\.leaked/,
		);
	});

	test('an extra secret (a webhook secret) is looked for too; a clean run passes', async () => {
		await expect(
			runWorkflow(triggerOnly, { credentials, startItems: [{ json: { header: 'hook-secret-123' } }], extraSecrets: { webhookSecret: 'hook-secret-123' } }),
		).rejects.toThrow('webhookSecret in run.runData.Start');
		const clean = await runWorkflow(triggerOnly, { credentials, startItems: [{ json: { fine: true } }] });
		expect(clean.output('Start')).toEqual([{ json: { fine: true }, pairedItem: { item: 0 } }]);
	});
	test('an ACCESS_TOKEN signed during the run is looked for too', async () => {
		const signed = bankConnectCredentials('https://bankconnect.test/bank-connect', { signingSecret: SECRETS.signingSecret });
		const token = createHmac('sha256', SECRETS.signingSecret).update(String(Math.floor(Date.now() / 1000))).digest('hex');
		await expect(runWorkflow(triggerOnly, { credentials: signed, startItems: [{ json: { token } }] })).rejects.toThrow(
			/bankConnectApi\.ACCESS_TOKEN@\d+ in run\.runData\.Start/,
		);
	});

	test('a password parameter of the workflow (PDF Password) is looked for too, but not in the node definition an error carries', async () => {
		const withPassword: WorkflowJson = { ...triggerOnly, nodes: [{ ...triggerOnly.nodes[0], parameters: { pdfPassword: 'pdf-pass-1234' } }] };
		await expect(runWorkflow(withPassword, { credentials, startItems: [{ json: { echo: 'pdf-pass-1234' } }] })).rejects.toThrow(
			'Start.parameters.pdfPassword in run.runData.Start',
		);
		const error = new NodeApiError({ ...node, parameters: { pdfPassword: 'pdf-pass-1234' } }, { message: 'x' });
		expect(findSecrets({ error }, { pdfPassword: 'pdf-pass-1234' })).toEqual([]);
	});
});
