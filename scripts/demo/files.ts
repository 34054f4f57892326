/** Writes node output items as JSON and CSV, and binary files as they are. */
import { mkdir, writeFile } from 'fs/promises';
import { join } from 'path';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

function csvCell(value: unknown): string {
	if (value === null || value === undefined) return '';
	const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
	return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows with the union of their keys as columns, in first-seen order. */
export function toCsv(rows: IDataObject[]): string {
	const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
	const lines = [columns.map(csvCell).join(','), ...rows.map((row) => columns.map((column) => csvCell(row[column])).join(','))];
	return `${lines.join('\n')}\n`;
}

/** `<name>.json` and `<name>.csv` of the items' json; returns the paths written. */
export async function writeItems(outDir: string, name: string, items: INodeExecutionData[]): Promise<string[]> {
	await mkdir(outDir, { recursive: true });
	const rows = items.map((item) => item.json);
	const jsonPath = join(outDir, `${name}.json`);
	const csvPath = join(outDir, `${name}.csv`);
	await writeFile(jsonPath, `${JSON.stringify(rows, null, 2)}\n`);
	await writeFile(csvPath, toCsv(rows));
	return [jsonPath, csvPath];
}

export async function writeBytes(outDir: string, fileName: string, bytes: Buffer): Promise<string> {
	await mkdir(outDir, { recursive: true });
	const path = join(outDir, fileName);
	await writeFile(path, bytes);
	return path;
}
