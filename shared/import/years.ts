/**
 * Years in the text of an imported table: `20XX年` as written, and the one year a text is clearly
 * about (the budget year when no title says it, DOMAIN.md §8: the seed writes 2025 throughout).
 */

const YEAR = String.raw`(?:19|20|21)\d{2}`;

/** Years written as `20XX年` in a text (titles, year lines). */
export function yearsIn(text: string): number[] {
  return [...text.matchAll(new RegExp(String.raw`(${YEAR})\s*年`, 'gu'))].map((match) =>
    Number(match[1]),
  );
}

export function plausibleYear(year: number): boolean {
  return Number.isInteger(year) && year >= 1990 && year <= 2200;
}

/**
 * The year a text is about when it says so clearly: the `20XX年` written most often, at least
 * twice and more often than all other years together. Null when the text is not clear.
 */
export function dominantYear(texts: readonly string[]): number | null {
  const counts = yearCounts(texts);
  const best = mostFrequent(counts);
  if (best === null) return null;
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  const count = counts.get(best) ?? 0;
  return count >= 2 && count * 2 > total ? best : null;
}

/** The `20XX年` written most often (the first of equals), or null: a hint for the clerk. */
export function mostFrequentYear(texts: readonly string[]): number | null {
  return mostFrequent(yearCounts(texts));
}

function yearCounts(texts: readonly string[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const text of texts)
    for (const year of yearsIn(text))
      if (plausibleYear(year)) counts.set(year, (counts.get(year) ?? 0) + 1);
  return counts;
}

function mostFrequent(counts: ReadonlyMap<number, number>): number | null {
  let best: number | null = null;
  for (const [year, count] of counts)
    if (best === null || count > (counts.get(best) ?? 0)) best = year;
  return best;
}
