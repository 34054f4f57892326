import { createHash } from 'crypto';
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';

import { getEntityPdfs, getSessionPdfs } from '../../api';
import type { StatementPdf, StatementPdfList } from '../../api';
import { sourceDigest } from '../../helpers/uploadSource';
import type { UploadSource } from '../../helpers/uploadSource';
import { asNodeError, downloadFile } from '../../transport';
import { connectionFailureOf } from '../../transport/upload';
import type { ConnectionFailure } from '../../transport/upload';
import { sendUpload } from './sendUpload';
import type { UploadChoice, UploadRoute, UploadTarget } from './uploadRoute';

/** Reads the statements of a target; a new entity's id never arrived, so it cannot be checked. */
function pdfListOf(
	context: IExecuteFunctions,
	target: UploadTarget,
	itemIndex: number,
): (() => Promise<StatementPdfList>) | undefined {
	if (target.kind === 'entity') return async () => await getEntityPdfs(context, target.entityId, itemIndex);
	if (target.kind === 'session') return async () => await getSessionPdfs(context, target.sessionId, itemIndex);
	return undefined;
}

function targetIds(target: UploadTarget): JsonObject {
	if (target.kind === 'entity') return { entity_id: target.entityId };
	if (target.kind === 'session') return { session_id: target.sessionId };
	return {};
}

function outcomeUnknown(
	context: IExecuteFunctions,
	choice: UploadChoice,
	failure: ConnectionFailure,
	itemIndex: number,
	why: string,
): NodeApiError {
	// the network code stays out of the message: n8n replaces any message naming one with its generic text
	const message =
		'UPLOAD_OUTCOME_UNKNOWN: the connection to BankConnect dropped after the statement was sent; it may or may not have been stored';
	return new NodeApiError(
		context.getNode(),
		{ code: 'UPLOAD_OUTCOME_UNKNOWN', message, ...targetIds(choice.target) },
		{
			message,
			description: `Network error ${failure.code ?? 'without a code'}. ${why} Check the statements of the target (Entity → Get PDFs, or the session's upload status) before uploading this file again.`,
			itemIndex,
		},
	);
}

async function digestOf(context: IExecuteFunctions, source: UploadSource, itemIndex: number): Promise<string> {
	if (source.kind !== 'url') return await sourceDigest(source);
	const file = await downloadFile(context, source.url, 'the statement at the File URL', itemIndex);
	return createHash('sha256').update(file.data).digest('hex');
}

/** The stored statement whose PDF has these bytes, if any (each PDF link is downloaded and hashed). */
async function findStoredStatement(
	context: IExecuteFunctions,
	listPdfs: () => Promise<StatementPdfList>,
	digest: string,
	itemIndex: number,
): Promise<StatementPdf | undefined> {
	const { statements } = await listPdfs();
	for (const statement of statements) {
		if (!statement.pdf_url) continue;
		const file = await downloadFile(context, statement.pdf_url, `the PDF of statement ${statement.statement_id}`, itemIndex);
		if (createHash('sha256').update(file.data).digest('hex') === digest) return statement;
	}
	return undefined;
}

/**
 * Sends the upload once. When the connection fails after the body may have arrived, the statements
 * of the target are checked for this file: found → that statement is the result; not found → sent
 * once more; not checkable (new entity) or failing again → UPLOAD_OUTCOME_UNKNOWN. Never resent blindly.
 */
export async function recoverableUpload(
	context: IExecuteFunctions,
	route: UploadRoute,
	choice: UploadChoice,
	itemIndex: number,
): Promise<IDataObject> {
	try {
		return await sendUpload(context, route, choice.source, itemIndex);
	} catch (error) {
		const failure = connectionFailureOf(error);
		if (!failure?.mayHaveArrived) throw asNodeError(context.getNode(), error, itemIndex);
		const listPdfs = pdfListOf(context, choice.target, itemIndex);
		if (listPdfs === undefined) {
			throw outcomeUnknown(context, choice, failure, itemIndex, 'A new entity was requested and its entity_id never arrived, so the node cannot look for the file.');
		}
		const found = await findStoredStatement(context, listPdfs, await digestOf(context, choice.source, itemIndex), itemIndex);
		if (found) {
			return {
				...targetIds(choice.target),
				statement_id: found.statement_id,
				bank_name: found.bank_name,
				account_id: found.account_id,
				recovered_after_connection_failure: true,
			};
		}
		try {
			return await sendUpload(context, route, choice.source, itemIndex);
		} catch (retryError) {
			const second = connectionFailureOf(retryError);
			if (second?.mayHaveArrived) {
				throw outcomeUnknown(context, choice, second, itemIndex, 'The file was not stored after the first failure, and the one resend failed the same way.');
			}
			throw asNodeError(context.getNode(), retryError, itemIndex);
		}
	}
}
