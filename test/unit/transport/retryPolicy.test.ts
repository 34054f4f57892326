import {
	READ_RETRY_POLICY,
	isRetryableNetworkCode,
	isRetryableStatus,
	parseRetryAfterMs,
	retryDelayMs,
} from '../../../nodes/BankConnect/transport/retry';

const NOW = Date.parse('2026-11-22T12:00:00Z');

describe('parseRetryAfterMs', () => {
	test.each([
		['0', 0],
		['7', 7000],
		['1.5', 1500],
		[' 3 ', 3000],
		['Sun, 22 Nov 2026 12:00:05 GMT', 5000],
		['Sun, 22 Nov 2026 11:59:00 GMT', 0],
	])('%j → %d ms', (header, expected) => {
		expect(parseRetryAfterMs(header, NOW)).toBe(expected);
	});

	test.each([undefined, '', '  ', 'soon'])('%j → undefined', (header) => {
		expect(parseRetryAfterMs(header, NOW)).toBeUndefined();
	});
});

describe('retryDelayMs', () => {
	const policy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 30_000 };

	test('Retry-After wins over backoff, capped at the longest delay', () => {
		expect(retryDelayMs(3, 1200, policy, () => 0.9)).toBe(1200);
		expect(retryDelayMs(1, 120_000, policy)).toBe(30_000);
	});

	test('otherwise doubles per attempt plus up to one base delay of jitter', () => {
		expect(retryDelayMs(1, undefined, policy, () => 0)).toBe(500);
		expect(retryDelayMs(2, undefined, policy, () => 0)).toBe(1000);
		expect(retryDelayMs(3, undefined, policy, () => 0.5)).toBe(2250);
		expect(retryDelayMs(20, undefined, policy, () => 0.99)).toBe(30_000);
	});

	test('the read policy is bounded', () => {
		expect(READ_RETRY_POLICY.maxAttempts).toBeGreaterThan(1);
		expect(READ_RETRY_POLICY.maxAttempts).toBeLessThanOrEqual(6);
	});
});

describe('what is retried', () => {
	test.each([429, 502, 503, 504])('status %d', (status) => expect(isRetryableStatus(status)).toBe(true));
	test.each([200, 400, 401, 403, 404, 409, 500])('not status %d', (status) => expect(isRetryableStatus(status)).toBe(false));
	test.each(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'ECONNABORTED', 'EAI_AGAIN'])('%s', (code) =>
		expect(isRetryableNetworkCode(code)).toBe(true),
	);
	test.each([undefined, 'ENOTFOUND', 'ERR_TLS_CERT_ALTNAME_INVALID'])('not %s', (code) => expect(isRetryableNetworkCode(code)).toBe(false));
});
