import type { SandboxContext } from './context';
import { notifySessionExpiry } from './notifications';
import type { SessionRecord } from './store/types';

/** Marks a session expired (once) and sends SESSION_EXPIRY_NOTIFICATION. */
export function expireSession(context: SandboxContext, session: SessionRecord): void {
	if (session.expired || session.deleted) return;
	session.expired = true;
	session.expiresAt = Math.min(session.expiresAt, context.clock.now());
	notifySessionExpiry(context, session);
}

/** Expires every session whose time ran out in sandbox time. */
export function sweepExpiredSessions(context: SandboxContext): void {
	const now = context.clock.now();
	for (const session of context.state.sessions.values()) {
		if (!session.expired && !session.deleted && session.processingRequestedAt === null && session.expiresAt <= now) expireSession(context, session);
	}
}
