import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getNetBankingHealth } from '../../api';
import { requireBank } from '../../helpers/validation';
import { fieldsFor } from '../operation';

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
		displayName: 'Only Banks That Are Down',
		name: 'onlyDown',
		type: 'boolean',
		default: false,
		description: 'Whether to output only banks whose net banking is down, e.g. for a scheduled alert',
	},
]);

/** The chosen banks: a list from the dropdown, or from an expression a list or a comma-separated text. */
function chosenBanks(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	if (typeof value === 'string') return value.split(',').filter((id) => id.trim() !== '');
	return value === undefined || value === null ? [] : [value];
}

/** Net banking health: one item per bank. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const chosen = chosenBanks(this.getNodeParameter('banks', itemIndex, []));
	const banks = new Set(chosen.map((bank) => requireBank(node, itemIndex, 'Bank Names or IDs', bank).toUpperCase()));
	const onlyDown = this.getNodeParameter('onlyDown', itemIndex) as boolean;

	const health = await getNetBankingHealth(this, itemIndex);
	return health
		.filter((entry) => banks.size === 0 || banks.has(entry.bank.toUpperCase()))
		.filter((entry) => !onlyDown || !entry.health_up)
		.map((entry) => ({ json: { ...entry } }));
}
