/** A fault as `POST /__sandbox/faults` takes it. */
export interface FaultSpec {
	/** path prefix under `/v1/`, e.g. `entity/` or `statement/upload/`; Session API V2 as `v2/session/` */
	route: string;
	method?: string;
	status?: number;
	body?: unknown;
	count?: number;
	retryAfter?: number | string;
	latencyMs?: number;
	reset?: boolean;
	resetBeforeProcessing?: boolean;
	malformedJson?: boolean;
}

export interface ActiveFault extends FaultSpec {
	remaining: number;
}

/** Parses a fault body from the admin route; returns an error text for a bad one. */
export function parseFault(input: unknown): FaultSpec | string {
	if (typeof input !== 'object' || input === null) return 'body must be a JSON object';
	const f = input as Record<string, unknown>;
	if (typeof f.route !== 'string') return '"route" (path prefix under /v1/) is required';
	if (f.status !== undefined && (typeof f.status !== 'number' || f.status < 100 || f.status > 599)) return '"status" must be an HTTP status';
	if (f.count !== undefined && (typeof f.count !== 'number' || f.count < 1)) return '"count" must be a positive number';
	if (f.latencyMs !== undefined && (typeof f.latencyMs !== 'number' || f.latencyMs < 0)) return '"latencyMs" must be >= 0';
	if (f.retryAfter !== undefined && typeof f.retryAfter !== 'number' && typeof f.retryAfter !== 'string') return '"retryAfter" must be seconds or an HTTP date';
	const hasEffect = f.status !== undefined || f.latencyMs !== undefined || f.reset === true || f.resetBeforeProcessing === true || f.malformedJson === true;
	if (!hasEffect) return 'a fault needs one of status, latencyMs, reset, resetBeforeProcessing, malformedJson';
	return {
		route: f.route.replace(/^\/+/, '').replace(/^bank-connect\//, '').replace(/^v1\//, ''),
		method: typeof f.method === 'string' ? f.method.toUpperCase() : undefined,
		status: f.status as number | undefined,
		body: f.body,
		count: (f.count as number | undefined) ?? 1,
		retryAfter: f.retryAfter as number | string | undefined,
		latencyMs: f.latencyMs as number | undefined,
		reset: f.reset === true,
		resetBeforeProcessing: f.resetBeforeProcessing === true,
		malformedJson: f.malformedJson === true,
	};
}

/** Faults waiting for matching requests; each match uses one of its `count`. */
export class FaultBook {
	private faults: ActiveFault[] = [];

	add(spec: FaultSpec): void {
		this.faults.push({ ...spec, remaining: spec.count ?? 1 });
	}

	clear(): void {
		this.faults = [];
	}

	list(): ActiveFault[] {
		return this.faults.map((f) => ({ ...f }));
	}

	/** Takes the first fault matching `v1Path` (the path after `/v1/`) and method, if any. */
	take(method: string, v1Path: string): ActiveFault | undefined {
		const fault = this.faults.find(
			(f) => v1Path.startsWith(f.route) && (f.method === undefined || f.method === method.toUpperCase()),
		);
		if (!fault) return undefined;
		fault.remaining -= 1;
		if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
		return fault;
	}
}
