import type { IHttpRequestOptions } from 'n8n-workflow';

import { buildDownloadError, buildUnusableLinkError } from './errors';
import type { RequestContext } from './request';
import { REQUEST_TIMEOUT_MS, headerValue, withRetries } from './request';

export interface DownloadedFile {
	data: Buffer;
	contentType: string | undefined;
}

/** The link as a URL to fetch, or undefined when it is not an absolute http(s) URL (e.g. `//host/x`). */
function linkUrl(link: string): string | undefined {
	if (!/^https?:\/\//i.test(link)) return undefined;
	try {
		return new URL(link).href;
	} catch {
		return undefined;
	}
}

/**
 * Downloads a report, PDF or File URL link. Links are signed URLs that need no credentials, so none
 * are sent, even to a link on the API's own host; redirects are followed, with nothing to carry.
 */
export async function downloadFile(
	context: RequestContext,
	link: string,
	what: string,
	itemIndex?: number,
): Promise<DownloadedFile> {
	const url = linkUrl(link);
	if (url === undefined) throw buildUnusableLinkError(context.getNode(), what, itemIndex);
	const options: IHttpRequestOptions = {
		method: 'GET',
		url,
		encoding: 'arraybuffer',
		json: false,
		timeout: REQUEST_TIMEOUT_MS,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	const response = await withRetries(context, { method: 'GET', itemIndex }, async () => await context.helpers.httpRequest(options));
	if (response.statusCode < 200 || response.statusCode >= 300) {
		throw buildDownloadError(context.getNode(), response.statusCode, what, itemIndex);
	}
	return {
		data: Buffer.from(response.body as ArrayBuffer),
		contentType: headerValue(response.headers, 'content-type'),
	};
}
