import { REDACTED, holdsSecret, redactText, redactValue, secretForms } from '../../../nodes/BankConnect/transport/redact';

describe('redaction', () => {
	const forms = secretForms(['Pw <"d&o+b"> 1', 'KEY-abc']);

	test.each([
		['as sent', 'x Pw <"d&o+b"> 1 y'],
		['lowercased, as in a host name', 'https://key-abc.example'],
		['JSON-escaped', '{"p":"Pw <\\"d&o+b\\"> 1"}'],
		['URL-encoded', 'p=Pw%20%3C%22d%26o%2Bb%22%3E%201'],
		['form-encoded', 'p=Pw+%3C%22d%26o%2Bb%22%3E+1'],
		['HTML-escaped', '<pre>Pw &lt;&quot;d&amp;o+b&quot;&gt; 1</pre>'],
	])('finds and replaces a secret %s', (_name, text) => {
		expect(holdsSecret(text, forms)).toBe(true);
		const redacted = redactText(text, forms);
		expect(redacted).toContain(REDACTED);
		expect(holdsSecret(redacted, forms)).toBe(false);
	});

	test('redacts every string and key of a parsed answer, leaving other values as they are', () => {
		expect(redactValue({ a: ['KEY-abc', 1, null, true], 'KEY-abc': { b: 'ok' } }, forms)).toEqual({
			a: [REDACTED, 1, null, true],
			[REDACTED]: { b: 'ok' },
		});
	});

	test('a secret shorter than 4 characters is not looked for: it would garble ordinary text', () => {
		expect(secretForms(['123', ''])).toEqual([]);
		expect(redactText('HTTP 401 123', secretForms(['123']))).toBe('HTTP 401 123');
	});
});
