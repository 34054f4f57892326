/**
 * The figures of one whole-job run, from three witnesses: the sandbox's statements (when each
 * finished processing), the sandbox's request log (every request to BankConnect, and the last read
 * of each entity, which is the read that saw it complete) and n8n's run data (when the items of each
 * statement reached the next node), over every execution of the job: the upload workflow's and, for
 * a push-driven job, each run BankConnect's webhooks started.
 */
import type { SandboxStatement, SeenRequest } from '../../test/harness/sandboxClient';
import type { AppRun } from './n8nApp';
import { peakRate } from './stats';

/** Where a workflow's job starts and where its items are wanted. */
export interface JobNodes {
	/** the node that uploads the statements: the job starts when it starts */
	uploadNode: string;
	/** the node after the one that puts out the transactions: a statement's items reach it at its run's start */
	nextNode: string;
}

export interface JobRun {
	/** from the upload node's start to the last statement's items at the next node */
	wallMs: number;
	/** requests to BankConnect, the webhook registrations left out (see `registrations`) */
	requests: number;
	uploads: number;
	reads: number;
	peakRequestsPerSecond: number;
	/** update_webhook requests in the log: a trigger's activation before the run, not part of the job */
	registrations: number;
	/** per statement: completion → the read that saw it (ms) */
	detectedMs: number[];
	/** per statement: completion → its items at the next node (ms) */
	nextNodeMs: number[];
	/** per statement: upload → completion in the sandbox (ms) */
	processingMs: number[];
	/** items that reached the next node, over all its runs */
	items: number;
}

const ENTITY_READ = /\/v1\/entity\/([^/]+)\/[^/]+\/$/;
const WEBHOOK_REGISTRATION = /\/update_webhook\/$/;

/** The figures of a job from its executions (the upload's first), the sandbox's statements and its request log. */
export function jobFigures(executions: AppRun[], nodes: JobNodes, statements: SandboxStatement[], log: SeenRequest[]): JobRun {
	const runsOf = (nodeName: string) => executions.flatMap((execution) => execution.runsOf(nodeName));
	const [upload] = runsOf(nodes.uploadNode);
	if (!upload) throw new Error(`"${nodes.uploadNode}" did not run`);
	const requests = log.filter((request) => !WEBHOOK_REGISTRATION.test(request.path));

	const lastReadOf = new Map<string, number>();
	for (const request of requests) {
		const entityId = request.method === 'GET' ? ENTITY_READ.exec(request.path)?.[1] : undefined;
		if (entityId) lastReadOf.set(entityId, Math.max(lastReadOf.get(entityId) ?? 0, Date.parse(request.time)));
	}
	const reachedAt = new Map<string, number>();
	let items = 0;
	for (const nodeRun of runsOf(nodes.nextNode)) {
		items += nodeRun.items.length;
		for (const item of nodeRun.items) {
			const entityId = item.json.entity_id;
			// the earliest run, whichever execution it belongs to
			if (typeof entityId === 'string') reachedAt.set(entityId, Math.min(reachedAt.get(entityId) ?? Infinity, nodeRun.startTime));
		}
	}

	// one entry per statement, in the same order in all three lists
	const detectedMs: number[] = [];
	const nextNodeMs: number[] = [];
	const processingMs: number[] = [];
	for (const statement of statements) {
		const entityId = statement.entity_id ?? '';
		if (statement.status !== 'completed' || !statement.completed_at) throw new Error(`statement ${statement.statement_id} ended ${statement.status}`);
		const completedAt = Date.parse(statement.completed_at);
		const detectedAt = lastReadOf.get(entityId);
		const reached = reachedAt.get(entityId);
		if (detectedAt === undefined) throw new Error(`entity ${entityId} was never read`);
		if (reached === undefined) throw new Error(`no item of entity ${entityId} reached "${nodes.nextNode}"`);
		detectedMs.push(detectedAt - completedAt);
		nextNodeMs.push(reached - completedAt);
		processingMs.push(completedAt - Date.parse(statement.uploaded_at));
	}
	const uploads = requests.filter((r) => r.method === 'POST' && r.path.endsWith('/v1/statement/upload/')).length;
	return {
		wallMs: Math.max(...reachedAt.values()) - upload.startTime,
		requests: requests.length,
		uploads,
		reads: requests.length - uploads,
		peakRequestsPerSecond: peakRate(requests.map((r) => Date.parse(r.time))),
		registrations: log.length - requests.length,
		detectedMs,
		nextNodeMs,
		processingMs,
		items,
	};
}
