import type { IDataObject } from 'n8n-workflow';

import { apiRequest } from '../transport';
import type { ApiRequest, RequestContext } from '../transport';
import { recordWrite } from './runLedger';

/** The statement upload routes: by bank known or detected, file/URL or base64, entity or session. */
export type UploadEndpoint = 'upload' | 'upload_base64' | 'bankless_upload' | 'bankless_upload_base64' | 'upload_session';

/** The body of an upload: form fields, or a streamed multipart body with the file. */
export type UploadBody = Pick<ApiRequest, 'form' | 'streamedMultipart'>;

/** POST /v1/statement/<endpoint>/ once; an upload is never resent here (it could be stored twice). */
export async function uploadStatement(
	context: RequestContext,
	endpoint: UploadEndpoint,
	query: IDataObject | undefined,
	body: UploadBody,
	itemIndex?: number,
): Promise<IDataObject> {
	const stored = await apiRequest<IDataObject>(context, {
		method: 'POST',
		path: `/v1/statement/${endpoint}/`,
		query,
		...body,
		itemIndex,
	});
	recordWrite(context, itemIndex, 'statement uploaded', stored);
	return stored;
}
