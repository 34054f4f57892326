import { parseArgs } from 'util';
import { DEFAULT_OPTIONS, type SandboxOptions } from './options';

export const USAGE = `Usage: npm run sandbox -- [options]
  --port N                 default ${DEFAULT_OPTIONS.port}; 0 picks a free port
  --host H                 default ${DEFAULT_OPTIONS.host}
  --api-key K              default ${DEFAULT_OPTIONS.apiKey}
  --server-hash H          default ${DEFAULT_OPTIONS.serverHash}
  --processing-ms MS       analysis time per statement, default ${DEFAULT_OPTIONS.processingMs} (0 = instant)
  --processing-jitter-ms MS  add a seeded random 0..MS to each statement's processing
  --latency-ms MS          delay added to every API response
  --signing-secret S       require TIMESTAMP + ACCESS_TOKEN (hex HMAC-SHA256(S, TIMESTAMP))
  --seed S                 seed of the processing jitter
  --webhook-secret S       x-secret-key sent with webhooks (update_webhook's webhook_secret overrides)
  --webhook-attempts N     delivery tries per event, default ${DEFAULT_OPTIONS.webhookAttempts}
  --webhook-backoff-ms MS  wait before retry n is MS*2^(n-1), default ${DEFAULT_OPTIONS.webhookBackoffMs}
  --disabled-modes LIST    session modes answered with MODE_NOT_ENABLED, e.g. aa,online
  --body-timeout-ms MS     a multipart upload that sends nothing for MS is answered 408, default ${DEFAULT_OPTIONS.bodyTimeoutMs}
  --log                    log requests to stderr`;

function number(name: string, text: string | undefined, fallback: number): number {
	if (text === undefined) return fallback;
	const value = Number(text);
	if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number >= 0`);
	return value;
}

/** CLI flags → sandbox options. */
export function parseCli(argv: string[]): Partial<SandboxOptions> | 'help' {
	const { values } = parseArgs({
		args: argv,
		options: {
			port: { type: 'string' },
			host: { type: 'string' },
			'api-key': { type: 'string' },
			'server-hash': { type: 'string' },
			'processing-ms': { type: 'string' },
			'processing-jitter-ms': { type: 'string' },
			'latency-ms': { type: 'string' },
			'signing-secret': { type: 'string' },
			seed: { type: 'string' },
			'webhook-secret': { type: 'string' },
			'webhook-attempts': { type: 'string' },
			'webhook-backoff-ms': { type: 'string' },
			'disabled-modes': { type: 'string' },
			'body-timeout-ms': { type: 'string' },
			log: { type: 'boolean' },
			help: { type: 'boolean', short: 'h' },
		},
		strict: true,
	});
	if (values.help) return 'help';
	const d = DEFAULT_OPTIONS;
	return {
		port: number('port', values.port, d.port),
		host: values.host ?? d.host,
		apiKey: values['api-key'] ?? d.apiKey,
		serverHash: values['server-hash'] ?? d.serverHash,
		processingMs: number('processing-ms', values['processing-ms'], d.processingMs),
		processingJitterMs: number('processing-jitter-ms', values['processing-jitter-ms'], d.processingJitterMs),
		latencyMs: number('latency-ms', values['latency-ms'], d.latencyMs),
		signingSecret: values['signing-secret'] ?? null,
		seed: values.seed ?? d.seed,
		webhookSecret: values['webhook-secret'] ?? null,
		webhookAttempts: Math.max(1, number('webhook-attempts', values['webhook-attempts'], d.webhookAttempts)),
		webhookBackoffMs: number('webhook-backoff-ms', values['webhook-backoff-ms'], d.webhookBackoffMs),
		disabledModes: values['disabled-modes'] ? values['disabled-modes'].split(',').map((m) => m.trim().toLowerCase()) : [],
		bodyTimeoutMs: Math.max(1, number('body-timeout-ms', values['body-timeout-ms'], d.bodyTimeoutMs)),
		log: values.log ?? false,
	};
}
