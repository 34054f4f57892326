import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { multipartBody } from '../../helpers/multipart';
import type { UploadSource } from '../../helpers/uploadSource';
import { apiRequest } from '../../transport';
import { withUploadCode } from '../../transport/upload';
import type { ApiRequest } from '../../transport';
import type { UploadRoute } from './uploadRoute';

const PDF_MIME_TYPE = 'application/pdf';

/** One POST of the route: a streamed multipart body with the file part `file`, or form fields. Never retried here. */
export async function sendUpload(
	context: IExecuteFunctions,
	route: UploadRoute,
	source: UploadSource,
	itemIndex: number,
): Promise<IDataObject> {
	const request: ApiRequest = { method: 'POST', path: route.path, query: route.query, itemIndex };
	if (route.filePart && source.kind === 'file') {
		request.streamedMultipart = multipartBody(route.fields, {
			field: 'file',
			fileName: source.fileName,
			contentType: PDF_MIME_TYPE,
			size: source.size,
			open: source.open,
		});
	} else {
		request.form = route.fields;
	}
	try {
		return await apiRequest<IDataObject>(context, request);
	} catch (error) {
		throw withUploadCode(error, context.getNode());
	}
}
