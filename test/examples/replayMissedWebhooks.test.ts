/**
 * examples/05-replay-missed-webhooks.json against the sandbox: the account's entity webhook points at
 * a receiver that is down, so BankConnect's deliveries fail; the hourly run reads the payloads kept
 * for the listed link IDs, keeps the completed ones of the last hour, gets each entity's salary and
 * the HubSpot stand-in (or the HTTP Request alternative) records one contact update per entity.
 */
import { createServer } from 'http';
import type { AddressInfo } from 'net';

import { composeStatement } from '../../sandbox/statements/compose';
import { readWorkflow } from '../harness/engine';
import type { WorkflowJson } from '../harness/engine';
import { advanceClock, listDeliveries, listRequests, sampleStatement } from '../harness/sandboxClient';
import { startSandboxProcess } from '../harness/sandboxProcess';
import type { SandboxProcess } from '../harness/sandboxProcess';
import { runExample } from './runExample';

const BANK = 'sbi';
const END = '2026-10-31';
const EXAMPLE = readWorkflow('examples/05-replay-missed-webhooks.json');
// The sandbox writes date_time in UTC on its own clock, which this test moves 3 hours ahead; a
// workflow in a zone 3 hours ahead of UTC reads "now" as the sandbox does (with a real account,
// set the workflow's time zone to the one BankConnect's date_time is in).
const CLOCK_AHEAD_HOURS = 3;
const workflow: WorkflowJson = { ...EXAMPLE, settings: { ...EXAMPLE.settings, timezone: `Etc/GMT-${CLOCK_AHEAD_HOURS}` } };
const HOUR_TICK = [{ json: { timestamp: '2026-11-02T10:00:00.000+05:30', Hour: '10' } }];

let sandbox: SandboxProcess;
let downUrl: string;
const entities: Record<'ashaOld' | 'asha' | 'ravi' | 'meera', string> = { ashaOld: '', asha: '', ravi: '', meera: '' };

function apiHeaders(): Record<string, string> {
	return { 'x-api-key': sandbox.apiKey, 'server-hash': sandbox.serverHash };
}

async function createEntity(linkId: string): Promise<string> {
	const response = await fetch(`${sandbox.baseUrl}/v1/entity/`, { method: 'POST', headers: apiHeaders(), body: new URLSearchParams({ link_id: linkId }) });
	expect(response.status).toBe(201);
	return ((await response.json()) as { entity_id: string }).entity_id;
}

async function uploadTo(entityId: string, seed: string): Promise<void> {
	const pdf = await sampleStatement(sandbox.origin, { bank: BANK, months: 3, seed, end: END });
	const form = new FormData();
	form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'statement.pdf');
	form.append('bank_name', BANK);
	form.append('entity_id', entityId);
	const response = await fetch(`${sandbox.baseUrl}/v1/statement/upload/`, { method: 'POST', headers: apiHeaders(), body: form });
	expect(response.status).toBe(200);
}

