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

/** Oldest entries are dropped past this, so a long benchmark cannot exhaust memory. */
const MAX_ENTRIES = 100_000;

/** The log behind `GET /__sandbox/requests`. */
export class RequestLog {
	readonly entries: SeenRequest[] = [];

	add(entry: SeenRequest): void {
		this.entries.push(entry);
		if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
	}

	clear(): void {
		this.entries.length = 0;
	}
}
