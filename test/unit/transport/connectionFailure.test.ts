import { NodeApiError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { buildApiError, buildNetworkError, connectionFailureOf } from '../../../nodes/BankConnect/transport/errors';

const node: INode = { id: 'n', name: 'BankConnect', type: 'n8n-nodes-bankconnect.bankConnect', typeVersion: 1, position: [0, 0], parameters: {} };

describe('connectionFailureOf', () => {
	test('a network error is marked where it is built, with whether the request may have arrived', () => {
		expect(connectionFailureOf(buildNetworkError(node, 'ECONNRESET'))).toEqual({ code: 'ECONNRESET', mayHaveArrived: true });
		expect(connectionFailureOf(buildNetworkError(node, undefined))).toEqual({ code: null, mayHaveArrived: true });
		for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']) {
			expect(connectionFailureOf(buildNetworkError(node, code))).toEqual({ code, mayHaveArrived: false });
		}
	});

	test('an error that only reads like one is not a connection failure: the mark, not the message, decides', () => {
		const lookalike = new NodeApiError(node, { code: 'ECONNRESET', message: 'Could not reach BankConnect (ECONNRESET)' }, { message: 'Could not reach BankConnect (ECONNRESET)' });
		expect(connectionFailureOf(lookalike)).toBeUndefined();
		expect(connectionFailureOf(buildApiError(node, 502, undefined, '<html>Bad gateway</html>'))).toBeUndefined();
		expect(connectionFailureOf(new Error('Could not reach BankConnect (ECONNRESET)'))).toBeUndefined();
	});
});
