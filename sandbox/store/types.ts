import type { SessionRequest } from '../sessionRules';
import type { SessionRequestV2 } from '../sessionRulesV2';
import type { ParsedStatement } from '../statements/types';

/** An entity of the classic flow. */
export interface EntityRecord {
	id: string;
	linkId: string | null;
	metaData: string | null;
	isSingleAccount: boolean;
	createdAt: number;
}

/** A bank account found in the statements of one entity or one session. */
export interface AccountRecord {
	id: string;
	/** the entity or session the account belongs to */
	ownerId: string;
	bank: string;
	accountNumber: string | null;
	createdAt: number;
	updatedAt: number;
}

export type StatementStatus = 'processing' | 'completed' | 'failed';

/** An uploaded statement: the file on disk and what the sandbox read from it. */
export interface StatementRecord {
	id: string;
	entityId: string | null;
	sessionId: string | null;
	accountId: string;
	bank: string;
	sha256: string;
	filePath: string;
	fileName: string;
	pdfPassword: string | null;
	uploadedAt: number;
	status: StatementStatus;
	message: string | null;
	/** how long its analysis was scheduled to take, once scheduled */
	processingMs: number | null;
	/** sandbox time when processing finished */
	completedAt: number | null;
	parsed: ParsedStatement;
}

/** A session of the current flow: its validated create fields plus its lifecycle. */
export interface SessionRecord extends SessionRequest {
	id: string;
	/** the Session API that created it */
	apiVersion: 1 | 2;
	/** what only a V2 create carries: the AA journey, its consents, metadata, recurring pull */
	v2: Omit<SessionRequestV2, keyof SessionRequest> | null;
	/** the `token` of a V2 redirect_url, null for V1 */
	redirectToken: string | null;
	createdAt: number;
	expiresAt: number;
	expired: boolean;
	deleted: boolean;
	processingRequestedAt: number | null;
	/** set once the ENRICHMENT_NOTIFICATION went out */
	enrichmentNotified: boolean;
}

/** Where and how webhook events are delivered for one flow. */
export interface WebhookConfig {
	url: string;
	mode: number;
	secret: string | null;
}

/** One entity-flow webhook payload, kept for `webhook_payloads`. */
export interface EntityWebhookPayload {
	statement_id: string;
	entity_id: string;
	link_id: string | null;
	progress: 'completed' | 'failed';
	reason: string;
	/** sandbox time the payload was due */
	at: number;
}
