import type { INode } from 'n8n-workflow';

import {
	metaDataToString,
	optionalSecret,
	optionalText,
	requireBank,
	requireId,
	requireLimit,
	requireMaxWait,
	requireText,
} from '../../../nodes/BankConnect/helpers/validation';

const node: INode = { id: 'n', name: 'BankConnect', type: 'n8n-nodes-bankconnect.bankConnect', typeVersion: 1, position: [0, 0], parameters: {} };

describe('validation', () => {
	test('requireText trims, accepts numbers, refuses empty, whitespace and non-text', () => {
		expect(requireText(node, 0, 'Entity ID', '  e-1 ')).toBe('e-1');
		expect(requireText(node, 0, 'Entity ID', 42)).toBe('42');
		for (const value of ['', ' \n\t', undefined, null]) {
			expect(() => requireText(node, 2, 'Entity ID', value)).toThrow('Entity ID must not be empty (item 2)');
		}
	});

	test.each([
		[{}, 'an object'],
		[['e-1'], 'a list'],
		[true, 'true'],
		[false, 'false'],
		[Number.NaN, 'a number that is not finite'],
	])('requireText refuses %j as not text, saying what it got', (value, got) => {
		expect(() => requireText(node, 2, 'Entity ID', value)).toThrow(`Entity ID must be text (got ${got}) (item 2)`);
	});

	test('requireId: a text ID that is one safe path segment', () => {
		expect(requireId(node, 0, 'Session ID', ' s-1 ')).toBe('s-1');
		expect(requireId(node, 0, 'Session ID', 7)).toBe('7');
		expect(() => requireId(node, 1, 'Session ID', '..')).toThrow('Session ID cannot be "..": a BankConnect ID is not made of dots (item 1)');
		expect(() => requireId(node, 1, 'Session ID', 'a/b')).toThrow('Session ID may hold only letters');
		expect(() => requireId(node, 1, 'Session ID', {})).toThrow('Session ID must be text (got an object) (item 1)');
	});

	test('optionalSecret: exactly as given, spaces included; only empty means not given', () => {
		expect(optionalSecret(node, 0, 'PDF Password', ' p@ss word ')).toBe(' p@ss word ');
		expect(optionalSecret(node, 0, 'PDF Password', '   ')).toBe('   ');
		expect(optionalSecret(node, 0, 'PDF Password', 1990)).toBe('1990');
		expect(optionalSecret(node, 0, 'PDF Password', '')).toBeUndefined();
		expect(optionalSecret(node, 0, 'PDF Password', undefined)).toBeUndefined();
		expect(() => optionalSecret(node, 3, 'PDF Password', { a: 1 })).toThrow('PDF Password must be text (got an object) (item 3)');
	});

	test('optionalText: empty means not given, non-text is refused', () => {
		expect(optionalText(node, 0, 'Link ID', '  ')).toBeUndefined();
		expect(optionalText(node, 0, 'Link ID', undefined)).toBeUndefined();
		expect(optionalText(node, 0, 'Link ID', ' a ')).toBe('a');
		expect(() => optionalText(node, 1, 'Link ID', ['a'])).toThrow('Link ID must be text (got a list) (item 1)');
	});

	test('metaDataToString: text as is, JSON objects (text or parsed) stringified compactly', () => {
		expect(metaDataToString(node, 0, 'text', ' not json { ')).toBe('not json {');
		expect(metaDataToString(node, 0, 'json', '{ "a": [1, 2] }')).toBe('{"a":[1,2]}');
		expect(metaDataToString(node, 0, 'json', { a: { b: true } })).toBe('{"a":{"b":true}}');
		expect(metaDataToString(node, 0, 'json', '  ')).toBeUndefined();
		expect(() => metaDataToString(node, 4, 'json', 'null')).toThrow('Meta Data must be a JSON object (item 4)');
		expect(() => metaDataToString(node, 4, 'json', "{'a': 1}")).toThrow('Meta Data is not valid JSON (item 4)');
	});

	test('requireLimit: whole numbers of at least 1', () => {
		expect(requireLimit(node, 0, 1)).toBe(1);
		for (const value of [0, -1, 1.5, '5', Number.NaN]) {
			expect(() => requireLimit(node, 0, value)).toThrow('Limit must be a whole number of at least 1 (item 0)');
		}
	});

	test('requireMaxWait: 1 to 3600 seconds', () => {
		expect(requireMaxWait(node, 0, 1)).toBe(1);
		expect(requireMaxWait(node, 0, 3600)).toBe(3600);
		for (const value of [0, 0.5, 3601, Number.POSITIVE_INFINITY, '60']) {
			expect(() => requireMaxWait(node, 0, value)).toThrow('Max Wait (Seconds) must be between 1 and 3600 (item 0)');
		}
	});

	test('requireBank: any identifier BankConnect could use, in any case, returned lower case', () => {
		expect(requireBank(node, 0, 'Bank', ' HDFC ')).toBe('hdfc');
		expect(requireBank(node, 0, 'Bank', 'bandhan')).toBe('bandhan');
		expect(requireBank(node, 0, 'Bank', 'SHRI_CHHANI_SAHAKARI')).toBe('shri_chhani_sahakari');
		expect(requireBank(node, 0, 'Bank', 'model')).toBe('model');
		// two of the appendix's identifiers have a space
		expect(requireBank(node, 0, 'Bank', 'Pune Merchants')).toBe('pune merchants');
		// not in the appendix, but spelled as an identifier: BankConnect decides (INVALID_BANK_NAME)
		expect(requireBank(node, 0, 'Bank', 'newbank2026')).toBe('newbank2026');
		expect(requireBank(node, 0, 'Bank', 'a'.repeat(50))).toBe('a'.repeat(50));
	});

	test.each([
		['', 'must not be empty'],
		['7', '"7" is not a bank identifier (a letter, then letters, digits or _, e.g. hdfc, sbi, bandhan)'],
		['_hdfc', '"_hdfc" is not a bank identifier (a letter, then letters, digits or _, e.g. hdfc, sbi, bandhan)'],
		['hdfc-bank', '"hdfc-bank" is not a bank identifier (a letter, then letters, digits or _, e.g. hdfc, sbi, bandhan)'],
		['hdfc/../x', '"hdfc/../x" is not a bank identifier (a letter, then letters, digits or _, e.g. hdfc, sbi, bandhan)'],
		['bank of atlantis', '"bank of atlantis" is not a bank identifier (a letter, then letters, digits or _, e.g. hdfc, sbi, bandhan)'],
		['a'.repeat(51), `"${'a'.repeat(51)}" is not a bank identifier (a letter, then letters, digits or _, e.g. hdfc, sbi, bandhan)`],
		['HDFC Bank', '"hdfc bank" is a bank\'s name, not its identifier: use hdfc'],
		['bandhan bank', '"bandhan bank" is a bank\'s name, not its identifier: use bandhan'],
	])('requireBank refuses %j', (value, problem) => {
		expect(() => requireBank(node, 0, 'Bank', value)).toThrow(`Bank ${problem} (item 0)`);
	});
});
