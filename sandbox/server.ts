import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { AddressInfo } from 'net';
import { isAuthenticated, UNAUTHENTICATED } from './auth';
import { BodyTimeoutError, MAX_BODY_BYTES, registerBodyParsers } from './bodies';
import { createContext, type SandboxContext } from './context';
import type { ActiveFault } from './faults';
import { withDefaults, type SandboxOptions } from './options';
import { registerAdminRoutes } from './routes/admin';
import { registerAnalysisRoutes } from './routes/analysis';
import { registerEntityRoutes } from './routes/entities';
import { registerEntityUploadRoutes } from './routes/entityUploads';
import { registerFileRoutes } from './routes/files';
import { registerManagementRoutes } from './routes/management';
import { registerSessionCreateV1, registerSessionCreateV2 } from './routes/sessionCreate';
import { registerSessionDataRoutes } from './routes/sessionData';
import { registerSessionRoutes } from './routes/sessions';
import { registerSessionUploadRoutes } from './routes/sessionUploads';
import { sweepExpiredSessions } from './sessionExpiry';

declare module 'fastify' {
	interface FastifyContextConfig {
		/** the contract marks this route [hash]: it needs the `server-hash` header */
		serverHash?: boolean;
		/** the API key may come as the body's `api_key` field instead of the header (session create) */
		apiKeyInBody?: boolean;
		/** the 401 body of this route when it is not the API's usual `{detail}` (Session API V2) */
		unauthenticatedBody?: unknown;
	}
	interface FastifyRequest {
		sandbox: { fault: ActiveFault | null; sha256: string | null };
	}
}

/** A running sandbox. */
export interface RunningSandbox {
	/** `http://HOST:PORT/bank-connect`, the credential's custom base URL */
	url: string;
	/** `http://HOST:PORT`, where `/__sandbox/...` lives */
	origin: string;
	options: SandboxOptions;
	close(): Promise<void>;
}

export const API_PREFIX = '/bank-connect/v1';
/** Session API V2 lives beside V1; uploads and reads stay on V1. */
export const API_V2_PREFIX = '/bank-connect/v2';
const SWEEP_INTERVAL_MS = 1000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function reasonPhrase(status: number): string {
	const phrases: Record<number, string> = {
		400: 'Bad request.',
		404: 'Not found.',
		429: 'Request was throttled.',
		500: 'A server error occurred.',
		502: 'Bad gateway.',
		503: 'Service temporarily unavailable.',
		504: 'Gateway timeout.',
	};
	return phrases[status] ?? 'Sandbox fault.';
}

/** The API path as faults name it: after `/bank-connect/v1/`, or `v2/…` for V2; null for other paths. */
function apiPath(url: string): string | null {
	const path = url.split('?')[0];
	if (path.startsWith(`${API_PREFIX}/`)) return path.slice(API_PREFIX.length + 1);
	if (path.startsWith(`${API_V2_PREFIX}/`)) return path.slice('/bank-connect/'.length);
	return null;
}

/** Applies an injected fault; returns true when the request was answered or dropped. */
async function applyFault(fault: ActiveFault, request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
	if (fault.latencyMs) await sleep(fault.latencyMs);
	if (fault.resetBeforeProcessing) {
		reply.hijack();
		request.raw.socket.destroy();
		return true;
	}
	if (fault.status !== undefined) {
		if (fault.retryAfter !== undefined) reply.header('retry-after', String(fault.retryAfter));
		await reply.code(fault.status).send(fault.body ?? { detail: reasonPhrase(fault.status) });
		return true;
	}
	return false;
}

