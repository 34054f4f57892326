import { execFileSync, spawn } from 'child_process';
import type { ChildProcess } from 'child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'fs';
import { createConnection } from 'net';
import { tmpdir, userInfo } from 'os';
import { join } from 'path';

import { freePort } from './n8nCli';

/** Redis and PostgreSQL for queue mode, on free loopback ports, in temporary folders. */
export interface QueueServices {
	/** the environment every n8n process of the instance shares */
	env: Record<string, string>;
	stop(): Promise<void>;
}

/** The newest installed PostgreSQL server's bin folder (Debian: /usr/lib/postgresql/<major>/bin). */
function postgresBin(): string {
	const root = '/usr/lib/postgresql';
	const majors = existsSync(root) ? readdirSync(root).filter((name) => existsSync(join(root, name, 'bin', 'postgres'))) : [];
	majors.sort((a, b) => Number(b) - Number(a));
	if (majors.length === 0) throw new Error('no PostgreSQL server under /usr/lib/postgresql: run scripts/n8nApp/queueDeps.sh');
	return join(root, majors[0], 'bin');
}

/** PostgreSQL refuses to run as root: then it runs as the `postgres` user Debian's package creates. */
function asDatabaseUser(command: string, args: string[]): [string, string[]] {
	return userInfo().uid === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

async function waitForPort(port: number, what: string, child: ChildProcess, output: () => string, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}:\n${output()}`);
		const open = await new Promise<boolean>((resolveOpen) => {
			const socket = createConnection({ host: '127.0.0.1', port }, () => {
				socket.end();
				resolveOpen(true);
			});
			socket.once('error', () => resolveOpen(false));
		});
		if (open) return;
		await new Promise((resolveWait) => setTimeout(resolveWait, 100));
	}
	throw new Error(`${what} did not listen on ${port} within ${timeoutMs} ms:\n${output()}`);
}

function spawnLogged(command: string, args: string[]): { child: ChildProcess; output: () => string; exited: Promise<void> } {
	const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
	return { child, output: () => output, exited };
}

async function startRedis(folder: string): Promise<{ port: number; stop(): Promise<void> }> {
	const port = await freePort();
	const redis = spawnLogged('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', folder]);
	await waitForPort(port, 'redis-server', redis.child, redis.output);
	return {
		port,
		stop: async () => {
			redis.child.kill('SIGTERM');
			await redis.exited;
		},
	};
}

async function startPostgres(folder: string): Promise<{ port: number; stop(): Promise<void> }> {
	const bin = postgresBin();
	const data = join(folder, 'pgdata');
	if (userInfo().uid === 0) chownSync(folder, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()), 0);
	const [initdb, initdbArgs] = asDatabaseUser(join(bin, 'initdb'), ['-D', data, '-U', 'n8n', '--auth=trust', '--encoding=UTF8', '--no-sync']);
	execFileSync(initdb, initdbArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
	const port = await freePort();
	// A throwaway database: durability settings off for speed.
	const [postgres, postgresArgs] = asDatabaseUser(join(bin, 'postgres'), [
		'-D', data, '-p', String(port), '-k', folder, '-c', 'listen_addresses=127.0.0.1',
		'-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off',
	]);
	const server = spawnLogged(postgres, postgresArgs);
	await waitForPort(port, 'postgres', server.child, server.output);
	const [createdb, createdbArgs] = asDatabaseUser(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', 'n8n']);
	execFileSync(createdb, createdbArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
	return {
		port,
		stop: async () => {
			const [pgCtl, pgCtlArgs] = asDatabaseUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', 'stop']);
			try {
				execFileSync(pgCtl, pgCtlArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
			} catch {
				server.child.kill('SIGKILL');
			}
			await server.exited;
		},
	};
}

/** Starts Redis and PostgreSQL and returns the queue-mode environment of n8n. */
export async function startQueueServices(): Promise<QueueServices> {
	const folder = mkdtempSync(join(tmpdir(), 'bankconnect-queue-'));
	const redis = await startRedis(folder);
	const postgres = await startPostgres(folder);
	return {
		env: {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'n8n',
			DB_POSTGRESDB_PASSWORD: '',
		},
		stop: async () => {
			await postgres.stop();
			await redis.stop();
			rmSync(folder, { recursive: true, force: true });
		},
	};
}
