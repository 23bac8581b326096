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
