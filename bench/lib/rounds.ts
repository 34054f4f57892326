/** Sides of a comparison run in alternating order over rounds, so drift on a shared machine falls on every side. */

/** The order of the sides in round `round` (0-based): as given, then reversed, and so on. */
export function roundOrder<Side>(sides: readonly Side[], round: number): Side[] {
	return round % 2 === 0 ? [...sides] : [...sides].reverse();
}

/** Runs `measure` for every side in every round and returns each side's measurements, one per round. */
export async function alternatingRounds<Side extends string, Measurement>(
	sides: readonly Side[],
	rounds: number,
	measure: (side: Side, round: number) => Promise<Measurement>,
): Promise<Record<Side, Measurement[]>> {
	const results = Object.fromEntries(sides.map((side) => [side, [] as Measurement[]])) as Record<Side, Measurement[]>;
	for (let round = 0; round < rounds; round++) {
		for (const side of roundOrder(sides, round)) {
			process.stderr.write(`  round ${round + 1}/${rounds}: ${side}\n`);
			results[side].push(await measure(side, round));
		}
	}
	return results;
}
