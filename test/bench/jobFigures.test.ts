import { jobFigures } from '../../bench/lib/jobFigures';
import type { AppRun, NodeRun } from '../../bench/lib/n8nApp';
import type { SandboxStatement, SeenRequest } from '../harness/sandboxClient';

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();

function execution(runs: Record<string, NodeRun[]>): AppRun {
	return { executionId: 'x', status: 'success', runsOf: (nodeName) => runs[nodeName] ?? [] };
}

function statement(id: string, entityId: string, uploadedMs: number, completedMs: number): SandboxStatement {
	return {
		statement_id: id,
		entity_id: entityId,
		session_id: null,
		account_id: `account-${id}`,
		bank: 'hdfc',
		sha256: '',
		status: 'completed',
		uploaded_at: at(uploadedMs),
		completed_at: at(completedMs),
	};
}

const request = (method: string, path: string, ms: number): SeenRequest => ({ method, path, query: {}, time: at(ms), status: 200 });

const nextStep = (startMs: number, entityIds: string[]): NodeRun => ({
	startTime: T0 + startMs,
	executionTime: 1,
	items: entityIds.map((entity_id) => ({ json: { entity_id } })),
});

/** A push-driven job: the upload workflow's run, then one webhook-started run per statement, listed in any order. */
describe('jobFigures over several executions', () => {
	const upload = execution({ 'Upload Statement': [{ startTime: T0, executionTime: 200, items: [] }] });
	const statements = [statement('s1', 'e1', 100, 5_000), statement('s2', 'e2', 150, 3_000)];
	const log = [
		request('POST', '/bank-connect/v1/entity/update_webhook/', -500),
		request('POST', '/bank-connect/v1/statement/upload/', 100),
		request('POST', '/bank-connect/v1/statement/upload/', 150),
		request('GET', '/bank-connect/v1/entity/e2/transactions/', 3_200),
		request('GET', '/bank-connect/v1/entity/e1/transactions/', 5_300),
	];

	it('takes each statement’s items from the earliest Next Step run of any execution, and leaves the registration out of the requests', () => {
		const figures = jobFigures(
			[
				upload,
				execution({ 'Next Step': [nextStep(5_600, ['e1'])] }),
				execution({ 'Next Step': [nextStep(5_400, ['e1', 'e1'])] }),
				execution({ 'Next Step': [nextStep(3_250, ['e2'])] }),
			],
			{ uploadNode: 'Upload Statement', nextNode: 'Next Step' },
			statements,
			log,
		);

		expect(figures).toMatchObject({
			wallMs: 5_400,
			requests: 4,
			uploads: 2,
			reads: 2,
			registrations: 1,
			detectedMs: [300, 200],
			nextNodeMs: [400, 250],
			processingMs: [4_900, 2_850],
			items: 4,
		});
	});

	it('names a statement whose items reached no execution’s Next Step', () => {
		expect(() =>
			jobFigures([upload, execution({ 'Next Step': [nextStep(3_250, ['e2'])] })], { uploadNode: 'Upload Statement', nextNode: 'Next Step' }, statements, log),
		).toThrow('no item of entity e1 reached "Next Step"');
	});
});
