/**
 * A statement larger than 10 MB in n8n’s binary store on disk is streamed to BankConnect: five items
 * of 24 MB each are uploaded at once while this process's heap and Buffer memory stay far below
 * the 120 MB the files add up to (reading them whole would add all of it; the engine's own heap
 * moves by up to ~20 MB on a loaded machine, so the files are large enough to tell the two apart).
 */
import { createHash } from 'crypto';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';

import { fileItem } from '../../harness/binaryItems';
import { runNodeOk, upload } from '../../harness/runNode';
import { injectFault, listRequests, sampleStatement } from '../../harness/sandboxClient';
import { startSandboxProcess } from '../../harness/sandboxProcess';
import type { SandboxProcess } from '../../harness/sandboxProcess';

const ITEMS = 5;
const FILE_KB = 24 * 1024;

let sandbox: SandboxProcess;

beforeAll(async () => {
	sandbox = await startSandboxProcess(['--processing-ms', '200']);
});

afterAll(async () => {
	await sandbox?.stop();
});

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/**
 * Live JS heap plus Buffers after a full collection: a file read whole into memory shows up in one
 * or the other, while chunks already sent are garbage and do not count.
 */
function liveMemory(): number {
	collectGarbage();
	const usage = process.memoryUsage();
	return usage.heapUsed + usage.arrayBuffers;
}

test('five 24 MB statements from the filesystem binary store are streamed, not read into memory', async () => {
	const pdf = await sampleStatement(sandbox.origin, { bank: 'hdfc', months: 1, seed: 'large', min_size_kb: FILE_KB });
	expect(pdf.byteLength).toBeGreaterThan(10 * 1024 * 1024);
	const items = [];
	for (let index = 0; index < ITEMS; index++) items.push(await fileItem(pdf, `large-${index}.pdf`));
	const digest = createHash('sha256').update(pdf).digest('hex');
	const parameters = { source: 'binary', inputBinaryField: 'data', bankMode: 'known', bankName: 'hdfc', target: 'newEntity', identity: false };
	// warm-up: the first run loads the package and compiles the engine's code paths, which is not the files
	const small = await sampleStatement(sandbox.origin, { bank: 'hdfc', months: 1, seed: 'warm-up' });
	await runNodeOk(upload(parameters), { sandbox, startItems: [await fileItem(small)] });
	const warmUpDigest = createHash('sha256').update(small).digest('hex');

	// A full collection takes long in a jest worker that already ran many files; sampling at most a
	// fifth of the time leaves the uploads their CPU. The sandbox holds each upload for four sampling
	// intervals before reading it, so the node's streams wait on backpressure with the files open
	// while the sampler looks.
	const collectionStarted = Date.now();
	const baseline = liveMemory();
	const intervalMs = Math.max(400, 4 * (Date.now() - collectionStarted));
	await injectFault(sandbox.origin, { route: 'statement/upload/', method: 'POST', latencyMs: 4 * intervalMs, count: ITEMS });
	let peak = baseline;
	let samples = 0;
	let sampler: NodeJS.Timeout | undefined;
	const sample = () => {
		peak = Math.max(peak, liveMemory());
		samples++;
		sampler = setTimeout(sample, intervalMs);
	};
	sampler = setTimeout(sample, intervalMs);
	let output;
	try {
		output = await runNodeOk(upload(parameters), { sandbox, startItems: items });
	} finally {
		clearTimeout(sampler);
	}

	expect(output).toHaveLength(ITEMS);
	expect(output.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
	expect(new Set(output.map((item) => item.json.entity_id)).size).toBe(ITEMS);
	const uploads = (await listRequests(sandbox.origin)).filter((request) => request.path.endsWith('/v1/statement/upload/') && request.sha256 !== warmUpDigest);
	expect(uploads.map((request) => [request.sha256, request.status])).toEqual(Array.from({ length: ITEMS }, () => [digest, 200]));
	expect(samples).toBeGreaterThan(2);
	const total = pdf.byteLength * ITEMS;
	// reading the files whole would add ~120 MB; streaming keeps a few 64 KiB chunks per upload in flight
	process.stdout.write(`live memory grew by ${Math.round((peak - baseline) / 1024)} KiB at most over ${samples} samples every ${intervalMs} ms (files: ${Math.round(total / 1024)} KiB)\n`);
	expect(peak - baseline).toBeLessThan(total / 4);
}, 120_000);
