import { spawn, spawnSync } from 'child_process';
import { join } from 'path';
import { sampleStatement, listRequests, clearRequests } from '../../harness/sandboxClient';
import { startSandboxProcess, type SandboxProcess } from '../../harness/sandboxProcess';

const REPO = join(__dirname, '..', '..', '..');

interface Stats {
	rss: number;
}

describe('sandbox as a process (npm run sandbox)', () => {
	test('prints the URL line first, then the API key and Server Hash it accepts', async () => {
		const sandbox = await startSandboxProcess(['--api-key', 'k-123', '--server-hash', 'h-456']);
		try {
			expect(sandbox.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/bank-connect$/);
			expect(sandbox.apiKey).toBe('k-123');
			expect(sandbox.serverHash).toBe('h-456');
			const ok = await fetch(`${sandbox.baseUrl}/v1/entity/`, { headers: { 'x-api-key': 'k-123', 'server-hash': 'h-456' } });
			expect(ok.status).toBe(200);
			const defaultKey = await fetch(`${sandbox.baseUrl}/v1/entity/`, { headers: { 'x-api-key': 'sandbox_api_key', 'server-hash': 'sandbox_server_hash' } });
			expect(defaultKey.status).toBe(401);
		} finally {
			await sandbox.stop();
		}
	});

	test('defaults: sandbox_api_key and sandbox_server_hash', async () => {
		const sandbox = await startSandboxProcess();
		try {
			expect(sandbox.apiKey).toBe('sandbox_api_key');
			expect(sandbox.serverHash).toBe('sandbox_server_hash');
		} finally {
			await sandbox.stop();
		}
	});

	test('--log writes the request log to stderr; stdout starts with the banner and carries nothing else', async () => {
		const child = spawn(join(REPO, 'node_modules', '.bin', 'tsx'), ['sandbox/cli.ts', '--port', '0', '--log'], {
			cwd: REPO,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, NODE_OPTIONS: '' },
		});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		const exited = new Promise((resolve) => child.once('exit', resolve));
		try {
			const deadline = Date.now() + 30_000;
			while (!stdout.includes('State is kept in memory only') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
			const url = /^BankConnect sandbox listening on (\S+)$/m.exec(stdout.split('\n')[0])?.[1];
			expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/bank-connect$/);
			expect((await fetch(`${url}/v1/entity/`, { headers: { 'x-api-key': 'sandbox_api_key', 'server-hash': 'sandbox_server_hash' } })).status).toBe(200);
			while (!stderr.includes('/bank-connect/v1/entity/') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
		} finally {
			child.kill('SIGTERM');
			await exited;
		}
		expect(stdout.split('\n').filter(Boolean)).toEqual([
			expect.stringMatching(/^BankConnect sandbox listening on http:/),
			'API key: sandbox_api_key',
			'Server Hash: sandbox_server_hash',
			'State is kept in memory only: stopping the sandbox forgets it.',
		]);
		const logLines = stderr.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { msg: string; req?: { url: string } });
		expect(logLines.some((line) => line.msg.startsWith('Server listening at'))).toBe(true);
		expect(logLines.some((line) => line.req?.url === '/bank-connect/v1/entity/')).toBe(true);
		expect(stderr).not.toContain('sandbox_server_hash');
	});

	test('a bad flag exits with a usage message', () => {
		const result = spawnSync(join(REPO, 'node_modules', '.bin', 'tsx'), ['sandbox/cli.ts', '--no-such-flag'], { cwd: REPO, encoding: 'utf8' });
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('Usage: npm run sandbox');
	});

	describe('streaming uploads', () => {
		let sandbox: SandboxProcess;
		beforeAll(async () => {
			sandbox = await startSandboxProcess(['--processing-ms', '0']);
		});
		afterAll(() => sandbox.stop());

		test('100 concurrent 2 MB uploads all succeed without holding them in memory', async () => {
			const pdf = await sampleStatement(sandbox.origin, { bank: 'axis', months: 1, seed: 'big', min_size_kb: 2048 });
			expect(pdf.length).toBeGreaterThanOrEqual(2048 * 1024);
			const blob = new Blob([new Uint8Array(pdf)], { type: 'application/pdf' });
			const upload = async (): Promise<number> => {
				const form = new FormData();
				form.set('bank_name', 'axis');
				form.set('file', blob, 'big.pdf');
				const response = await fetch(`${sandbox.baseUrl}/v1/statement/upload/`, { method: 'POST', headers: { 'x-api-key': sandbox.apiKey }, body: form });
				await response.arrayBuffer();
				return response.status;
			};
			// warm up: the PDF reader thread and the allocator's steady state (freed buffers are not
			// returned to the OS at once), so the growth below is what 100 more uploads add
			expect(await Promise.all(Array.from({ length: 10 }, upload))).toEqual(Array(10).fill(200));
			await clearRequests(sandbox.origin);
			const stats = async (): Promise<Stats> => (await fetch(`${sandbox.origin}/__sandbox/stats`)).json() as Promise<Stats>;
			const baseline = (await stats()).rss;
			let peak = baseline;
			let sampling = true;
			const sampler = (async () => {
				while (sampling) {
					peak = Math.max(peak, (await stats()).rss);
					await new Promise((resolve) => setTimeout(resolve, 25));
				}
			})();
			const statuses = await Promise.all(Array.from({ length: 100 }, upload));
			sampling = false;
			await sampler;
			expect(statuses).toEqual(Array(100).fill(200));
			const uploads = (await listRequests(sandbox.origin)).filter((r) => r.path.endsWith('/statement/upload/'));
			expect(uploads).toHaveLength(100);
			expect(new Set(uploads.map((r) => r.sha256)).size).toBe(1);
			const growthMb = (peak - baseline) / 1024 / 1024;
			if (process.env.SANDBOX_MEMORY_REPORT) console.log(`RSS growth: ${growthMb.toFixed(1)} MB`);
			expect(growthMb).toBeLessThan(150);
		});
	});
});
