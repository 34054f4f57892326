import { readHttpUrl } from '../../../nodes/BankConnect/helpers/validation';

describe('readHttpUrl', () => {
	test.each(['https://n8n.lender.example/webhook', 'http://127.0.0.1:4010/statement.pdf', 'HTTPS://LENDER.EXAMPLE/done'])('%s is an http(s) URL', (text) => {
		const result = readHttpUrl(text);
		expect(result.ok).toBe(true);
		expect(result.ok && result.url.href.toLowerCase()).toBe(new URL(text).href.toLowerCase());
	});

	test.each(['n8n.lender.example/webhook', 'my webhook', '', 'https://'])('"%s" is not a URL at all', (text) => {
		expect(readHttpUrl(text)).toEqual({ ok: false });
	});

	test.each([
		['ftp://files.example.com/s.pdf', 'ftp:'],
		['javascript:alert(1)', 'javascript:'],
		['mailto:ops@lender.example', 'mailto:'],
		['data:image/png;base64,AAAA', 'data:'],
	])('%s is a URL of another protocol (%s)', (text, protocol) => {
		expect(readHttpUrl(text)).toEqual({ ok: false, protocol });
	});
});
