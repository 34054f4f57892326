import { NodeApiError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { SECRETS, expectNoSecrets } from '../../helpers/secrets';

const node: INode = { id: 'n', name: 'BankConnect', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} };

// The leak check guards every runNode call; it must itself be able to fail.
describe('expectNoSecrets', () => {
	test('passes on clean values', () => {
		expect(() => expectNoSecrets({ json: { a: 1 } }, new Error('fine'))).not.toThrow();
	});

	test.each([
		['an item', { json: { echoed: `key ${SECRETS.apiKey}` } }],
		['an error message', new Error(`hash ${SECRETS.serverHash}`)],
		['an error cause', new Error('outer', { cause: { config: { headers: { ACCESS_TOKEN: SECRETS.signingSecret } } } })],
		['a NodeApiError description', new NodeApiError(node, { message: 'x' }, { description: `with ${SECRETS.apiKey}` })],
	])('catches a secret in %s', (_name, value) => {
		expect(() => expectNoSecrets(value)).toThrow('leaked');
	});
});
