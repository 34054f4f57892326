import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getBankCatalogue, getNetBankingHealth } from '../../api';
import type { BankHealth } from '../../api';
import { requireBank } from '../../helpers/validation';
import { fieldsFor } from '../operation';
import { healthChanges, withTimeZone } from './healthChanges';
import type { DownBanks } from './healthChanges';

type Report = 'current' | 'newlyDown' | 'changes';

export const description: INodeProperties[] = fieldsFor('netBankingHealth', 'get', [
	{
		displayName: 'Bank Names or IDs',
		name: 'banks',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getBanks' },
		default: [],
		description:
			'Only these banks; none means every bank. A bank BankConnect does not report health for (no net banking) gives no item. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Report',
		name: 'report',
		type: 'options',
		options: [
			{ name: 'Current Health', value: 'current', description: 'Each bank as BankConnect reports it now' },
			{
				name: 'Newly Down and Back Up',
				value: 'changes',
				description: 'Banks that went down or came back up since the last run, each once',
			},
			{
				name: 'Only Newly Down',
				value: 'newlyDown',
				description: 'Banks that went down since the last run; a bank still down is not reported again',
			},
		],
		default: 'current',
		description: 'Everything, for a status page, or only what changed, for an alert that does not repeat itself',
	},
	{
		displayName: 'Only Banks That Are Down',
		name: 'onlyDown',
		type: 'boolean',
		default: false,
		description: 'Whether to output only banks whose net banking is down',
		displayOptions: { show: { report: ['current'] } },
	},
	{
		displayName:
			'The node remembers which banks were down when the active workflow last ran (the first run reports every bank that is down). A manual run compares with that but remembers nothing.',
		name: 'changesNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { report: ['newlyDown', 'changes'] } },
	},
]);

/** The chosen banks: a list from the dropdown, or from an expression a list or a comma-separated text. */
function chosenBanks(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	if (typeof value === 'string') return value.split(',').filter((id) => id.trim() !== '');
	return value === undefined || value === null ? [] : [value];
}

/** Full names by identifier (upper case), read once per run; without the catalogue the identifier stands in. */
const fullNamesOfRun = new WeakMap<IExecuteFunctions, Promise<Map<string, string>>>();

async function fullNames(context: IExecuteFunctions): Promise<Map<string, string>> {
	let names = fullNamesOfRun.get(context);
	if (!names) {
		names = getBankCatalogue(context).then(
			(catalogue) => new Map((catalogue.banks ?? []).map((bank) => [bank.name.toUpperCase(), bank.full_name])),
			// a full name is a courtesy: the health report must not fail for it, the identifier stands in
			() => new Map<string, string>(),
		);
		fullNamesOfRun.set(context, names);
	}
	return await names;
}

function healthItem(entry: BankHealth, names: Map<string, string>): IDataObject {
	return {
		bank: entry.bank,
		bank_name: names.get(entry.bank.toUpperCase()) ?? entry.bank,
		updated_at: withTimeZone(entry.updated_at),
		health_up: entry.health_up,
		issue_details: entry.issue_details,
	};
}

/** Net banking health: one item per bank, or per bank that went down or came back up since the last run. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const chosen = chosenBanks(this.getNodeParameter('banks', itemIndex, []));
	const banks = new Set(chosen.map((bank) => requireBank(node, itemIndex, 'Bank Names or IDs', bank).toUpperCase()));
	const report = this.getNodeParameter('report', itemIndex, 'current') as Report;
	const watched = (entry: BankHealth) => banks.size === 0 || banks.has(entry.bank.toUpperCase());

	const health = await getNetBankingHealth(this, itemIndex);
	if (report === 'current') {
		const onlyDown = this.getNodeParameter('onlyDown', itemIndex) as boolean;
		const shown = health.filter(watched).filter((entry) => !onlyDown || !entry.health_up);
		if (shown.length === 0) return [];
		const names = await fullNames(this);
		return shown.map((entry) => ({ json: healthItem(entry, names) }));
	}
	// every bank is remembered, not only the watched ones, so changing the list later reports no stale changes
	const memory = this.getWorkflowStaticData('node') as { netBankingDown?: DownBanks };
	const { changes, down } = healthChanges(memory.netBankingDown, health);
	memory.netBankingDown = down;
	const reported = changes.filter((change) => watched(change.entry) && (report === 'changes' || change.event === 'went down'));
	if (reported.length === 0) return [];
	const names = await fullNames(this);
	return reported.map(({ event, entry, downSince }) => ({ json: { event, ...healthItem(entry, names), down_since: downSince } }));
}
