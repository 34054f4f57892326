/** Submitting an n8n Form Trigger's form as a browser does: multipart fields `field-0`, `field-1`… in the form's order. */

/** A file chosen in a form's file field. */
export interface FormFile {
	bytes: Buffer;
	fileName: string;
	mimeType: string;
}

/** POSTs the form of an active workflow's Form Trigger (production URL `<n8n>/form/<webhookId>`); throws unless n8n accepts it. */
export async function submitForm(n8nUrl: string, webhookId: string, values: Array<string | FormFile>): Promise<void> {
	const form = new FormData();
	values.forEach((value, index) => {
		if (typeof value === 'string') form.append(`field-${index}`, value);
		else form.append(`field-${index}`, new Blob([new Uint8Array(value.bytes)], { type: value.mimeType }), value.fileName);
	});
	const response = await fetch(`${n8nUrl}/form/${webhookId}`, { method: 'POST', body: form });
	if (!response.ok) throw new Error(`the form ${webhookId} answered ${response.status}: ${await response.text()}`);
}
