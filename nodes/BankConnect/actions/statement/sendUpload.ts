import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { uploadStatement } from '../../api';
import type { UploadBody } from '../../api';
import { multipartBody } from '../../transport';
import type { UploadRoute } from './uploadRoute';
import type { UploadSource } from './uploadSource';

const PDF_MIME_TYPE = 'application/pdf';

/** One POST of the route: a streamed multipart body with the file part `file`, or form fields. Never retried here. */
export async function sendUpload(
	context: IExecuteFunctions,
	route: UploadRoute,
	source: UploadSource,
	itemIndex: number,
): Promise<IDataObject> {
	const body: UploadBody =
		route.filePart && source.kind === 'file'
			? {
					streamedMultipart: multipartBody(route.fields, {
						field: 'file',
						fileName: source.fileName,
						contentType: PDF_MIME_TYPE,
						size: source.size,
						open: source.open,
					}),
				}
			: { form: route.fields };
	return await uploadStatement(context, route.endpoint, route.query, body, itemIndex);
}
