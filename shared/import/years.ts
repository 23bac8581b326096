/**
 * Years in the text of an imported table: `20XX年` as written, and the one year a text is clearly
 * about (the budget year when no title says it, DOMAIN.md §8: the seed writes 2025 throughout).
 */

const YEAR = String.raw`(?:19|20|21)\d{2}`;

/** `20XX年`; one expression for every text (an import asks of every name and goal). */
const YEAR_MARK = new RegExp(String.raw`(${YEAR})\s*年`, 'gu');

/** Years written as `20XX年` in a text (titles, year lines). */
export function yearsIn(text: string): number[] {
  const years: number[] = [];
  if (!text.includes('年')) return years;
  YEAR_MARK.lastIndex = 0;
  for (let match = YEAR_MARK.exec(text); match; match = YEAR_MARK.exec(text))
    years.push(Number(match[1]));
  return years;
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
