/** The budget year of a disclosure table: the caller's, the title's, or the text's. */

import type { ImportReporter } from '../report';
import type { BodyRow } from './body';
import { dominantYear, mostFrequentYear, plausibleYear } from '../years';

export function firstDistinct<T>(
  values: readonly T[],
  reporter: ImportReporter,
  describe: (values: T[]) => string,
): T | undefined {
  const distinct = [...new Set(values)];
  if (distinct.length > 1) reporter.add('warning', describe(distinct));
  return distinct[0];
}

/**
 * The budget year: the caller's when given (it may come from the file name), else a year printed
 * in the title block, else the year the project names and goals clearly write (more often than all
 * other years together, e.g. the seed's 2025), reported for the clerk to confirm; else null. A
 * year that is only the most frequent of several is a hint, never the year: names often span
 * years (`2024年-2025年…运维项目`).
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
  if (textYear !== null) return textYear;
  const texts = rows.map((row) => `${row.name} ${row.goal}`);
  const clear = dominantYear(texts);
  if (clear !== null) {
    reporter.add(
      'warning',
      `标题中没有年度；项目名称和绩效目标中多处写的是 ${clear} 年，预算年度按 ${clear} 填写，请核对。`,
    );
    return clear;
  }
  const hint = mostFrequentYear(texts);
  const hintText = hint ? `（正文中最常出现的是 ${hint} 年）` : '';
  reporter.add('warning', `标题中没有年度，预算年度留空，请在文档信息中填写${hintText}。`);
  return null;
}