function installApiHooks(app: FastifyInstance, context: SandboxContext): void {
	app.decorateRequest('sandbox', null as unknown as FastifyRequest['sandbox']);
	app.addHook('onRequest', async (request, reply) => {
		request.sandbox = { fault: null, sha256: null };
		const path = apiPath(request.url);
		if (path === null) return;
		if (context.options.latencyMs > 0) await sleep(context.options.latencyMs);
		const fault = context.faults.take(request.method, path);
		if (fault) {
			request.sandbox.fault = fault;
			if (await applyFault(fault, request, reply)) return reply;
		}
		if (request.is404) return;
		const { serverHash, apiKeyInBody, unauthenticatedBody } = request.routeOptions.config;
		// without the header, such a route authenticates the body's api_key once the body is read
		if (apiKeyInBody && request.headers['x-api-key'] === undefined) return;
		if (!isAuthenticated(request.headers, context.options, serverHash === true)) {
			return reply.code(401).send(unauthenticatedBody ?? UNAUTHENTICATED);
		}
	});
	app.addHook('onSend', async (request, reply, payload) => {
		const fault = request.sandbox?.fault;
		if (!fault || fault.status !== undefined) return payload;
		if (fault.reset) {
			// after the handler ran: the upload is stored, but the client never hears about it
			request.raw.socket.destroy();
			return payload;
		}
		if (fault.malformedJson && typeof payload === 'string') {
			reply.removeHeader('content-length');
			return payload.slice(0, Math.max(1, Math.floor(payload.length / 2)));
		}
		return payload;
	});
	app.addHook('onResponse', async (request, reply) => {
		const path = request.url.split('?')[0];
		if (!path.startsWith('/bank-connect/')) return;
		context.requests.add({
			method: request.method,
			path,
			query: { ...(request.query as Record<string, string>) },
			time: new Date().toISOString(),
			status: reply.statusCode,
			...(request.sandbox?.sha256 ? { sha256: request.sandbox.sha256 } : {}),
		});
	});
}

/** Starts a sandbox in this process (tests and benchmarks); `npm run sandbox` wraps it. */
export async function startSandbox(partial: Partial<SandboxOptions> = {}): Promise<RunningSandbox> {
	const options = withDefaults(partial);
	const context = createContext(options);
	// logs go to stderr: stdout carries the CLI's banner, which tools parse from the first line
	const logger = options.log ? { stream: process.stderr } : false;
	const app = Fastify({ logger, bodyLimit: MAX_BODY_BYTES, forceCloseConnections: true });
	await registerBodyParsers(app);
	installApiHooks(app, context);
	app.setNotFoundHandler((_request, reply) => reply.code(404).send({ detail: 'Not found.' }));
	app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
		const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
		if (status >= 500 && options.log) console.error(error);
		// the rest of a stalled body may never come: close the connection instead of waiting to read it
		if (error instanceof BodyTimeoutError) reply.header('connection', 'close');
		return reply.code(status).send({ detail: status >= 500 ? 'A server error occurred.' : error.message });
	});

	await app.register(
		async (api) => {
			registerEntityRoutes(api, context);
			registerAnalysisRoutes(api, context);
			registerEntityUploadRoutes(api, context);
			registerSessionCreateV1(api, context);
			registerSessionRoutes(api, context);
			registerSessionDataRoutes(api, context);
			registerSessionUploadRoutes(api, context);
			registerManagementRoutes(api, context);
		},
		{ prefix: API_PREFIX },
	);
	await app.register(async (api) => registerSessionCreateV2(api, context), { prefix: API_V2_PREFIX });
	registerAdminRoutes(app, context);
	registerFileRoutes(app, context);

	await app.listen({ host: options.host, port: options.port });
	const address = app.server.address() as AddressInfo;
	const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
	const origin = `http://${host}:${address.port}`;
	const sweeper = setInterval(() => sweepExpiredSessions(context), SWEEP_INTERVAL_MS);
	sweeper.unref();

	return {
		url: `${origin}/bank-connect`,
		origin,
		options,
		async close() {
			clearInterval(sweeper);
			context.processing.clear();
			context.webhooks.close();
			await app.close();
			context.files.removeAll();
		},
	};
}
