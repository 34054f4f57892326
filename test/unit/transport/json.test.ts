import { parseJson } from '../../../nodes/BankConnect/transport/json';

describe('parseJson', () => {
	test('JSON text gives its value', () => {
		expect(parseJson('{"entity_id":"e-1","n":[1,2]}')).toEqual({ ok: true, value: { entity_id: 'e-1', n: [1, 2] } });
		expect(parseJson(' "text" ')).toEqual({ ok: true, value: 'text' });
		expect(parseJson('null')).toEqual({ ok: true, value: null });
	});

	test('anything else is not JSON, an empty text included (each caller decides what empty means)', () => {
		for (const text of ['', '   ', '{"entity_id": "e-1", "link_', '<html>502</html>', "{'a': 1}"]) {
			expect(parseJson(text)).toEqual({ ok: false });
		}
	});
});
