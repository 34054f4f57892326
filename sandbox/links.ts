import { randomBytes } from 'crypto';
import type { SandboxClock } from './clock';

/** What a served link points at: a statement's PDF or an account's Excel report (the detailed one has more sheets). */
export type LinkTarget =
	| { kind: 'pdf'; statementId: string }
	| { kind: 'xlsx'; accountId: string; detailed: boolean }
	| { kind: 'sessionXlsx'; sessionId: string };

interface IssuedLink {
	target: LinkTarget;
	expiresAt: number;
}

/** Links valid for one hour of sandbox time, like the API's signed S3 links. */
export const LINK_LIFETIME_MS = 60 * 60 * 1000;

/** Issues and resolves the expiring file links served under `/__sandbox/files/`. */
export class LinkIssuer {
	private readonly links = new Map<string, IssuedLink>();

	constructor(private readonly clock: SandboxClock) {}

	/** A full URL for `target` under `origin`, valid for an hour; `fileName` only makes it readable. */
	issue(origin: string, target: LinkTarget, fileName: string): string {
		const token = randomBytes(16).toString('hex');
		this.links.set(token, { target, expiresAt: this.clock.now() + LINK_LIFETIME_MS });
		return `${origin}/__sandbox/files/${token}/${encodeURIComponent(fileName)}`;
	}

	/** The target of a token, `expired`, or undefined when unknown. */
	resolve(token: string): LinkTarget | 'expired' | undefined {
		const link = this.links.get(token);
		if (!link) return undefined;
		return this.clock.now() > link.expiresAt ? 'expired' : link.target;
	}

	clear(): void {
		this.links.clear();
	}
}
