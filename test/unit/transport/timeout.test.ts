import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { REQUEST_TIMEOUT_MS, sendWithRetries } from '../../../nodes/BankConnect/transport/request';

type Answer = { statusCode: number; headers: Record<string, string>; body: string } | { code: string };

/** A context whose HTTP helper records each request's options and plays the given answers in turn. */
function contextAnswering(answers: Answer[]) {
	const sent: IHttpRequestOptions[] = [];
	const context = {
		getNode: () => ({ name: 'BankConnect', type: 'n8n-nodes-bankconnect.bankConnect' }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				sent.push(options);
				const answer = answers.shift();
				if (!answer) throw new Error('no more answers');
				if ('code' in answer) throw Object.assign(new Error('timeout of 100ms exceeded'), { code: answer.code, isAxiosError: true });
				return answer;
			},
		},
	} as unknown as IExecuteFunctions;
	return { context, sent };
}

const OK = { statusCode: 200, headers: {}, body: '{}' };
const NO_DELAY = { maxAttempts: 4, baseDelayMs: 0, maxDelayMs: 0 };

test('every request carries the default timeout, or the one asked for', async () => {
	const { context, sent } = contextAnswering([OK, OK]);
	await sendWithRetries(context, { method: 'GET', path: '/v1/entity/' }, 'text', NO_DELAY);
	await sendWithRetries(context, { method: 'GET', path: '/v1/entity/', timeoutMs: 250 }, 'text', NO_DELAY);
	expect(sent.map((options) => options.timeout)).toEqual([REQUEST_TIMEOUT_MS, 250]);
	expect(REQUEST_TIMEOUT_MS).toBe(60_000);
});

test('a read that timed out (ECONNABORTED) is sent again', async () => {
	const { context, sent } = contextAnswering([{ code: 'ECONNABORTED' }, OK]);
	const response = await sendWithRetries(context, { method: 'GET', path: '/v1/entity/', timeoutMs: 100 }, 'text', NO_DELAY);
	expect(response.statusCode).toBe(200);
	expect(sent).toHaveLength(2);
});

test('a write that timed out is not sent again', async () => {
	const { context, sent } = contextAnswering([{ code: 'ECONNABORTED' }, OK]);
	await expect(
		sendWithRetries(context, { method: 'POST', path: '/v1/entity/', form: {}, timeoutMs: 100 }, 'text', NO_DELAY),
	).rejects.toMatchObject({ messages: expect.arrayContaining(['Could not reach BankConnect (ECONNABORTED)']) });
	expect(sent).toHaveLength(1);
});
