/**
 * What the panels show a no-code user (issue 17, item 8): labels that fit, option descriptions in
 * words rather than code, product names spelled as their makers do, and fields shown only where
 * they change something.
 */
import { NodeHelpers } from 'n8n-workflow';
import type { INodeParameters, INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

import { BankConnectApi } from '../../../credentials/BankConnectApi.credentials';
import { BankConnect } from '../../../nodes/BankConnect/BankConnect.node';
import { BankConnectTrigger } from '../../../nodes/BankConnect/BankConnectTrigger.node';

const action = new BankConnect().description;
const trigger = new BankConnectTrigger().description;
const credential = new BankConnectApi();

/** Every field, nested ones included, with the path of collections it sits in. */
function fieldsOf(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => {
		const nested = property.type === 'collection' ? (property.options as INodeProperties[]) : [];
		const groups = property.type === 'fixedCollection' ? (property.options as Array<{ values: INodeProperties[] }>) : [];
		return [property, ...fieldsOf(nested), ...groups.flatMap((group) => fieldsOf(group.values))];
	});
}

const fields = [...fieldsOf(action.properties), ...fieldsOf(trigger.properties), ...fieldsOf(credential.properties)];

/** Texts a user reads in a panel: labels, descriptions, hints, option names and descriptions, actions. */
const texts: string[] = fields.flatMap((field) => [
	field.displayName,
	field.description ?? '',
	field.hint ?? '',
	...((field.type === 'options' || field.type === 'multiOptions' ? (field.options ?? []) : []) as INodePropertyOptions[]).flatMap((option) => [
		option.name,
		option.description ?? '',
		option.action ?? '',
	]),
]);

function shown(description: INodeTypeDescription, fieldName: string, parameters: INodeParameters): boolean {
	const candidates = description.properties.filter((property) => property.name === fieldName);
	const values = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, null, description) ?? {};
	return candidates.some((property) => NodeHelpers.displayParameter(values, property, { typeVersion: 1 }, description, values));
}

describe('panel texts', () => {
	test('every label fits the panel: n8n 2.41 cuts a switch’s label after about 26 characters', () => {
		// seen in the editor: "Register Webhook URL on Activat…", and in Options "Treat Already Requested as S…"
		const cut = fields.filter((field) => field.type === 'boolean' && field.displayName.length > 26).map((field) => field.displayName);
		expect(cut).toEqual([]);
		const long = fields.filter((field) => field.type !== 'notice' && field.displayName.length > 45).map((field) => field.displayName);
		expect(long).toEqual([]);
	});

	test('no text is in developer notation such as {entity_id, …}', () => {
		const code = texts.filter((text) => /\{\s*[a-z_]+\s*[,:}]/.test(text.replace(/\{\{[^}]*\}\}/g, '')));
		expect(code).toEqual([]);
	});

	test('product names are spelled as their makers do (Excel, not excel)', () => {
		expect(texts.filter((text) => /\bexcel\b|\bpdf\b(?!-)|\bBankconnect\b|\bgoogle sheets\b/.test(text))).toEqual([]);
	});

	test('every choice of Then says what it returns', () => {
		const then = action.properties.find((property) => property.name === 'then');
		const options = (then?.options ?? []) as INodePropertyOptions[];
		expect(options.length).toBeGreaterThan(5);
		expect(options.filter((option) => !option.description)).toEqual([]);
	});

	test('Include Identity is shown only where the upload response is returned', () => {
		const upload = { resource: 'statement', operation: 'upload' };
		expect(shown(action, 'identity', { ...upload, target: 'newEntity', then: 'none' })).toBe(true);
		expect(shown(action, 'identity', { ...upload, target: 'session' })).toBe(true);
		for (const then of ['transactions', 'excelReport', 'accounts']) {
			expect(shown(action, 'identity', { ...upload, target: 'entity', then })).toBe(false);
		}
	});
});
