/**
 * The seven columns of the disclosure table (DOMAIN.md §3), in print order, and their headers:
 * one spelling for the importers that read the table, the writers that print it and the grid
 * that edits it.
 */

export const DISCLOSURE_COLUMNS = [
  'name',
  'total',
  'fiscal',
  'specialAccount',
  'other',
  'goal',
  'indicators',
] as const;

/** A column of the disclosure table. */
export type DisclosureColumn = (typeof DISCLOSURE_COLUMNS)[number];

/** The money columns, in the table's order. */
export const AMOUNT_COLUMNS = ['total', 'fiscal', 'specialAccount', 'other'] as const;
export type AmountColumn = (typeof AMOUNT_COLUMNS)[number];

/** The amounts a clerk types in; 总计 is their sum, never typed. */
export const TYPED_AMOUNT_COLUMNS = ['fiscal', 'specialAccount', 'other'] as const;

/** Each column's header as the published table prints it. */
export const COLUMN_LABELS: Readonly<Record<DisclosureColumn, string>> = {
  name: '项目名称（资金使用单位）',
  total: '总计',
  fiscal: '财政拨款',
  specialAccount: '财政专户拨款',
  other: '其他资金',
  goal: '绩效目标',
  indicators: '绩效指标',
};

/** The header row of the published table, in order. */
export const DISCLOSURE_HEADERS: readonly string[] = DISCLOSURE_COLUMNS.map(
  (column) => COLUMN_LABELS[column],
);
