/**
 * The webhook secret moved from the node to the credential. Workflows saved with it in the node
 * keep it: the old field shows (marked deprecated) only while it holds a value, so the editor
 * neither offers it to new nodes nor drops a saved value when the workflow is saved again.
 */
import { NodeHelpers } from 'n8n-workflow';
import type { INode, INodeParameters } from 'n8n-workflow';

import { BankConnectTrigger } from '../../../nodes/BankConnect/BankConnectTrigger.node';

const description = new BankConnectTrigger().description;
const { properties } = description;
const node = { typeVersion: 1, type: 'n8n-nodes-bankconnect.bankConnectTrigger', parameters: {} } as unknown as INode;

/** The fields the editor shows for these saved parameters (with the defaults filled in, as the editor does). */
function shown(saved: INodeParameters): string[] {
	const values = NodeHelpers.getNodeParameters(properties, saved, true, false, node, description) ?? {};
	return properties.filter((property) => NodeHelpers.displayParameter(values, property, node, description)).map((property) => property.name);
}

/** What the editor saves: the values that differ from the defaults, of the fields shown. */
function saved(parameters: INodeParameters): INodeParameters {
	return NodeHelpers.getNodeParameters(properties, parameters, false, false, node, description) ?? {};
}

test('a new node shows the notice to set the secret in the credential, and no secret field', () => {
	const fields = shown({});
	expect(fields).toContain('secretNotice');
	expect(fields).not.toContain('secret');
	expect(fields).not.toContain('deprecatedSecretNotice');
	expect(saved({})).not.toHaveProperty('secret');
});

test('a node saved with a secret shows it as deprecated, with a notice to move it, and saving keeps it', () => {
	const fields = shown({ secret: 'whsec-old' });
	expect(fields).toEqual(expect.arrayContaining(['secret', 'deprecatedSecretNotice']));
	expect(fields).not.toContain('secretNotice');
	expect(properties.find((property) => property.name === 'secret')?.displayName).toBe('Secret (Deprecated)');
	expect(saved({ secret: 'whsec-old' })).toMatchObject({ secret: 'whsec-old' });
});

test('clearing the old field hides it for good', () => {
	expect(shown({ secret: '' })).not.toContain('secret');
	expect(saved({ secret: '' })).not.toHaveProperty('secret');
});
