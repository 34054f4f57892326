/**
 * Every field or option a message or the README names exists in the panels (issue 17, item 5): the
 * Title Case phrases of the nodes' texts (errors, next steps, hints, notices, descriptions) and the
 * bold names of the README must be made of the display names of the nodes and the credential.
 */
import { readFileSync } from 'fs';
import { join } from 'path';

import { BankConnectApi } from '../../../credentials/BankConnectApi.credentials';
import { BankConnect } from '../../../nodes/BankConnect/BankConnect.node';
import { BankConnectTrigger } from '../../../nodes/BankConnect/BankConnectTrigger.node';
import { outputNames as waitForAnalysisOutputs } from '../../../nodes/BankConnect/actions/analysis/waitForAnalysis.operation';
import { BUILT_IN_BANKS } from '../../../nodes/BankConnect/helpers/bankList';
import { REPO_ROOT } from '../../harness/repository';
import { boldNames, isMadeOfNames, panelNames, sourceTexts, titleCasePhrases } from '../../harness/uiNames';

/** Names a text may use that are not fields of ours: n8n's own screens and settings, services, products. */
const NOT_OURS = [
	// n8n
	'n8n', 'Settings', 'Execute Once', 'On Error', 'Continue', 'Workflow', 'Workflows', 'Import from File', 'Community Nodes',
	'Install', 'Test', 'HTTP Request', 'Listen for test event', 'Code', 'Webhook node',
	// services and products
	'BankConnect', 'FinBox', 'FinBox BankConnect', 'FinBox support', 'Google Sheets', 'Google Drive', 'Account Aggregator',
];

const names = panelNames(
	[new BankConnect().description, new BankConnectTrigger().description],
	[new BankConnectApi()],
	// the outputs a routing operation draws on the canvas are names the user sees too
	[...NOT_OURS, ...waitForAnalysisOutputs, ...BUILT_IN_BANKS.map(([, fullName]) => fullName)],
);

/** README emphasis that is not a name. */
const README_EMPHASIS = new Set([
	'n8n 2.x', 'Waiting', 'Fraud flags', 'Errors', 'Next step', 'one item per record', 'one webhook URL per flow', 'Sessions',
]);

function phraseText(phrase: Array<{ word: string }>): string {
	return phrase.map((token) => token.word).join(' ');
}

describe('names in texts', () => {
	test('the checker knows the panels and catches a name that does not exist', () => {
		expect(names.has('Accept Already Requested')).toBe(true);
		expect(names.has('Max Wait')).toBe(true);
		const check = (text: string) => titleCasePhrases(text).filter((phrase) => !isMadeOfNames(phrase, names)).map(phraseText);
		expect(check('nothing to do: turn on Already Requested Is Success to get an item')).toEqual(['Already Requested Is Success']);
		expect(check('set Bank to Known Bank and choose the bank')).toEqual([]);
		expect(check('Turn on Wait for Completion, or run the node again later.')).toEqual([]);
		expect(check('wait: turn on Process and Wait, or Session → Get Progress with Wait for Completion')).toEqual([]);
		expect(check('the Target field')).toEqual([]);
		expect(check('check Entity → Get Manny by Link ID')).toEqual(['Entity → Get Manny by Link ID']);
	});

	test('every Title Case phrase of the nodes’ and the credential’s texts is made of panel names', () => {
		const unknown = sourceTexts(['nodes', 'credentials']).flatMap(({ file, text }) =>
			// a name is fine as it is, commas and all ("One Item per Account, Lists as Text")
			(names.has(text) ? [] : titleCasePhrases(text))
				.filter((phrase) => !isMadeOfNames(phrase, names))
				.map((phrase) => `${file}: "${phraseText(phrase)}" in "${text}"`),
		);
		expect(unknown).toEqual([]);
	});

	test('every bold name of the README is a panel name (a "Get A / B" list shares its verb)', () => {
		const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
		const unknown = boldNames(readme).flatMap((chain) => {
			if (chain.length === 1 && README_EMPHASIS.has(chain[0])) return [];
			const verb = chain[0].split(' ')[0];
			return chain.filter((name) => !names.has(name) && !names.has(`${verb} ${name}`)).map((name) => `**${chain.join(' → ')}**: ${name}`);
		});
		expect(unknown).toEqual([]);
	});

	test('every Title Case phrase of the README’s tables (the troubleshooting advice) is made of panel names', () => {
		const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
		const advice = readme
			.split('\n')
			.filter((line) => /^\| `/.test(line))
			.map((line) => line.split('|').slice(-2, -1)[0].trim());
		expect(advice.length).toBeGreaterThan(40);
		const unknown = advice.flatMap((text) => titleCasePhrases(text).filter((phrase) => !isMadeOfNames(phrase, names)).map((phrase) => `"${phraseText(phrase)}" in "${text}"`));
		expect(unknown).toEqual([]);
	});
});
