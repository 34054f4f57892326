import type { IDataObject } from 'n8n-workflow';

import { list, mustHold, number } from './answerShape';
import { mapWithConcurrency } from './concurrency';
import { apiRequest } from './request';
import type { RequestContext } from './request';

/** What a page must hold to be read: the total and its entries. */
const PAGE_PROBLEM = mustHold(number('count'), list('results'));

interface Page<Item> {
	count: number;
	next: string | null;
	results: Item[];
}

/**
 * Pages read at the same time after the first. Reading 500 pages in under 0.15 × the time of a
 * page-by-page loop needs ≥ ~7 in flight in theory; n8n opens a new connection per request, so in
 * practice 12 is the least that does it (bench/returnAllEntities.bench.ts), still a modest load.
 */
export const PAGINATION_CONCURRENCY = 12;

export interface PaginationOptions {
	/** Stop after this many items; undefined reads every page. */
	limit?: number;
	/** Pages fetched at the same time after the first. */
	concurrency?: number;
	itemIndex?: number;
}

/**
 * Reads a paginated list: page 1 tells the total, the remaining pages are fetched concurrently
 * (bounded, in order), and only the pages a Limit needs are fetched.
 */
export async function apiRequestAllItems<Item>(
	context: RequestContext,
	path: string,
	query: IDataObject,
	options: PaginationOptions = {},
): Promise<Item[]> {
	const { limit, concurrency = PAGINATION_CONCURRENCY, itemIndex } = options;
	const readPage = async (page: number) =>
		await apiRequest<Page<Item>>(context, {
			method: 'GET',
			path,
			query: { ...query, page },
			itemIndex,
			answerProblem: PAGE_PROBLEM,
		});
	const first = await readPage(1);
	const pageSize = first.results.length;
	const wanted = limit === undefined ? first.count : Math.min(limit, first.count);
	if (first.next === null || pageSize === 0 || pageSize >= wanted) {
		return first.results.slice(0, limit);
	}
	const lastPage = Math.ceil(wanted / pageSize);
	const laterPages = Array.from({ length: lastPage - 1 }, (_, index) => index + 2);
	const pages = await mapWithConcurrency(laterPages, concurrency, readPage);
	const items = [first, ...pages].flatMap((page) => page.results);
	return limit === undefined ? items : items.slice(0, limit);
}
