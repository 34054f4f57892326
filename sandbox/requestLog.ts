/** One API request the sandbox answered. */
export interface SeenRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	time: string;
	status: number;
	/** sha256 of the uploaded statement file, when the request carried one */
	sha256?: string;
}

/** The log behind `GET /__sandbox/requests`. */
export class RequestLog {
	readonly entries: SeenRequest[] = [];

	add(entry: SeenRequest): void {
		this.entries.push(entry);
	}

	clear(): void {
		this.entries.length = 0;
	}
}
