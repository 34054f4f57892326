import type { FastifyInstance } from 'fastify';
import { apiDateTime } from '../clock';
import type { SandboxContext } from '../context';
import { requestOrigin } from '../origin';
import { statementPdfLinks } from '../pdfLinks';
import { receiveForm } from '../uploads/receive';
import { analysisOf } from '../accountAnalysis';
import { entityView } from '../views';
import { fieldError, NOT_FOUND, parseBoolean } from './forms';

const PAGE_SIZE = 10;

/** Entity create, list, get, link overview, PDFs, and the classic webhook routes. */
export function registerEntityRoutes(api: FastifyInstance, context: SandboxContext): void {
	const { state } = context;

	api.post('/entity/', async (request, reply) => {
		const { fields } = await receiveForm(request, context.files, context.multipart);
		const isSingleAccount = parseBoolean(fields.is_single_account);
		if (isSingleAccount === null) return reply.code(400).send(fieldError('is_single_account', 'Must be a valid boolean.'));
		const entity = state.createEntity({
			linkId: fields.link_id || null,
			metaData: fields.meta_data ?? null,
			isSingleAccount: isSingleAccount ?? false,
		});
		return reply.code(201).send(entityView(entity));
	});

	api.get('/entity/', { config: { serverHash: true } }, async (request, reply) => {
		const query = request.query as Record<string, string | undefined>;
		const page = query.page === undefined ? 1 : Number(query.page);
		if (!Number.isInteger(page) || page < 1) return reply.code(404).send({ detail: 'Invalid page.' });
		const linkId = query.link_id;
		const all = state.listEntities(linkId);
		const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
		if (page > pages) return reply.code(404).send({ detail: 'Invalid page.' });
		const pageUrl = (n: number): string => {
			const params = new URLSearchParams();
			if (linkId !== undefined) params.set('link_id', linkId);
			params.set('page', String(n));
			return `${requestOrigin(request)}/bank-connect/v1/entity/?${params}`;
		};
		return {
			count: all.length,
			next: page < pages ? pageUrl(page + 1) : null,
			previous: page > 1 ? pageUrl(page - 1) : null,
			results: all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map(entityView),
		};
	});

	api.get('/entity/link_overview/', async (request, reply) => {
		const linkId = (request.query as Record<string, string | undefined>).link_id;
		if (!linkId) return reply.code(400).send(fieldError('link_id'));
		return {
			progress_data: state.listEntities(linkId).map((entity) => {
				const accounts = state.accountsOf(entity.id);
				const months = [...new Set(accounts.flatMap((a) => analysisOf(state, a.id).months))].sort();
				return { entity_id: entity.id, months, bank: months.length > 0 ? accounts[0].bank : null };
			}),
			link_id: linkId,
		};
	});

	api.get('/entity/webhook_payloads/', async (request, reply) => {
		const linkId = (request.query as Record<string, string | undefined>).link_id;
		if (!linkId) return reply.code(400).send(fieldError('link_id'));
		const payloads = state.entityPayloads
			.map((p, index) => ({ p, index }))
			.filter(({ p }) => p.link_id === linkId)
			.sort((a, b) => b.p.at - a.p.at || b.index - a.index)
			.map(({ p }) => ({
				statement_id: p.statement_id,
				entity_id: p.entity_id,
				link_id: p.link_id,
				progress: p.progress,
				reason: p.reason,
				date_time: apiDateTime(p.at),
			}));
		return { payloads };
	});

	api.post('/entity/update_webhook/', async (request, reply) => {
		const parsed = parseWebhookBody(request.body, [0, 1], 0);
		if ('error' in parsed) return reply.code(400).send(parsed.error);
		state.entityWebhook = parsed.config;
		return { message: 'success' };
	});

	api.get('/entity/:entityId/', { config: { serverHash: true } }, async (request, reply) => {
		const entity = state.entities.get((request.params as { entityId: string }).entityId);
		if (!entity) return reply.code(404).send(NOT_FOUND);
		return entityView(entity);
	});

	api.get('/entity/:entityId/get_pdfs/', { config: { serverHash: true } }, async (request, reply) => {
		const entity = state.entities.get((request.params as { entityId: string }).entityId);
		if (!entity) return reply.code(404).send(NOT_FOUND);
		return { statements: statementPdfLinks(context, requestOrigin(request), state.statementsOf(entity.id)) };
	});
}

/** Validates an update_webhook JSON body; `allowedModes` differ between the flows. */
export function parseWebhookBody(
	body: unknown,
	allowedModes: number[],
	defaultMode: number,
): { config: { url: string; mode: number; secret: string | null } } | { error: Record<string, string[]> } {
	if (typeof body !== 'object' || body === null) return { error: fieldError('webhook_url') };
	const b = body as Record<string, unknown>;
	if (typeof b.webhook_url !== 'string' || b.webhook_url === '') return { error: fieldError('webhook_url') };
	try {
		const url = new URL(b.webhook_url);
		if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
	} catch {
		return { error: fieldError('webhook_url', 'Enter a valid URL.') };
	}
	const mode = b.webhook_mode === undefined || b.webhook_mode === null ? defaultMode : Number(b.webhook_mode);
	if (!allowedModes.includes(mode)) {
		return { error: fieldError('webhook_mode', `"${String(b.webhook_mode)}" is not a valid choice.`) };
	}
	if (b.webhook_secret !== undefined && typeof b.webhook_secret !== 'string') {
		return { error: fieldError('webhook_secret', 'Not a valid string.') };
	}
	return { config: { url: b.webhook_url, mode, secret: (b.webhook_secret as string | undefined) || null } };
}
