// Runs pdfjs (ESM-only) in a worker thread: callers stay CommonJS (ts-jest, tsx) and the
// server's event loop stays free while a statement is parsed. Plain JS so no loader is needed.
import { parentPort } from 'node:worker_threads';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';

// pdfjs would load its parser lazily on the first document; load it with this thread instead.
globalThis.pdfjsWorker = pdfjsWorker;

/** Text items of every page with their positions; errors become {error: {name, code, message}}. */
async function extract(data, password) {
	const task = getDocument({
		data,
		password,
		verbosity: 0,
		isEvalSupported: false,
		disableFontFace: true,
		useSystemFonts: false,
		stopAtErrors: true,
	});
	try {
		const doc = await task.promise;
		const { info } = await doc.getMetadata();
		const pages = [];
		for (let n = 1; n <= doc.numPages; n++) {
			const page = await doc.getPage(n);
			const content = await page.getTextContent();
			pages.push(
				content.items
					.filter((item) => 'str' in item && item.str.trim() !== '')
					.map((item) => ({ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width })),
			);
			page.cleanup();
		}
		return {
			pageCount: doc.numPages,
			metadata: { author: info?.Author ?? null, creator: info?.Creator ?? null, producer: info?.Producer ?? null },
			pages,
		};
	} finally {
		await task.destroy();
	}
}

parentPort.on('message', async ({ id, data, password }) => {
	if (data === undefined) {
		parentPort.postMessage({ id, result: null });
		return;
	}
	try {
		parentPort.postMessage({ id, result: await extract(data, password) });
	} catch (error) {
		parentPort.postMessage({ id, error: { name: error?.name ?? 'Error', code: error?.code ?? null, message: String(error?.message ?? error) } });
	}
});
