import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';

import { getEntityPdfs, getSessionPdfs, recordWrite } from '../../api';
import type { StatementPdf, StatementPdfList } from '../../api';
import { CHECK_TARGET_STATEMENTS, asNodeError, buildOutcomeUnknownError, connectionFailureOf, downloadFile } from '../../transport';
import { sourceDigest } from './uploadSource';
import type { UploadSource } from './uploadSource';
import { sha256Hex } from './fileDigest';
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

async function digestOf(context: IExecuteFunctions, source: UploadSource, itemIndex: number): Promise<string> {
	if (source.kind !== 'url') return await sourceDigest(source);
	const file = await downloadFile(context, source.url, 'the statement at the File URL', itemIndex);
	return await sha256Hex(file.data);
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
		if ((await sha256Hex(file.data)) === digest) return statement;
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
			const why =
				'A new entity was requested and its entity_id never arrived, so the node cannot look for the file. Look for the new entity with Entity → Get Many before uploading this file again; with a Link ID (Upload To: New Entity) the node creates the entity first and looks for you.';
			throw buildOutcomeUnknownError(context.getNode(), targetIds(choice.target), failure, why, itemIndex);
		}
		const found = await findStoredStatement(context, listPdfs, await digestOf(context, choice.source, itemIndex), itemIndex);
		if (found) {
			const stored = {
				...targetIds(choice.target),
				statement_id: found.statement_id,
				bank_name: found.bank_name,
				account_id: found.account_id,
				recovered_after_connection_failure: true,
			};
			recordWrite(context, itemIndex, 'statement uploaded', stored);
			return stored;
		}
		try {
			return await sendUpload(context, route, choice.source, itemIndex);
		} catch (retryError) {
			const second = connectionFailureOf(retryError);
			if (second?.mayHaveArrived) {
				const why = `The file was not stored after the first failure, and the one resend failed the same way. ${CHECK_TARGET_STATEMENTS}`;
				throw buildOutcomeUnknownError(context.getNode(), targetIds(choice.target), second, why, itemIndex);
			}
			throw asNodeError(context.getNode(), retryError, itemIndex);
		}
	}
}
