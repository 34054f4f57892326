import type { IDataObject } from 'n8n-workflow';

import type { UploadEndpoint } from '../../api';
import type { UploadSource } from './uploadSource';

/** Where the statement goes: a new entity, an existing one, or a session. */
export type UploadTarget =
	| { kind: 'newEntity' }
	| { kind: 'entity'; entityId: string }
	| { kind: 'session'; sessionId: string };

/** One upload request of the contract: endpoint, query and exactly the form fields it lists. */
export interface UploadRoute {
	endpoint: UploadEndpoint;
	query: IDataObject | undefined;
	/** Text form fields; undefined values are not sent. */
	fields: Record<string, string | undefined>;
	/** True: multipart with the file as part `file`; false: x-www-form-urlencoded. */
	filePart: boolean;
}

export interface UploadChoice {
	source: UploadSource;
	/** A bank identifier, or null to let BankConnect detect the bank. */
	bank: string | null;
	target: UploadTarget;
	pdfPassword: string | undefined;
	identity: boolean;
}

/** The statement itself as a text field: base64 content or a URL; nothing for a file part. */
function statementField(source: UploadSource): Record<string, string | undefined> {
	if (source.kind === 'base64') return { file: source.base64 };
	if (source.kind === 'url') return { file_url: source.url };
	return {};
}

function entityEndpoint(source: UploadSource, bankKnown: boolean): UploadEndpoint {
	if (source.kind === 'base64') return bankKnown ? 'upload_base64' : 'bankless_upload_base64';
	return bankKnown ? 'upload' : 'bankless_upload';
}

/** Picks the route from source × bank × target (docs/bankconnect-api.md, "Uploading a statement" and "Uploading to a session"). */
export function uploadRoute(choice: UploadChoice): UploadRoute {
	const { source, bank, target, pdfPassword, identity } = choice;
	const query = identity ? { identity: 'true' } : undefined;
	const filePart = source.kind === 'file';
	if (target.kind === 'session') {
		return {
			endpoint: 'upload_session',
			query,
			fields: {
				session_id: target.sessionId,
				upload_type: source.kind === 'base64' ? 'BASE64' : 'PDF',
				bank_name: bank ?? undefined,
				pdf_password: pdfPassword,
				...statementField(source),
			},
			filePart,
		};
	}
	return {
		endpoint: entityEndpoint(source, bank !== null),
		query,
		fields: {
			bank_name: bank ?? undefined,
			entity_id: target.kind === 'entity' ? target.entityId : undefined,
			pdf_password: pdfPassword,
			...statementField(source),
		},
		filePart,
	};
}
