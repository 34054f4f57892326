import type { IWebhookFunctions } from 'n8n-workflow';

/** Answers the delivery at once (status + small JSON body); n8n is then told not to answer again. */
export function respond(context: IWebhookFunctions, statusCode: number, body: Record<string, unknown>): void {
	const response = context.getResponseObject();
	response.statusCode = statusCode;
	response.setHeader('Content-Type', 'application/json; charset=utf-8');
	response.end(JSON.stringify(body));
}
