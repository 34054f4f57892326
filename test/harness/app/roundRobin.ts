import { createServer, request } from 'http';
import type { AddressInfo } from 'net';

/** A load balancer in front of n8n's webhook processes: each request goes to the next target (targets may be added later). */
export interface RoundRobin {
	url: string;
	/** how many requests each target got */
	counts: number[];
	close(): Promise<void>;
}

export async function startRoundRobin(targets: string[]): Promise<RoundRobin> {
	const counts: number[] = [];
	let next = 0;
	const server = createServer((incoming, outgoing) => {
		const index = next++ % targets.length;
		counts[index] = (counts[index] ?? 0) + 1;
		const target = new URL(incoming.url ?? '/', targets[index]);
		const forward = request(target, { method: incoming.method, headers: { ...incoming.headers, host: target.host } }, (answer) => {
			outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(outgoing);
		});
		forward.once('error', () => {
			outgoing.statusCode = 502;
			outgoing.end();
		});
		incoming.pipe(forward);
	});
	await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		counts,
		close: async () => await new Promise<void>((resolveClose) => server.close(() => resolveClose())),
	};
}
