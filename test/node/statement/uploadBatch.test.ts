/**
 * Statement → Upload over many items (issue 14, "no write left unreported"): bad input in any item
 * uploads nothing; a failure during the run stops new uploads, lets the ones under way finish, and
 * the error names every statement they stored; the number of uploads at once is pinned.
 */
import nock from 'nock';

import { API_ORIGIN } from '../../harness/bankConnectApi';
import { fileItem } from '../../harness/binaryItems';
import { useNock } from '../../harness/nockPerFile';
import { expectBadInput, runNode, upload } from '../../harness/runNode';
import { PDF } from './nockUpload';

useNock();
beforeEach(() => nock.cleanAll());

const TO_ENTITY = { source: 'binary', inputBinaryField: 'data', bankMode: 'detect', target: 'entity', entityId: 'ent-1' };
const UPLOAD_PATH = '/bank-connect/v1/statement/bankless_upload/';

/** The file name of the upload in a multipart body, e.g. "statement-3.pdf". */
function fileNameIn(body: unknown): string {
	return /filename="([^"]+)"/.exec(String(body))?.[1] ?? '';
}

/** Answers uploads after `delayMs`, counting how many are in BankConnect's hands at once. */
function slowUploads(options: { delayMs: number; refuse?: (fileName: string) => boolean }) {
	const seen = { inFlight: 0, most: 0, stored: [] as string[] };
	nock(API_ORIGIN)
		.post(UPLOAD_PATH)
		.query(true)
		.times(100)
		.reply(function (_uri, body, callback) {
			const fileName = fileNameIn(body);
			seen.inFlight++;
			seen.most = Math.max(seen.most, seen.inFlight);
			const refused = options.refuse?.(fileName) ?? false;
			setTimeout(
				() => {
					seen.inFlight--;
					if (refused) return callback(null, [400, { entity_id: 'ent-1', message: 'PDF is not parsable' }]);
					const statementId = fileName.replace('.pdf', '');
					seen.stored.push(statementId);
					callback(null, [200, { entity_id: 'ent-1', statement_id: statementId, bank_name: 'hdfc' }]);
				},
				refused ? options.delayMs / 5 : options.delayMs,
			);
		});
	return seen;
}

async function statements(count: number, names: (index: number) => string = (index) => `statement-${index}.pdf`) {
	return await Promise.all(Array.from({ length: count }, async (_, index) => await fileItem(PDF, names(index))));
}

describe('Statement → Upload, many items', () => {
	test('uploads five statements at a time, never more', async () => {
		const seen = slowUploads({ delayMs: 150 });

		const { items, error } = await runNode(upload(TO_ENTITY), { startItems: await statements(12) });

		expect(error).toBeUndefined();
		expect(items).toHaveLength(12);
		expect(seen.most).toBe(5);
	});

	test('a refused file in any item uploads nothing at all, and the error names that item', async () => {
		const seen = slowUploads({ delayMs: 10 });
		const startItems = await statements(4);
		startItems[2] = await fileItem(Buffer.from('\xff\xd8\xff\xe0 JFIF', 'latin1'), 'photo.jpg');

		const { error } = await runNode(upload(TO_ENTITY), { startItems });

		expectBadInput(
			error,
			'Input Binary Field',
			'the file "photo.jpg" in "data" is not a PDF (its bytes do not start with %PDF-)',
			2,
			"Give the statement as a PDF file (the bank's e-statement, not an image or another document) in item 2",
		);
		await new Promise((settled) => setTimeout(settled, 300)); // an upload already under way would land by now
		expect(seen.stored).toEqual([]);
		expect(nock.pendingMocks()).toHaveLength(1); // not one upload reached BankConnect
	});

	test('a failure during the run lets the uploads under way finish, starts no more, and names every stored statement', async () => {
		const seen = slowUploads({ delayMs: 150, refuse: (fileName) => fileName === 'statement-1.pdf' });

		const { error } = await runNode(upload(TO_ENTITY), { startItems: await statements(9) });

		// items 0, 2, 3 and 4 were under way when item 1 was refused: they are stored and reported
		expect(seen.stored.sort()).toEqual(['statement-0', 'statement-2', 'statement-3', 'statement-4']);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.context?.itemIndex).toBe(1);
		expect(error?.message).toBe(
			'PDF is not parsable (entity_id ent-1) (already done at BankConnect for 4 other items before the stop; their ids are in the details)',
		);
		const [nextStep, done, notStarted, ...rest] = error?.description?.split('\n\n') ?? [];
		expect(nextStep).toContain('Next step:');
		const [heading, ...writes] = done.split('\n');
		expect(heading).toBe('Done at BankConnect before the node stopped (remove these items before running it again, or they are done twice):');
		expect(writes.sort()).toEqual([0, 2, 3, 4].map((item) => `- item ${item}: statement uploaded (entity_id ent-1, statement_id statement-${item})`));
		expect(notStarted).toBe('Not started: items 5–8.');
		expect(rest).toEqual([]);
	});

	test('with Continue On Fail every item runs: stored statements are items, the refused one an error item', async () => {
		slowUploads({ delayMs: 20, refuse: (fileName) => fileName === 'statement-1.pdf' });

		const { items, error } = await runNode(upload(TO_ENTITY), { startItems: await statements(3), continueOnFail: true });

		expect(error).toBeUndefined();
		expect(items.map((item) => [item.pairedItem, item.json.statement_id ?? item.json.error])).toEqual([
			[{ item: 0 }, 'statement-0'],
			[{ item: 1 }, 'PDF is not parsable (entity_id ent-1)'],
			[{ item: 2 }, 'statement-2'],
		]);
	});

	test('with Continue On Fail a refused file in item 3 is an error item and items 0–2 and 4 are still uploaded', async () => {
		const seen = slowUploads({ delayMs: 10 });
		const startItems = await statements(5);
		startItems[3] = await fileItem(Buffer.from('\xff\xd8\xff\xe0 JFIF', 'latin1'), 'photo.jpg');

		const { items, error } = await runNode(upload(TO_ENTITY), { startItems, continueOnFail: true });

		expect(error).toBeUndefined();
		expect(seen.stored.sort()).toEqual(['statement-0', 'statement-1', 'statement-2', 'statement-4']);
		expect(items.map((item) => [item.pairedItem, item.json.statement_id ?? item.json.error])).toEqual([
			[{ item: 0 }, 'statement-0'],
			[{ item: 1 }, 'statement-1'],
			[{ item: 2 }, 'statement-2'],
			[{ item: 3 }, 'Input Binary Field the file "photo.jpg" in "data" is not a PDF (its bytes do not start with %PDF-) (item 3)'],
			[{ item: 4 }, 'statement-4'],
		]);
	});
});
