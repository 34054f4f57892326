import { createServer, type IncomingHttpHeaders, type Server } from 'http';
import type { AddressInfo } from 'net';

/** A webhook request the receiver got. */
export interface Received {
	headers: IncomingHttpHeaders;
	body: Record<string, unknown>;
	status: number;
}

/** A local webhook receiver that answers 500 to the first `failFirst` requests, then 200. */
export async function startReceiver(failFirst = 0): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
	const received: Received[] = [];
	const server: Server = createServer((req, res) => {
		let text = '';
		req.setEncoding('utf8');
		req.on('data', (chunk: string) => (text += chunk));
		req.on('end', () => {
			const status = received.length < failFirst ? 500 : 200;
			received.push({ headers: req.headers, body: JSON.parse(text), status });
			res.statusCode = status;
			res.end(status === 200 ? 'ok' : 'down');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
		received,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
