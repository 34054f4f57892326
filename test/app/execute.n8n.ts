import { startSandboxProcess } from '../harness/sandboxProcess';
import type { SandboxProcess } from '../harness/sandboxProcess';
import { createInstance, executeWorkflow, importCredential, importWorkflow, nodeOutput } from '../harness/app/instance';
import { manualWorkflow } from '../harness/app/workflows';

/** The package installed into the real n8n 2.41.1 and run headless with `n8n execute` against the sandbox. */
describe('n8n execute, the package installed as a community package', () => {
	let sandbox: SandboxProcess;
	let instance: ReturnType<typeof createInstance>;

	beforeAll(async () => {
		sandbox = await startSandboxProcess();
		instance = createInstance();
		await importCredential(instance, sandbox);
		await importWorkflow(instance, 'HealthOfTwoBanks', manualWorkflow('Health of two banks', { resource: 'netBankingHealth', operation: 'get', banks: ['hdfc', 'sbi'] }));
		await importWorkflow(instance, 'HealthOnlyDown01', manualWorkflow('Banks that are down', { resource: 'netBankingHealth', operation: 'get', onlyDown: true }));
	});

	afterAll(async () => {
		await sandbox?.stop();
		instance?.remove();
	});

	it('reads the net-banking health of the chosen banks', async () => {
		const { code, run } = await executeWorkflow(instance, 'HealthOfTwoBanks');

		expect(code).toBe(0);
		expect(run.status).toBe('success');
		const minute = expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:00 UTC$/);
		expect(nodeOutput(run, 'BankConnect')).toEqual([
			{ bank: 'HDFC', bank_name: 'HDFC Bank', updated_at: minute, health_up: false, issue_details: 'Some cases are failing, when users are entering wrong captcha' },
			{ bank: 'SBI', bank_name: 'State Bank of India', updated_at: minute, health_up: true, issue_details: null },
		]);
	});

	it('outputs only the banks that are down', async () => {
		const { run } = await executeWorkflow(instance, 'HealthOnlyDown01');

		// in the order BankConnect lists them (the sandbox: its catalogue's)
		expect(nodeOutput(run, 'BankConnect').map(({ bank, health_up, issue_details }) => ({ bank, health_up, issue_details }))).toEqual([
			{ bank: 'CENTRAL', health_up: false, issue_details: 'Bank website is down for scheduled maintenance' },
			{ bank: 'HDFC', health_up: false, issue_details: 'Some cases are failing, when users are entering wrong captcha' },
			{ bank: 'UCO', health_up: false, issue_details: 'OTP is not being delivered to registered mobile numbers' },
		]);
	});
});
