import type { IBinaryData, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { binaryDataService } from './engine';

/** A file as a binary property of an item, stored in n8n's binary data store (filesystem mode), as a trigger would hand it on. */
export async function storedBinary(bytes: Buffer, fileName: string, mimeType: string): Promise<IBinaryData> {
	const service = await binaryDataService();
	return await service.store(
		{ type: 'execution', workflowId: 'test', executionId: '1' } as Parameters<typeof service.store>[0],
		bytes,
		{ mimeType, fileName, data: '' } as IBinaryData,
	);
}

/** An item carrying a PDF in a binary property (`data` by default) stored in n8n's binary data store. */
export async function fileItem(pdf: Buffer, fileName = 'statement.pdf', property = 'data'): Promise<INodeExecutionData> {
	return { json: { file: fileName }, binary: { [property]: await storedBinary(pdf, fileName, 'application/pdf') } };
}

/**
 * The item n8n's Form Trigger (v2.2) emits for a submitted form: each field under its label, a file
 * field as `{filename, mimetype, size}` with the file itself in the binary field named after the
 * label (non-word characters turned into `_`).
 */
export async function formSubmission(
	fields: IDataObject,
	files: Record<string, { bytes: Buffer; fileName: string; mimeType: string }>,
): Promise<INodeExecutionData> {
	const json: IDataObject = { ...fields };
	const binary: Record<string, IBinaryData> = {};
	for (const [label, file] of Object.entries(files)) {
		json[label] = { filename: file.fileName, mimetype: file.mimeType, size: file.bytes.length };
		binary[label.replace(/\W/g, '_')] = await storedBinary(file.bytes, file.fileName, file.mimeType);
	}
	json.submittedAt = '2026-11-02T10:15:00.000+05:30';
	json.formMode = 'production';
	return { json, binary };
}
