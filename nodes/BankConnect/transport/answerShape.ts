/**
 * What the node reads from a successful answer, checked before it is read: a server answering 200
 * without it (a proxy's page, a changed or broken API) gets an error naming what is missing
 * (ApiRequest.answerProblem), not a JavaScript error or zero items that pass for success.
 */

type Kind = 'list' | 'object' | 'list or object' | 'text' | 'number';

export interface Content {
	/** e.g. ['transactions', 'credit_transactions'] */
	path: string[];
	kind: Kind;
	/** May be missing (or null); when there, it must be of its kind. */
	optional?: boolean;
}

export const list = (...path: string[]): Content => ({ path, kind: 'list' });
export const object = (...path: string[]): Content => ({ path, kind: 'object' });
export const listOrObject = (...path: string[]): Content => ({ path, kind: 'list or object' });
export const text = (...path: string[]): Content => ({ path, kind: 'text' });
export const number = (...path: string[]): Content => ({ path, kind: 'number' });
/** Content the answer may leave out, e.g. a recurring direction without sets. */
export const optional = (content: Content): Content => ({ ...content, optional: true });

const KIND_NAME: Record<Kind, string> = {
	list: 'a list',
	object: 'an object',
	'list or object': 'a list or an object',
	text: 'text',
	number: 'a number',
};

/** A JSON object: not null, not a list. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isKind(value: unknown, kind: Kind): boolean {
	if (kind === 'list') return Array.isArray(value);
	if (kind === 'object') return isJsonObject(value);
	if (kind === 'list or object') return Array.isArray(value) || isJsonObject(value);
	return typeof value === (kind === 'text' ? 'string' : 'number');
}

function valueAt(answer: unknown, path: string[]): unknown {
	return path.reduce<unknown>((at, key) => (isJsonObject(at) ? at[key] : undefined), answer);
}

/** What keeps a JSON object answer from holding `contents`, e.g. `no "statements"`; undefined when nothing does. */
export function missingContent(answer: unknown, contents: readonly Content[]): string | undefined {
	if (!isJsonObject(answer)) return 'a body that is not a JSON object';
	for (const { path, kind, optional: mayBeMissing } of contents) {
		const value = valueAt(answer, path);
		const name = `"${path.join('.')}"`;
		if (value === undefined || value === null) {
			if (mayBeMissing) continue;
			return `no ${name}`;
		}
		if (!isKind(value, kind)) return `${name} that is not ${KIND_NAME[kind]}`;
	}
	return undefined;
}

/** The check of an answer that must hold `contents`, for ApiRequest.answerProblem. */
export function mustHold(...contents: Content[]): (answer: unknown) => string | undefined {
	return (answer) => missingContent(answer, contents);
}

/** The check of an answer that must be a JSON list (e.g. net banking health). */
export function mustBeList(answer: unknown): string | undefined {
	return Array.isArray(answer) ? undefined : 'a body that is not a JSON list';
}
