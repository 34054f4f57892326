/**
 * The sandbox as an oracle under bad input: unreadable multipart bodies are the client's 400, a
 * signed request must be fresh, and a stalled upload is given up so it cannot block the others.
 */
import { connect, type Socket } from 'net';
import { accessToken, TIMESTAMP_WINDOW_SECONDS } from '../../../sandbox/auth';
import { sampleStatement } from '../../harness/sandboxClient';
import { startTestSandbox, type TestSandbox } from './harness';

const PART = (name: string, value: string) => `--XYZ\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;

describe('unreadable multipart bodies → 400, never 500', () => {
	let t: TestSandbox;
	beforeAll(async () => {
		t = await startTestSandbox();
	});
	afterAll(() => t.close());

	const BODIES: Array<[string, string, string]> = [
		['no boundary', 'multipart/form-data', PART('link_id', 'a')],
		['an empty boundary', 'multipart/form-data; boundary=', PART('link_id', 'a')],
		['a body without the boundary', 'multipart/form-data; boundary=XYZ', 'this is not multipart'],
		['a body cut inside a part', 'multipart/form-data; boundary=XYZ', `${PART('bank_name', 'axis')}--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 cut`],
	];

	describe.each(BODIES)('%s', (_name, contentType, body) => {
		test.each(['entity/', 'session/', 'statement/upload/', 'statement/bankless_upload/', 'statement/upload_base64/'])('POST %s → 400 with a detail', async (path) => {
			const response = await t.api('POST', path, { raw: { body, contentType } });
			expect(response.status).toBe(400);
			expect(response.body).toEqual({ detail: expect.stringMatching(/^Multipart form parse error - /) });
		});

		test('POST statement/upload_session/ → 400 INVALID_FILE_OBJECT in the session envelope', async () => {
			const response = await t.api('POST', 'statement/upload_session/', { raw: { body, contentType } });
			expect(response.status).toBe(400);
			expect(response.body).toEqual({ session_id: '', statement_id: '', error: { code: 'INVALID_FILE_OBJECT', message: 'File object is invalid' } });
		});
	});

	test('nothing is stored from a refused body, and the next good upload works', async () => {
		const [, contentType, body] = BODIES[3];
		expect((await t.api('POST', 'statement/upload/', { raw: { body, contentType } })).status).toBe(400);
		expect((await t.admin('GET', 'statements')).body.statements).toEqual([]);
		const pdf = await sampleStatement(t.sandbox.origin, { bank: 'axis', months: 1, seed: 'after-broken' });
		expect((await t.api('POST', 'statement/upload/', { multipart: { file: pdf, bank_name: 'axis' } })).status).toBe(200);
	});
});

describe('request signing: TIMESTAMP must be within 5 minutes of the sandbox host clock', () => {
	const SECRET = 'signing-secret';
	let t: TestSandbox;
	beforeAll(async () => {
		t = await startTestSandbox({ signingSecret: SECRET });
	});
	afterAll(() => t.close());

	const signed = (offsetSeconds: number) => {
		const timestamp = String(Math.floor(Date.now() / 1000) + offsetSeconds);
		return { TIMESTAMP: timestamp, ACCESS_TOKEN: accessToken(SECRET, timestamp) };
	};

	test('the window is five minutes', () => {
		expect(TIMESTAMP_WINDOW_SECONDS).toBe(300);
	});

	test.each([
		['now', 0, 200],
		['four minutes ago', -240, 200],
		['four minutes ahead', 240, 200],
		['six minutes ago (a replayed token)', -360, 401],
		['an hour ago', -3600, 401],
		['six minutes ahead', 360, 401],
	])('signed %s (%i s) → %i', async (_when, offset, status) => {
		const response = await t.api('GET', 'entity/', { headers: signed(offset) });
		expect(response.status).toBe(status);
		if (status === 401) expect(response.body).toEqual({ detail: 'Authentication credentials were not provided.' });
	});

	test('a valid token for an old TIMESTAMP is refused on uploads too', async () => {
		const pdf = await sampleStatement(t.sandbox.origin, { bank: 'axis', months: 1, seed: 'old-signature' });
		const response = await t.api('POST', 'statement/upload/', { multipart: { file: pdf, bank_name: 'axis' }, headers: signed(-600) });
		expect(response.status).toBe(401);
		expect((await t.admin('GET', 'statements')).body.statements).toEqual([]);
	});
});

/** An upload that sends its headers and the start of its body, then nothing more. */
function stalledUpload(url: URL, apiKey: string): { socket: Socket; answer: Promise<string> } {
	const head = `${PART('bank_name', 'axis')}--XYZ\r\nContent-Disposition: form-data; name="file"; filename="s.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`;
	const socket = connect(Number(url.port), url.hostname);
	socket.write(
		`POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nx-api-key: ${apiKey}\r\n` +
			`Content-Type: multipart/form-data; boundary=XYZ\r\nContent-Length: ${head.length + 1_000_000}\r\n\r\n${head}`,
	);
	const answer = new Promise<string>((resolve) => {
		let text = '';
		socket.on('data', (chunk) => (text += chunk.toString()));
		socket.on('close', () => resolve(text));
		socket.on('error', () => undefined);
	});
	return { socket, answer };
}

