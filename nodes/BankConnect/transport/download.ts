import { buildDownloadError } from './errors';
import type { RequestContext } from './request';
import { sendWithRetries } from './request';

export interface DownloadedFile {
	data: Buffer;
	contentType: string | undefined;
}

/** Downloads a report or PDF link. Links on other hosts get no credentials (see the credential's authenticate). */
export async function downloadFile(
	context: RequestContext,
	url: string,
	what: string,
	itemIndex?: number,
): Promise<DownloadedFile> {
	const response = await sendWithRetries(context, { method: 'GET', path: url, itemIndex }, 'arraybuffer');
	if (response.statusCode < 200 || response.statusCode >= 300) {
		throw buildDownloadError(context.getNode(), response.statusCode, what, itemIndex);
	}
	const contentType = response.headers['content-type'];
	return {
		data: Buffer.from(response.body as ArrayBuffer),
		contentType: Array.isArray(contentType) ? contentType[0] : contentType,
	};
}
