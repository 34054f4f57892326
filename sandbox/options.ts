/** How a sandbox instance behaves; every field has a default (see `withDefaults`). */
export interface SandboxOptions {
	host: string;
	/** 0 picks a free port */
	port: number;
	apiKey: string;
	serverHash: string;
	/** how long a statement's analysis takes after upload (entity flow) or initiate_processing (sessions) */
	processingMs: number;
	/** extra seeded random 0..jitter added to each statement's processing time */
	processingJitterMs: number;
	/** delay added to every API response */
	latencyMs: number;
	/** when set, TIMESTAMP and ACCESS_TOKEN headers are required and verified */
	signingSecret: string | null;
	/** seeds the processing jitter */
	seed: string;
	/** default `x-secret-key` for webhook deliveries (update_webhook's `webhook_secret` overrides it) */
	webhookSecret: string | null;
	/** delivery tries per webhook event, first one included */
	webhookAttempts: number;
	/** wait before retry n is backoff·2^(n-1) */
	webhookBackoffMs: number;
	/** session modes answered with MODE_NOT_ENABLED (403) */
	disabledModes: string[];
	/** PDFs parsed at the same time */
	parseConcurrency: number;
	/** multipart upload bodies streamed to disk at the same time */
	receiveConcurrency: number;
	/** a multipart body that sends nothing for this long is answered 408 and its connection closed */
	bodyTimeoutMs: number;
	/** log each request to stderr */
	log: boolean;
}

export const DEFAULT_OPTIONS: SandboxOptions = {
	host: '127.0.0.1',
	port: 4010,
	apiKey: 'sandbox_api_key',
	serverHash: 'sandbox_server_hash',
	processingMs: 2000,
	processingJitterMs: 0,
	latencyMs: 0,
	signingSecret: null,
	seed: 'sandbox',
	webhookSecret: null,
	webhookAttempts: 5,
	webhookBackoffMs: 200,
	disabledModes: [],
	parseConcurrency: 2,
	receiveConcurrency: 8,
	bodyTimeoutMs: 30_000,
	log: false,
};

export function withDefaults(options: Partial<SandboxOptions>): SandboxOptions {
	const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
	return { ...DEFAULT_OPTIONS, ...defined };
}
