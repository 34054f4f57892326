/**
 * The names a user sees in the node panels (fields, options, resources, operations, credential
 * fields), and where texts name them: the Title Case phrases of the nodes' messages and the bold
 * names of the README. Used by test/unit/messages/namedFields.test.ts.
 */
import { readFileSync, readdirSync } from 'fs';
import { join, relative } from 'path';
import * as ts from 'typescript';
import type { ICredentialType, INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

import { REPO_ROOT } from './repository';

type Described = INodeProperties | INodePropertyOptions | INodePropertyCollection;

function isProperty(entry: Described): entry is INodeProperties {
	return 'displayName' in entry && 'type' in entry;
}

/** Every display name under these properties: fields, their options, collection and fixedCollection entries. */
function namesUnder(entries: readonly Described[]): string[] {
	return entries.flatMap((entry) => {
		const own = 'displayName' in entry ? entry.displayName : entry.name;
		const nested = isProperty(entry) ? (entry.options ?? []) : 'values' in entry ? entry.values : [];
		return [own, ...namesUnder(nested as Described[])];
	});
}

/** Names shown in the panels of these nodes and credentials; a name ending in a unit, e.g. "Max Wait (Seconds)", also without it. */
export function panelNames(nodes: INodeTypeDescription[], credentials: ICredentialType[], extra: string[] = []): Set<string> {
	const names = [
		...nodes.flatMap((node) => [node.displayName, ...namesUnder(node.properties)]),
		...credentials.flatMap((credential) => [credential.displayName, ...namesUnder(credential.properties)]),
		...extra,
	];
	return new Set(names.flatMap((name) => [name, name.replace(/\s*\([^)]*\)$/, '')]).filter((name) => name !== ''));
}

/** Words that join names in a sentence ("set Bank to Known Bank") and may also sit inside one ("Bank Name or ID"). */
const CONNECTORS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'per', 'the', 'to', 'with']);
const JOINERS = new Set(['→', '/']);

interface Token {
	word: string;
	/** the token follows the start of the text or the end of a sentence */
	sentenceStart: boolean;
	/** a sentence or clause ends after it (a full stop, a comma…) */
	clauseEnd: boolean;
}

function bare(token: string): string {
	return token.replace(/^["“‘'*_`]+/, '').replace(/["”’'*_`,.;:!?]+$/, '');
}

function isCapitalised(word: string): boolean {
	return /^\(?[A-Z]/.test(word);
}

/** An acronym or code (PDF, URL, ACCESS_TOKEN, HMAC-SHA256, POSTs): part of names ("PDF Password") and of plain prose alike. */
function isAcronym(word: string): boolean {
	return /^\(?[A-Z][A-Z0-9_:-]+s?\)?$/.test(word);
}

function tokens(text: string): Token[] {
	const words = text.split(/\s+/).filter((word) => word !== '');
	return words.map((word, index) => ({
		word: bare(word),
		sentenceStart: index === 0 || /[.:;!?—]["”’)]*$/.test(words[index - 1]) || /^\(/.test(word),
		clauseEnd: /[,.;:!?)"”]$/.test(word),
	}));
}

/**
 * Title Case phrases: runs of capitalised words, possibly joined by connectors or arrows, starting and
 * ending with a capitalised word, with at least two capitalised words that are not acronyms (a single
 * capitalised word is too often the start of a sentence or a brand to be checked).
 */
export function titleCasePhrases(text: string): Token[][] {
	const all = tokens(text.replace(/\$\{[^}]*\}/g, ' § '));
	const runs: Token[][] = [];
	let run: Token[] = [];
	const close = () => {
		while (run.length > 0 && !isCapitalised(run[run.length - 1].word)) run.pop();
		if (run.filter((token) => isCapitalised(token.word) && !isAcronym(token.word)).length >= 2) runs.push(run);
		run = [];
	};
	for (const token of all) {
		const word = token.word;
		if (isCapitalised(word)) {
			run.push(token);
		} else if (run.length > 0 && (CONNECTORS.has(word) || JOINERS.has(word))) {
			run.push(token);
		} else {
			close();
		}
		if (token.clauseEnd) close();
	}
	close();
	return runs;
}

/**
 * Whether a phrase is made only of known names (or other allowed phrases) joined by connectors and
 * arrows; acronyms may stand alone, and a sentence's first word (a verb, "Set …") may be left over.
 */
export function isMadeOfNames(phrase: Token[], names: Set<string>): boolean {
	const words = phrase.map((token) => token.word.replace(/^\((?=[^)]*$)/, '').replace(/(?<=^[^(]*)\)$/, ''));
	const joins = (word: string) => CONNECTORS.has(word) || JOINERS.has(word);
	const coveredFrom = (from: number): boolean => {
		if (from === words.length) return true;
		if (from > 0 && joins(words[from]) && from + 1 < words.length && coveredFrom(from + 1)) return true;
		if (isAcronym(words[from]) && coveredFrom(from + 1)) return true;
		for (let to = words.length; to > from; to--) {
			if (names.has(words.slice(from, to).join(' ')) && coveredFrom(to)) return true;
		}
		return false;
	};
	if (coveredFrom(0)) return true;
	if (!phrase[0].sentenceStart) return false;
	// "Turn on Wait for Completion", "Raise Max Wait": the sentence's verb is not a name
	let rest = 1;
	while (rest < words.length && joins(words[rest])) rest++;
	if (words.slice(rest).filter((word) => isCapitalised(word) && !isAcronym(word)).length < 2) return true;
	return coveredFrom(rest);
}

/** The text of every string and template literal of the TypeScript files under these folders, with its file. */
export function sourceTexts(folders: string[]): Array<{ file: string; text: string }> {
	const files = folders.flatMap((folder) => tsFiles(join(REPO_ROOT, folder)));
	return files.flatMap((path) => {
		const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
		const texts: string[] = [];
		const visit = (node: ts.Node): void => {
			if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
			// a placeholder shows an example value ("e.g. Acme Pvt Ltd"), not a name of ours
			if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'placeholder') return;
			if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) texts.push(node.text);
			if (ts.isTemplateExpression(node)) {
				texts.push(node.head.text + node.templateSpans.map((span) => `\${…}${span.literal.text}`).join(''));
				node.templateSpans.forEach((span) => visit(span.expression));
				return;
			}
			ts.forEachChild(node, visit);
		};
		visit(source);
		return texts.map((text) => ({ file: relative(REPO_ROOT, path), text }));
	});
}

function tsFiles(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const path = join(folder, entry.name);
		if (entry.isDirectory()) return tsFiles(path);
		return entry.name.endsWith('.ts') ? [path] : [];
	});
}

/** The bold texts of a markdown file (`**…**`), each split at arrows and slashes into the names it chains. */
export function boldNames(markdown: string): string[][] {
	return [...markdown.matchAll(/\*\*([^*]+)\*\*/g)].map((match) =>
		match[1]
			.replace(/\s+/g, ' ')
			.trim()
			.replace(/[.:]$/, '')
			.split(/\s+(?:→|\/)\s+/)
			.map((part) => part.trim()),
	);
}
