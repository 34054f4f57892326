import type { FastifyInstance } from 'fastify';
import { BANKS } from '../banks';
import { apiDateTime } from '../clock';
import type { SandboxContext } from '../context';

const HASH = { config: { serverHash: true } };

/** Net-banking health and the bank catalogue. */
export function registerManagementRoutes(api: FastifyInstance, context: SandboxContext): void {
	api.get('/net_banking_health/', async () => {
		// checked "a few minutes ago", on the minute, like a periodic health probe
		const checkedAt = Math.floor((context.clock.now() - 5 * 60_000) / 60_000) * 60_000;
		return BANKS.map((b) => {
			const issue = context.outages.issueOf(b.id);
			return { bank: b.identifier.toUpperCase(), updated_at: apiDateTime(checkedAt), health_up: issue === undefined, issue_details: issue ?? null };
		});
	});

	const catalogue = async () => ({
		count: BANKS.length,
		banks: BANKS.map((b) => ({
			name: b.identifier,
			full_name: b.fullName,
			npci_code: b.npciCode,
			logo_url: b.logoUrl,
			is_pdf_upload_available: b.isPdfUploadAvailable,
			is_net_banking_available: b.isNetBankingAvailable,
			is_aa_available: b.isAaAvailable,
		})),
	});
	// some public clients call it without the trailing slash
	api.get('/banks/catalogue/', HASH, catalogue);
	api.get('/banks/catalogue', HASH, catalogue);
}
