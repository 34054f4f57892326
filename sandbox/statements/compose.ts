import { findBank, SandboxBank } from '../banks';
import {
	ADDRESSES, ATM_PLACES, BRANCHES, CARD_MERCHANTS, ELECTRICITY_BOARDS, EMPLOYERS, FRIENDS,
	HOLDER_NAMES, LANDLORDS, LENDERS, UPI_MERCHANTS,
} from './counterparties';
import { fitsNarrationColumn } from './layout';
import { addDays, addMonths, daysInMonth, endOfLastMonth, monthsBetween, toDate } from './dates';
import { SeededRandom } from '../random';
import type { StatementIdentity, StatementLine, StatementPattern, StatementSpec } from './types';

/** What a generated statement says, before it is drawn: the generator draws exactly this. */
export interface StatementContent {
	bank: SandboxBank;
	identity: StatementIdentity & { name: string; account_number: string; address: string; ifsc: string; micr: string };
	branch: string;
	fromDate: string;
	toDate: string;
	openingBalance: number;
	closingBalance: number;
	lines: StatementLine[];
	/** index in `lines` whose running balance was broken on purpose, or null */
	brokenBalanceIndex: number | null;
}


const ALL_PATTERNS: StatementPattern[] = ['salary', 'emi', 'recurring'];

interface Entry {
	date: string;
	narration: string;
	reference: string | null;
	/** paise; negative = debit */
	amount: number;
	/** required entries (salary, EMI, bills) are never dropped for lack of balance */
	required: boolean;
}

/** Decide every line of the statement described by `spec` (deterministic per spec). */
export function composeStatement(spec: StatementSpec): StatementContent {
	const bank = findBank(spec.bank);
	if (!bank) throw new Error(`unknown bank: ${spec.bank}`);
	if (!Number.isInteger(spec.months) || spec.months < 1 || spec.months > 36) {
		throw new Error('months must be an integer from 1 to 36');
	}
	const rng = new SeededRandom(`${spec.seed}|${bank.id}`);
	const toDay = spec.endDate ?? endOfLastMonth();
	toDate(toDay);
	const fromDay = periodStart(toDay, spec.months);
	const patterns = new Set(spec.patterns ?? ALL_PATTERNS);

	const identity = {
		name: spec.holder?.trim().toUpperCase() || rng.pick(HOLDER_NAMES),
		account_number: spec.accountNumber ?? rng.digits(1).replace('0', '5') + rng.digits(13),
		address: rng.pick(ADDRESSES),
		ifsc: `${bank.ifscPrefix}0${rng.digits(6)}`,
		micr: rng.digits(9),
		account_category: 'individual',
	};
	const branch = rng.pick(BRANCHES);
	const fixtures = chooseFixtures(rng);

	const entries = monthsBetween(fromDay, toDay)
		.flatMap((month) => monthEntries(rng, month, fixtures, patterns))
		.filter((entry) => entry.date >= fromDay && entry.date <= toDay);
	// Stable by date; within a day credits first so the balance rarely dips.
	entries.sort((a, b) => (a.date === b.date ? Number(a.amount < 0) - Number(b.amount < 0) : a.date < b.date ? -1 : 1));

	const openingPaise = rng.int(25_000, 150_000) * 100 + rng.int(0, 99);
	let balance = openingPaise;
	const lines: StatementLine[] = [];
	for (const entry of entries) {
		if (entry.amount < 0 && !entry.required && balance + entry.amount < 200_000) continue;
		balance += entry.amount;
		lines.push({
			date: `${entry.date} 00:00:00`,
			narration: fitNarration(entry.narration),
			reference: entry.reference,
			debit: entry.amount < 0 ? -entry.amount / 100 : null,
			credit: entry.amount > 0 ? entry.amount / 100 : null,
			balance: balance / 100,
		});
	}

	let brokenBalanceIndex: number | null = null;
	if (spec.brokenBalance && lines.length > 2) {
		brokenBalanceIndex = rng.int(Math.floor(lines.length / 3), Math.floor((2 * lines.length) / 3));
		const offset = rng.int(1_000, 9_999) * 100;
		for (let i = brokenBalanceIndex; i < lines.length; i++) {
			lines[i].balance = Math.round(lines[i].balance * 100 + offset) / 100;
		}
	}

	return {
		bank,
		identity,
		branch,
		fromDate: fromDay,
		toDate: toDay,
		openingBalance: openingPaise / 100,
		closingBalance: lines.length ? lines[lines.length - 1].balance : openingPaise / 100,
		lines,
		brokenBalanceIndex,
	};
}

/** A period ending on a month's last day covers whole calendar months; otherwise it starts the day after the same date `months` earlier. */
function periodStart(end: string, months: number): string {
	const nextDay = addDays(end, 1);
	if (nextDay.endsWith('-01')) return addMonths(nextDay, -months);
	return addDays(addMonths(end, -months), 1);
}

/** Banks cut narrations at the column edge; so does the generator. */
function fitNarration(narration: string): string {
	let fitted = narration;
	while (!fitsNarrationColumn(fitted)) fitted = fitted.slice(0, -1);
	return fitted.trim();
}

