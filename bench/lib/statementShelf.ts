/**
 * Where the whole-job workflows fetch their statements: `GET /statements` lists them (bank, url),
 * `GET /statements/<n>.pdf` serves each PDF from memory. A user's statements come from a form, a
 * mailbox or a drive; the shelf stands in for that, outside BankConnect and outside the timing.
 */
import { createServer } from 'http';
import type { AddressInfo } from 'net';

export interface ShelfStatement {
	bank: string;
	pdf: Buffer;
}

export interface StatementShelf {
	origin: string;
	close(): Promise<void>;
}

export async function startStatementShelf(statements: ShelfStatement[]): Promise<StatementShelf> {
	let origin = '';
	const server = createServer((request, response) => {
		const path = (request.url ?? '/').split('?')[0];
		if (path === '/statements') {
			const list = statements.map((statement, index) => ({ bank: statement.bank, url: `${origin}/statements/${index}.pdf` }));
			response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(list));
			return;
		}
		const match = /^\/statements\/(\d+)\.pdf$/.exec(path);
		const statement = match ? statements[Number(match[1])] : undefined;
		if (!statement) {
			response.writeHead(404).end();
			return;
		}
		response
			.writeHead(200, { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="statement-${match![1]}.pdf"` })
			.end(statement.pdf);
	});
	await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		origin,
		close: async () => await new Promise<void>((resolveClose) => server.close(() => resolveClose())),
	};
}
