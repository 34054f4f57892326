import { randomUUID } from 'crypto';
import type { SandboxClock } from '../clock';
import type {
	AccountRecord,
	EntityRecord,
	EntityWebhookPayload,
	SessionRecord,
	StatementRecord,
	WebhookConfig,
} from './types';

/** Everything the sandbox remembers; in memory only, like stripe-mock. */
export class SandboxState {
	readonly entities = new Map<string, EntityRecord>();
	readonly accounts = new Map<string, AccountRecord>();
	readonly statements = new Map<string, StatementRecord>();
	readonly sessions = new Map<string, SessionRecord>();
	readonly entityPayloads: EntityWebhookPayload[] = [];
	entityWebhook: WebhookConfig | null = null;
	sessionWebhook: WebhookConfig | null = null;

	constructor(private readonly clock: SandboxClock) {}

	clear(): void {
		this.entities.clear();
		this.accounts.clear();
		this.statements.clear();
		this.sessions.clear();
		this.entityPayloads.length = 0;
		this.entityWebhook = null;
		this.sessionWebhook = null;
	}

	createEntity(fields: { linkId?: string | null; metaData?: string | null; isSingleAccount?: boolean }): EntityRecord {
		const entity: EntityRecord = {
			id: randomUUID(),
			linkId: fields.linkId ?? null,
			metaData: fields.metaData ?? null,
			isSingleAccount: fields.isSingleAccount ?? false,
			createdAt: this.clock.now(),
		};
		this.entities.set(entity.id, entity);
		return entity;
	}

	/** Entities in creation order, optionally only those of one link_id. */
	listEntities(linkId?: string): EntityRecord[] {
		const all = [...this.entities.values()];
		return linkId === undefined ? all : all.filter((e) => e.linkId === linkId);
	}

	/** Statements of an entity or session, in upload order. */
	statementsOf(ownerId: string): StatementRecord[] {
		return [...this.statements.values()].filter((s) => s.entityId === ownerId || s.sessionId === ownerId);
	}

	accountsOf(ownerId: string): AccountRecord[] {
		return [...this.accounts.values()].filter((a) => a.ownerId === ownerId);
	}

	/** The owner's account for this bank and account number, created on first sight. */
	accountFor(ownerId: string, bank: string, accountNumber: string | null): AccountRecord {
		const existing = this.accountsOf(ownerId).find(
			(a) => a.bank === bank && a.accountNumber === accountNumber,
		);
		if (existing) return existing;
		const now = this.clock.now();
		const account: AccountRecord = { id: randomUUID(), ownerId, bank, accountNumber, createdAt: now, updatedAt: now };
		this.accounts.set(account.id, account);
		return account;
	}

	statementsOfAccount(accountId: string): StatementRecord[] {
		return [...this.statements.values()].filter((s) => s.accountId === accountId);
	}
}
