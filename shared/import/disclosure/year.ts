/** The budget year of a disclosure table: the caller's, the title's, or the text's. */

import type { ImportReporter } from '../report';
import type { BodyRow } from './body';
import { plausibleYear } from './furniture';

export function firstDistinct<T>(
  values: readonly T[],
  reporter: ImportReporter,
  describe: (values: T[]) => string,
): T | undefined {
  const distinct = [...new Set(values)];
  if (distinct.length > 1) reporter.add('warning', describe(distinct));
  return distinct[0];
}

/** The most frequent `20XX年` in project names and goals: a hint, never used as the year. */
function yearHint(body: readonly BodyRow[]): number | null {
  const counts = new Map<number, number>();
  for (const row of body) {
    for (const match of `${row.name} ${row.goal}`.matchAll(/(20\d{2})\s*年/gu)) {
      const year = Number(match[1]);
      counts.set(year, (counts.get(year) ?? 0) + 1);
    }
  }
  let best: number | null = null;
  for (const [year, count] of counts)
    if (best === null || count > (counts.get(best) ?? 0)) best = year;
  return best;
}

/**
 * The budget year: the caller's when given (it may come from the file name), else a year printed
 * in the title block, else null with a hint. Years inside goals and project names are only a hint:
 * they often name other years (`2024年-2025年…运维项目`).
 */
export function resolveFiscalYear(
  years: readonly number[],
  given: number | null | undefined,
  rows: readonly BodyRow[],
  reporter: ImportReporter,
): number | null {
  const textYear =
    firstDistinct(
      years,
      reporter,
      (found) => `标题中的年度不一致：${found.join('、')}；采用第一个。`,
    ) ?? null;
  if (given === null) return null;
  if (given !== undefined) {
    if (Number.isInteger(given) && plausibleYear(given)) {
      if (textYear !== null && given !== textYear) {
        reporter.add(
          'warning',
          `指定的年度 ${given} 与标题中的年度 ${textYear} 不一致，采用指定的年度。`,
        );
      }
      return given;
    }
    reporter.add('warning', `指定的年度「${given}」无效，已忽略。`);
  }
  if (textYear === null) {
    const hint = yearHint(rows);
    const hintText = hint ? `（正文中最常出现的是 ${hint} 年）` : '';
    reporter.add('warning', `标题中没有年度，预算年度留空，请在文档信息中填写${hintText}。`);
  }
  return textYear;
}