/** Waits until BankConnect has given up delivering `count` events to the receiver that is down. */
async function missedDeliveries(count: number): Promise<void> {
	for (let i = 0; i < 200; i += 1) {
		const attempts = (await listDeliveries(sandbox.origin)).filter((attempt) => attempt.url === downUrl);
		const events = new Set(attempts.map((attempt) => attempt.eventId));
		if (events.size >= count && attempts.filter((attempt) => attempt.attempt === 2).length >= count) {
			expect(attempts.every((attempt) => attempt.status === null && attempt.error !== null)).toBe(true);
			return;
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`fewer than ${count} missed deliveries`);
}

/** The payloads BankConnect keeps for a link ID, newest first, as [entity_id, progress]. */
async function keptPayloads(linkId: string): Promise<Array<[string, string]>> {
	const response = await fetch(`${sandbox.baseUrl}/v1/entity/webhook_payloads/?link_id=${encodeURIComponent(linkId)}`, { headers: apiHeaders() });
	const { payloads } = (await response.json()) as { payloads: Array<{ entity_id: string; progress: string }> };
	return payloads.map((payload) => [payload.entity_id, payload.progress]);
}

function salaryCreditsOf(seed: string) {
	return composeStatement({ bank: BANK, months: 3, seed, endDate: END }).lines.filter((line) => line.credit !== null && /SALARY/.test(line.narration));
}

beforeAll(async () => {
	sandbox = await startSandboxProcess(['--processing-ms', '200', '--webhook-attempts', '2', '--webhook-backoff-ms', '50']);
	const receiver = createServer();
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	downUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/bankconnect`;
	await new Promise<void>((resolve) => receiver.close(() => resolve()));
	const webhook = await fetch(`${sandbox.baseUrl}/v1/entity/update_webhook/`, {
		method: 'POST',
		headers: { ...apiHeaders(), 'content-type': 'application/json' },
		body: JSON.stringify({ webhook_url: downUrl, webhook_mode: 1 }),
	});
	expect(webhook.status).toBe(200);

	// an earlier application of Asha's, analysed more than an hour before the run
	entities.ashaOld = await createEntity('asha@example.com');
	await uploadTo(entities.ashaOld, 'asha-2025');
	await missedDeliveries(1);
	await advanceClock(sandbox.origin, CLOCK_AHEAD_HOURS * 3600_000);

	entities.asha = await createEntity('asha@example.com');
	await uploadTo(entities.asha, 'asha');
	entities.meera = await createEntity('meera@example.com');
	await uploadTo(entities.meera, 'meera');
	await missedDeliveries(3);
	await fetch(`${sandbox.origin}/__sandbox/processing-failures`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ count: 1 }) });
	entities.ravi = await createEntity('ravi@example.com');
	await uploadTo(entities.ravi, 'ravi');
	await missedDeliveries(4);
});

afterAll(async () => {
	await sandbox?.stop();
});

test('only the completed payloads of the last hour for the listed link IDs reach Salary, and HubSpot gets that applicant', async () => {
	const { run, recorder } = await runExample(sandbox.baseUrl, workflow, HOUR_TICK);

	const payloadReads = (await listRequests(sandbox.origin)).filter((request) => request.path.endsWith('/v1/entity/webhook_payloads/'));
	expect(payloadReads.map((request) => request.query.link_id)).toEqual(['asha@example.com', 'ravi@example.com']);
	expect(run.output('Get Missed Payloads').map((item) => [item.json.entity_id, item.json.link_id, item.json.progress])).toEqual([
		[entities.asha, 'asha@example.com', 'completed'],
	]);
	const credits = salaryCreditsOf('asha');
	expect(credits.length).toBeGreaterThan(0);
	const contacts = recorder.received('Update HubSpot Contact');
	expect(contacts).toHaveLength(1);
	expect(contacts[0].parameters).toMatchObject({
		resource: 'contact',
		operation: 'upsert',
		email: 'asha@example.com',
		additionalFields: {
			customPropertiesUi: {
				customPropertiesValues: [
					{ property: 'bankconnect_entity_id', value: entities.asha },
					{ property: 'bankconnect_salary_credits', value: credits.length },
					{ property: 'bankconnect_last_salary', value: credits[credits.length - 1].credit },
				],
			},
		},
	});
	expect(recorder.received('Send to Your CRM')).toEqual([]);

	// what was left out: Asha's earlier payload (too old) and Ravi's failed analysis
	expect(await keptPayloads('asha@example.com')).toEqual([
		[entities.asha, 'completed'],
		[entities.ashaOld, 'completed'],
	]);
	expect(await keptPayloads('ravi@example.com')).toEqual([[entities.ravi, 'failed']]);
});

test('the HTTP Request alternative, once enabled, posts the same applicant and salary as JSON', async () => {
	const { recorder } = await runExample(sandbox.baseUrl, workflow, HOUR_TICK, { enable: ['Send to Your CRM'] });
	const requests = recorder.received('Send to Your CRM');
	expect(requests).toHaveLength(1);
	expect(requests[0].parameters).toMatchObject({ method: 'POST', url: 'https://crm.example.com/api/applicants/salary', specifyBody: 'json' });
	const credits = salaryCreditsOf('asha');
	expect(JSON.parse(requests[0].parameters.jsonBody as string)).toEqual({
		applicant: 'asha@example.com',
		entity_id: entities.asha,
		salary_credits: credits.length,
		salary: credits.map((line) => ({ date: expect.stringContaining(line.date), amount: line.credit })),
	});
});
