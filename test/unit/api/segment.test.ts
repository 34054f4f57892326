import type { IWebhookFunctions } from 'n8n-workflow';

import { getEntityAnalysis, getSessionInsights, idProblem, segment } from '../../../nodes/BankConnect/api';

describe('the one path-segment builder', () => {
	test.each(['e-1', '4c5a1b9e-7d2f-4e8a-9b1c-2d3e4f5a6b7c', 'a.b', 'x_y~z', '1'])('%s is a safe ID, sent as it is', (id) => {
		expect(idProblem(id)).toBeUndefined();
		expect(segment(id)).toBe(id);
	});

	test.each(['', '.', '..', '....', 'a/b', '..%2f', 'a b', 'a\u0000', 'a\u007f', 'é', 'x'.repeat(129)])('%j is refused', (id) => {
		expect(idProblem(id)).toBeDefined();
		expect(() => segment(id)).toThrow(/^The ID /);
	});

	// e.g. a forged webhook delivery's entity_id read by the trigger's Attach Analysis
	test('an ID from anywhere but a field is refused before any request', async () => {
		const httpRequestWithAuthentication = jest.fn();
		const context = { getNode: () => ({ name: 'BankConnect Trigger' }), helpers: { httpRequestWithAuthentication } } as unknown as IWebhookFunctions;

		await expect(getEntityAnalysis(context, '..', 'transactions')).rejects.toThrow('The ID cannot be "..": a BankConnect ID is not made of dots');
		await expect(getSessionInsights(context, '.')).rejects.toThrow('The ID cannot be ".": a BankConnect ID is not made of dots');
		expect(httpRequestWithAuthentication).not.toHaveBeenCalled();
	});
});