describe('a stalled upload body', () => {
	let t: TestSandbox;
	beforeAll(async () => {
		t = await startTestSandbox({ bodyTimeoutMs: 400 });
	});
	afterAll(() => t.close());

	test('eight stalled uploads (as many as are read at once) do not block the next upload; each is answered 408 and closed', async () => {
		expect(t.sandbox.options.receiveConcurrency).toBe(8);
		const url = new URL(`${t.sandbox.url}/v1/statement/upload/`);
		const stalled = Array.from({ length: 8 }, () => stalledUpload(url, t.sandbox.options.apiKey));
		// let the sandbox take all eight into its readers before the good upload queues behind them
		await new Promise((resolve) => setTimeout(resolve, 100));

		const pdf = await sampleStatement(t.sandbox.origin, { bank: 'axis', months: 1, seed: 'behind-stalled' });
		const good = await t.api('POST', 'statement/upload/', { multipart: { file: pdf, bank_name: 'axis' } });
		expect(good.status).toBe(200);

		const answers = await Promise.all(stalled.map((s) => s.answer));
		for (const answer of answers) {
			expect(answer).toMatch(/^HTTP\/1\.1 408 /);
			expect(answer).toMatch(/connection: close/i);
			expect(answer).toContain('"detail":"Upload body timed out: no data for 400 ms"');
		}
		const statements = (await t.admin('GET', 'statements')).body.statements as Array<{ statement_id: string }>;
		expect(statements.map((s) => s.statement_id)).toEqual([good.body.statement_id]);
		const requests = (await t.admin('GET', 'requests')).body.requests as Array<{ path: string; status: number }>;
		expect(requests.filter((r) => r.path.endsWith('/statement/upload/')).map((r) => r.status).sort()).toEqual([200, ...Array(8).fill(408)]);
	});

	test('a slow upload that keeps sending is not cut off', async () => {
		const pdf = await sampleStatement(t.sandbox.origin, { bank: 'axis', months: 1, seed: 'slow-but-steady' });
		const url = new URL(`${t.sandbox.url}/v1/statement/upload/`);
		const head = `${PART('bank_name', 'axis')}--XYZ\r\nContent-Disposition: form-data; name="file"; filename="s.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
		const tail = '\r\n--XYZ--\r\n';
		const body = Buffer.concat([Buffer.from(head), pdf, Buffer.from(tail)]);
		const socket = connect(Number(url.port), url.hostname);
		let answer = '';
		socket.on('data', (chunk) => (answer += chunk.toString()));
		const closed = new Promise((resolve) => socket.on('close', resolve));
		socket.write(
			`POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nx-api-key: ${t.sandbox.options.apiKey}\r\nConnection: close\r\n` +
				`Content-Type: multipart/form-data; boundary=XYZ\r\nContent-Length: ${body.length}\r\n\r\n`,
		);
		// five pieces, each sent well inside the idle limit, the whole upload longer than it
		const pieces = 5;
		for (let i = 0; i < pieces; i += 1) {
			socket.write(body.subarray(Math.floor((i * body.length) / pieces), Math.floor(((i + 1) * body.length) / pieces)));
			await new Promise((resolve) => setTimeout(resolve, 150));
		}
		await closed;
		expect(answer).toMatch(/^HTTP\/1\.1 200 /);
	});
});
