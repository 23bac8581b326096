/**
 * Years on per-project forms: the 项目期 in any common form (`2年（2025–2026）`, `2019-2021`,
 * `2024年至2026年`, `2023.07-2024.01`, `202001-202012`, `2024年1月至12月`, `2021年度`) and the
 * budget year in titles (`（2025年度）`, `自治区本级部门2019年项目支出预算绩效目标表`).
 */

const YEAR = String.raw`(?:19|20|21)\d{2}`;
/** A year, alone or followed by a month (`2023.07`, `202001`, `2024年1月`). */
const YEAR_TOKEN = new RegExp(
  String.raw`(?<!\d)(${YEAR})(?:(?:0[1-9]|1[0-2])(?!\d)|[.．/-]\s*\d{1,2}(?!\d)|\s*年(?:\s*\d{1,2}\s*月)?|(?!\d))`,
  'gu',
);
const RANGE_SEPARATOR = /[-－—–~～至到]/u;

/** The start and end years of a 项目期, or null when the text names none. */
export function readPeriod(text: string): [number, number] | null {
  const compact = text.replace(/[\s\u3000]/g, '');
  const years = [...compact.matchAll(YEAR_TOKEN)].map((match) => Number(match[1]));
  const first = years[0];
  if (first === undefined) return null;
  const last = years.at(-1) ?? first;
  if (years.length === 1 || !RANGE_SEPARATOR.test(compact)) return [first, first];
  return last >= first ? [first, last] : null;
}

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
  const counts = new Map<number, number>();
  for (const text of texts)
    for (const year of yearsIn(text)) counts.set(year, (counts.get(year) ?? 0) + 1);
  let best: number | null = null;
  let total = 0;
  for (const [year, count] of counts) {
    total += count;
    if (best === null || count > (counts.get(best) ?? 0)) best = year;
  }
  if (best === null || !plausibleYear(best)) return null;
  const count = counts.get(best) ?? 0;
  return count >= 2 && count * 2 > total ? best : null;
}
