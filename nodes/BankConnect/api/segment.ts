/** An id as one path segment: escaped, so `/`, `?` or `#` in it cannot change which endpoint is called. */
export function segment(id: string): string {
	return encodeURIComponent(id);
}