function rupees(min: number, max: number, rng: SeededRandom, round = 1): number {
	return Math.round(rng.int(min, max) / round) * round * 100;
}

function day(month: string, dayOfMonth: number): string {
	const [year, monthNumber] = month.split('-').map(Number);
	const last = daysInMonth(year, monthNumber - 1);
	return `${month}-${String(Math.min(dayOfMonth, last)).padStart(2, '0')}`;
}

/** The counterparties and amounts that repeat every month of one statement. */
interface Fixtures {
	employer: string;
	salary: number;
	salaryDay: number;
	lender: string;
	emi: number;
	emiDay: number;
	landlord: string;
	rent: number;
	electricityBoard: string;
	cardDigits: string;
}

function chooseFixtures(rng: SeededRandom): Fixtures {
	return {
		employer: rng.pick(EMPLOYERS),
		salary: rupees(60_000, 180_000, rng, 500),
		salaryDay: rng.pick([1, 28, 30]),
		lender: rng.pick(LENDERS),
		emi: rupees(4_000, 18_000, rng, 50),
		emiDay: rng.int(3, 7),
		landlord: rng.pick(LANDLORDS),
		rent: rupees(10_000, 28_000, rng, 1000),
		electricityBoard: rng.pick(ELECTRICITY_BOARDS),
		cardDigits: rng.digits(4),
	};
}

function reference(rng: SeededRandom, prefix = ''): string {
	return prefix + rng.digits(12 - prefix.length);
}

function monthEntries(
	rng: SeededRandom,
	month: string,
	fixtures: Fixtures,
	patterns: Set<StatementPattern>,
): Entry[] {
	const entries: Entry[] = [];
	const add = (date: string, narration: string, ref: string | null, amount: number, required = false) =>
		entries.push({ date, narration, reference: ref, amount, required });
	const monthNumber = Number(month.slice(5, 7));

	if (patterns.has('salary')) {
		add(day(month, fixtures.salaryDay), `NEFT-${fixtures.employer}-SALARY`, `CITIN${rng.digits(11)}`, fixtures.salary, true);
	} else {
		for (let i = rng.int(1, 3); i > 0; i--) {
			const [name] = rng.pick(FRIENDS);
			add(day(month, rng.int(1, 28)), `IMPS/${name}/FUND TRANSFER`, reference(rng), rupees(8_000, 40_000, rng, 100), true);
		}
	}
	if (patterns.has('emi')) {
		add(day(month, fixtures.emiDay), `ACH/${fixtures.lender}/EMI`, `ACHDR${rng.digits(7)}`, -fixtures.emi, true);
	}
	if (patterns.has('recurring')) {
		add(day(month, rng.int(2, 4)), `IMPS/RENT/${fixtures.landlord}`, reference(rng), -fixtures.rent, true);
		add(day(month, 12), 'UPI/NETFLIX/netflix@hdfcbank/Subscription', reference(rng), -64_900, true);
		add(day(month, rng.int(15, 18)), `BILLPAY/${fixtures.electricityBoard} ELECTRICITY`, reference(rng, 'BP'), -rupees(900, 2_600, rng), true);
	}

	const count = rng.int(22, 33);
	for (let i = 0; i < count; i++) {
		const date = day(month, rng.int(1, 31));
		const kind = rng.next();
		if (kind < 0.5) {
			const [name, vpa] = rng.pick(UPI_MERCHANTS);
			add(date, `UPI/${name}/${vpa}/Payment`, reference(rng), -rupees(60, 2_200, rng));
		} else if (kind < 0.6) {
			const [name, vpa] = rng.pick(FRIENDS);
			add(date, `UPI/${name}/${vpa}/Sent`, reference(rng), -rupees(100, 2_500, rng, 10));
		} else if (kind < 0.68) {
			const [name, vpa] = rng.pick(FRIENDS);
			add(date, `UPI/${name}/${vpa}/Received`, reference(rng), rupees(100, 4_000, rng, 10));
		} else if (kind < 0.78) {
			add(date, `ATM WDL/${rng.pick(ATM_PLACES)}`, `ATM${rng.digits(6)}`, -rupees(500, 6_000, rng, 500));
		} else if (kind < 0.92) {
			add(date, `POS ${fixtures.cardDigits}/${rng.pick(CARD_MERCHANTS)}`, reference(rng, 'POS'), -rupees(150, 3_500, rng));
		} else if (kind < 0.96) {
			add(date, 'BILLPAY/AIRTEL POSTPAID', reference(rng, 'BP'), -rupees(399, 999, rng));
		} else {
			add(date, 'NEFT-ZERODHA BROKING LTD-PAYOUT', `HDFCN${rng.digits(11)}`, rupees(2_000, 15_000, rng, 10));
		}
		// Cents make amounts look like real card/UPI payments.
		const last = entries[entries.length - 1];
		if (!last.narration.startsWith('ATM') && rng.chance(0.3)) last.amount += Math.sign(last.amount) * rng.int(1, 99);
	}

	if (monthNumber % 3 === 0) {
		add(day(month, 31), 'CREDIT INTEREST', null, rupees(150, 1_200, rng) + rng.int(0, 99), true);
		add(day(month, 31), 'SMS ALERT CHARGES', null, -1_770, true);
	}
	return entries;
}
