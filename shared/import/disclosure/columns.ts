/** The seven columns of the disclosure table (DOMAIN.md §3) and how a header row names them. */

import type { Cents } from '../../model';
import type { AmountColumn, DisclosureColumn } from '../../model/columns';

export {
  AMOUNT_COLUMNS,
  COLUMN_LABELS,
  type AmountColumn,
  type DisclosureColumn,
} from '../../model/columns';

export type Column = DisclosureColumn;
export type ColumnMap = Partial<Record<Column, number>>;
export type Amounts = Record<AmountColumn, Cents | null>;

/** The column a header label names (`项目名称（资金使用单位）` → name), or null. */
export function headerColumn(label: string): DisclosureColumn | null {
  const key = label.replace(/[\s\u3000]/g, '');
  if (key.startsWith('项目名称')) return 'name';
  if (key === '总计') return 'total';
  if (key === '财政拨款') return 'fiscal';
  if (key.startsWith('财政专户')) return 'specialAccount';
  if (key === '其他资金') return 'other';
  if (key.includes('绩效目标')) return 'goal';
  if (key.includes('绩效指标')) return 'indicators';
  return null;
}

/** Identifies a header row by its labels and maps each column to its index. */
export function readHeader(cells: readonly string[]): ColumnMap | null {
  // Every header has a 总计 cell: a row without one (every body row, goals hundreds of
  // characters long) is passed over without normalising each of its cells.
  if (!cells.some((cell) => cell.includes('总') && cell.includes('计'))) return null;
  const labels = cells.map(headerColumn);
  const columns: ColumnMap = {};
  labels.forEach((column, index) => {
    if (column !== null && columns[column] === undefined) columns[column] = index;
  });
  return columns.name !== undefined && columns.total !== undefined && columns.fiscal !== undefined
    ? columns
    : null;
}
