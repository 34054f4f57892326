/**
 * Runs `task` over `inputs` with at most `limit` in flight; results keep the input order.
 * After a task fails no new task starts, and the first failure is what the caller sees.
 */
export async function mapWithConcurrency<Input, Output>(
	inputs: readonly Input[],
	limit: number,
	task: (input: Input, index: number) => Promise<Output>,
): Promise<Output[]> {
	const results = new Array<Output>(inputs.length);
	let next = 0;
	let stopped = false;
	const worker = async (): Promise<void> => {
		while (!stopped && next < inputs.length) {
			const index = next++;
			results[index] = await task(inputs[index], index);
		}
	};
	const workers = Array.from({ length: Math.min(Math.max(1, limit), inputs.length) }, async () =>
		await worker().catch(async (reason: unknown) => {
			stopped = true;
			return await Promise.reject(reason);
		}),
	);
	await Promise.all(workers);
	return results;
}
