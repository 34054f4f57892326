import type { INodePropertyOptions } from 'n8n-workflow';

/** `webhook_mode` of the entity flow: 0 net banking only (what BankConnect resets to), 1 manual uploads too. */
export const ENTITY_WEBHOOK_MODES: INodePropertyOptions[] = [
	{ name: 'Net Banking and Manual Uploads', value: 1 },
	{ name: 'Net Banking Only', value: 0 },
];

/** Link IDs typed in a field: comma- or newline-separated, blanks and repeats dropped. */
export function parseLinkIds(text: string): string[] {
	return [...new Set(text.split(/[\n,]/).map((id) => id.trim()).filter((id) => id !== ''))];
}
