import { NodeOperationError } from 'n8n-workflow';

import { optionalSessionDate, sixMonthsBefore, toApiDate, todayIn } from '../../../nodes/BankConnect/actions/session/sessionDates';

const node = { id: 'n', name: 'BankConnect', type: 'n8n-nodes-bankconnect.bankConnect', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };
const read = (value: unknown) => optionalSessionDate(node, 3, 'From Date', value);

describe('session dates', () => {
	test.each([
		['DD/MM/YYYY', '05/11/2026', '2026-11-05'],
		['the date picker', '2026-11-05T00:00:00', '2026-11-05'],
		['an ISO timestamp with a zone keeps its calendar date', '2026-11-05T23:30:00+05:30', '2026-11-05'],
		['a date with a space before the time', '2026-11-05 10:00:00', '2026-11-05'],
		['29 February of a leap year', '29/02/2028', '2028-02-29'],
		['a Date', new Date(Date.UTC(2026, 10, 5, 12)), '2026-11-05'],
		['a Luxon DateTime', { toISODate: () => '2026-11-05' }, '2026-11-05'],
	])('reads %s', (_name, value, expected) => {
		expect(read(value)).toBe(expected);
	});

	test.each([undefined, null, ''])('%p is "not given"', (value) => {
		expect(read(value)).toBeUndefined();
	});

	test('an invalid Date or a DateTime without a date is refused with the field and item', () => {
		for (const value of [new Date('nope'), { toISODate: () => null }]) {
			expect(() => read(value)).toThrow(NodeOperationError);
			expect(() => read(value)).toThrow('From Date must be a date, e.g. 2026-05-01 or 01/05/2026 (DD/MM/YYYY) (item 3)');
		}
	});

	test('toApiDate writes DD/MM/YYYY', () => {
		expect(toApiDate('2026-01-09')).toBe('09/01/2026');
	});

	test('todayIn follows the workflow time zone across midnight', () => {
		const lateUtc = new Date(Date.UTC(2026, 10, 22, 20, 0)); // 01:30 on the 23rd in India
		expect(todayIn('UTC', lateUtc)).toBe('2026-11-22');
		expect(todayIn('Asia/Kolkata', lateUtc)).toBe('2026-11-23');
		expect(todayIn('America/New_York', new Date(Date.UTC(2026, 10, 23, 3, 0)))).toBe('2026-11-22');
	});

	test.each([
		['2026-11-22', '2026-05-22'],
		['2026-08-31', '2026-02-28'],
		['2028-08-31', '2028-02-29'],
		['2026-03-15', '2025-09-15'],
		['2026-12-31', '2026-06-30'],
	])('six months before %s is %s', (date, expected) => {
		expect(sixMonthsBefore(date)).toBe(expected);
	});
});
