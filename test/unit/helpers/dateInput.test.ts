import { dateInputText } from '../../../nodes/BankConnect/helpers/dateInput';

describe('dateInputText', () => {
	test('a string is taken as typed, trimmed', () => {
		expect(dateInputText(' 01/05/2026 ', 'date')).toBe('01/05/2026');
		expect(dateInputText('2026-11-20 09:30', 'dateTime')).toBe('2026-11-20 09:30');
	});

	test('a Date gives its ISO date or date and time', () => {
		const date = new Date('2026-05-01T10:20:30.000Z');
		expect(dateInputText(date, 'date')).toBe('2026-05-01');
		expect(dateInputText(date, 'dateTime')).toBe('2026-05-01T10:20:30.000Z');
		expect(dateInputText(new Date('not a date'), 'date')).toBeUndefined();
	});

	test('a Luxon DateTime is recognised by the method asked of it', () => {
		const onlyDate = { toISODate: () => '2026-05-01' };
		const onlyDateTime = { toISO: () => '2026-05-01T10:20:30.000+05:30' };
		expect(dateInputText(onlyDate, 'date')).toBe('2026-05-01');
		expect(dateInputText(onlyDateTime, 'dateTime')).toBe('2026-05-01T10:20:30.000+05:30');
		expect(dateInputText(onlyDate, 'dateTime')).toBeUndefined();
		expect(dateInputText({ toISODate: () => null }, 'date')).toBeUndefined();
	});

	test('anything else has no date text', () => {
		for (const value of [42, true, {}, [], null, undefined]) expect(dateInputText(value, 'date')).toBeUndefined();
	});
});
