/** Unit rows and subtotals of a disclosure table: found by their sums, checked against them. */

import { formatMoney, sumMoney, type Cents } from '../../model';
import type { ImportReporter } from '../report';
import { AMOUNT_COLUMNS, COLUMN_LABELS, type AmountColumn, type Amounts } from './columns';
import { hasContent, type BodyRow } from './body';

export function zeroAmounts(): Record<AmountColumn, Cents> {
  return { total: 0, fiscal: 0, specialAccount: 0, other: 0 };
}

export function addAmounts(sum: Record<AmountColumn, Cents>, amounts: Amounts): void {
  for (const column of AMOUNT_COLUMNS) sum[column] = sumMoney([sum[column], amounts[column] ?? 0]);
}

function sameAmounts(row: Amounts, sum: Record<AmountColumn, Cents>): boolean {
  return AMOUNT_COLUMNS.every((column) => row[column] === sum[column]);
}

/** Names of institutions rather than projects: used when a unit row's subtotal is wrong. */
const INSTITUTION =
  /(?:学院|学校|大学|中学|小学|幼儿园|局|中心|委员会|办公室|医院|馆|研究院|研究所|站|队|处|社)$/u;
const PROJECT_WORD = /(?:项目|经费|补贴|补助|资金|费用|工程|购置|专项)/u;

/**
 * Marks unit rows: a row with empty 绩效目标 and 绩效指标 whose amounts equal the sum of the rows
 * after it, up to the next such row or the end, at least one of which has content (so a table of
 * bare amounts does not turn into units). A content-less row whose sum does not match is still a
 * unit when its name reads as an institution; its subtotal is then reported.
 */
export function findUnitRows(rows: readonly BodyRow[]): boolean[] {
  const empty = rows.map((row) => !hasContent(row));
  return rows.map((row, index) => {
    if (!empty[index]) return false;
    const sum = zeroAmounts();
    let negative = false;
    let projects = 0;
    for (let next = index + 1; next < rows.length; next += 1) {
      const amounts = (rows[next] as BodyRow).amounts;
      addAmounts(sum, amounts);
      negative ||= AMOUNT_COLUMNS.some((column) => (amounts[column] ?? 0) < 0);
      if (!empty[next]) projects += 1;
      const groupEnds = next + 1 === rows.length || empty[next + 1] === true;
      if (groupEnds && projects > 0 && sameAmounts(row.amounts, sum)) return true;
      // Without negative amounts the sum only grows: once past the subtotal it cannot match.
      if (!negative && sum.total > (row.amounts.total ?? 0)) break;
    }
    return index + 1 < rows.length && INSTITUTION.test(row.name) && !PROJECT_WORD.test(row.name);
  });
}

function describeAmounts(amounts: Record<AmountColumn, Cents>): string {
  return AMOUNT_COLUMNS.map(
    (column) => `${COLUMN_LABELS[column]} ${formatMoney(amounts[column])}`,
  ).join('，');
}

/** Adds a warning when a printed subtotal row differs from the sum of what it covers. */
export function compareSubtotal(
  reporter: ImportReporter,
  label: string,
  row: BodyRow,
  sum: Record<AmountColumn, Cents>,
): void {
  const differs = AMOUNT_COLUMNS.filter((column) => row.amounts[column] !== sum[column]);
  if (differs.length === 0) return;
  const printed = differs.map((column) => `${COLUMN_LABELS[column]}「${row.amountText[column]}」`);
  reporter.add(
    'warning',
    `${label}的${printed.join('、')}与所含项目之和不符（项目合计：${describeAmounts(sum)}）；金额以各项目为准。`,
    row.source,
  );
}
