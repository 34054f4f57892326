import { createHmac } from 'crypto';
import type { IExecuteFunctions } from 'n8n-workflow';

import { multipartBody } from '../../../nodes/BankConnect/transport/multipart';
import { knownSecrets } from '../../../nodes/BankConnect/transport/secrets';

describe('knownSecrets', () => {
	const bankConnect = { apiKey: 'key-1234', serverHashSecret: 'hash-5678', signingSecret: 'sign-9012', environment: 'custom', baseUrl: 'https://proxy.example/bank-connect' };
	const webhook = { webhookSecret: 'hook-3456', label: 'not a secret' };

	function context(credentials: Record<string, Record<string, string>>) {
		let reads = 0;
		const value = {
			getNode: () => ({ name: 'BankConnect', credentials: Object.fromEntries(Object.keys(credentials).map((type) => [type, { id: '1', name: type }])) }),
			getCredentials: async (type: string) => {
				reads++;
				if (!credentials[type]) throw new Error('no such credential');
				return credentials[type];
			},
		} as unknown as IExecuteFunctions;
		return { value, reads: () => reads };
	}

	test('holds the credential’s secrets, the ACCESS_TOKENs of the window, another credential’s secret fields and the PDF password', async () => {
		const { value } = context({ bankConnectApi: bankConnect, bankConnectWebhookApi: webhook });
		const from = Date.UTC(2026, 0, 1, 0, 0, 0);
		const secrets = await knownSecrets(
			value,
			'bankConnectApi',
			{ method: 'POST', path: '/v1/statement/upload/', streamedMultipart: multipartBody({ pdf_password: 'pdf-7890', bank_name: 'hdfc' }, { field: 'file', fileName: 'a.pdf', contentType: 'application/pdf', size: 0, open: async () => (async function* () {})() }) },
			{ sentAtMs: from, answeredAtMs: from + 2000 },
		);
		const token = (second: number) => createHmac('sha256', 'sign-9012').update(String(second)).digest('hex');
		for (const secret of ['key-1234', 'hash-5678', 'sign-9012', 'hook-3456', token(from / 1000 - 1), token(from / 1000 + 3)]) {
			expect(secrets.inErrors).toContain(secret);
			expect(secrets.inData).toContain(secret);
		}
		// a PDF password may be part of the data (a date, an amount): replaced in errors only
		expect(secrets.inErrors).toContain('pdf-7890');
		expect(secrets.inData).not.toContain('pdf-7890');
		expect(secrets.inErrors).not.toContain(token(from / 1000 + 4));
		for (const plain of ['not a secret', 'hdfc', 'custom', 'https://proxy.example/bank-connect']) expect(secrets.inErrors).not.toContain(plain);
	});

	test('holds the node\'s secret parameters typed in (the trigger\'s Secret), not expressions or other parameters', async () => {
		const value = {
			getNode: () => ({ name: 'BankConnect Trigger', parameters: { secret: 'whsec-1234', flow: 'entity', options: { pdfPassword: '={{ $json.pw }}', nested: { webhookSecret: 'nested-5678' } } } }),
			getCredentials: async () => bankConnect,
		} as unknown as IExecuteFunctions;
		const secrets = await knownSecrets(value, 'bankConnectApi', { method: 'GET', path: '/v1/entity/' }, { sentAtMs: 0, answeredAtMs: 0 });
		expect(secrets.inErrors).toEqual(expect.arrayContaining(['whsec-1234', 'nested-5678']));
		expect(secrets.inErrors).not.toContain('entity');
		expect(secrets.inErrors).not.toContain('={{ $json.pw }}');
	});

	test('reads the credentials once per context, and a credential that cannot be read adds nothing', async () => {
		const { value, reads } = context({ bankConnectApi: bankConnect });
		const window = { sentAtMs: 0, answeredAtMs: 0 };
		await knownSecrets(value, 'bankConnectApi', { method: 'GET', path: '/v1/entity/' }, window);
		const secrets = await knownSecrets(value, 'bankConnectApi', { method: 'POST', path: '/v1/entity/', form: { pdf_password: 'form-pass' } }, window);
		expect(reads()).toBe(1);
		expect(secrets.inErrors).toContain('form-pass');
		expect(secrets.inErrors).toContain('key-1234');
	});
});
