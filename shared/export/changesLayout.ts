/**
 * 变动说明: the 与上年对比 of a document as one table for reviewers — one row per change, grouped
 * by project (单位 and 项目 merged over the project's rows). 变动原因 is left blank for the clerk
 * to write by hand or in Word/Excel: the model has no reason field, and a reason typed into an
 * export would be lost at the next export.
 */
import {
  CHANGE_KIND_LABELS,
  formatDifference,
  formatMoney,
  isExactMoney,
  type Cents,
  type JixiaoDocument,
  type YearChange,
  type YearComparison,
} from '../model';
import type { Layout, LayoutCell, LayoutOptions, LayoutSection } from './layout';
import { a4Page, columnsFor, resolveFonts } from './page';
import { cell, headerRowsOf, label, markKeepTogether } from './cells';
import type { RowDraft } from './cells';

const TABLE_SIZE_PT = 10;

/** The columns of the 变动说明, header and relative width. */
export const CHANGES_COLUMNS: ReadonlyArray<
  readonly [key: string, header: string, weight: number]
> = [
  ['unit', '单位', 18],
  ['project', '项目', 30],
  ['kind', '变动类型', 17],
  ['subject', '变动内容', 30],
  ['before', '上年', 44],
  ['after', '本年', 44],
  ['difference', '增减额', 18],
  ['rate', '增减率', 17],
  ['reason', '变动原因', 30],
];

/** Title of the 变动说明. */
export const CHANGES_TITLE = '项目支出绩效目标变动说明';

const TOP = { verticalAlign: 'top' } as const;

function yearText(year: number | null, fallback: string): string {
  return year === null ? fallback : `${year}年`;
}

/** `2026年与2025年对比`. */
export function comparisonHeading(comparison: YearComparison): string {
  return `（${yearText(comparison.toYear, '本年')}与${yearText(comparison.fromYear, '上年')}对比）`;
}

/** An amount cell; an amount beyond exact range prints as text, never a wrong number. */
function amountCell(cents: Cents, text: string): LayoutCell {
  if (!isExactMoney(cents)) return cell(formatMoney(cents), { ...TOP, align: 'right' });
  return cell(text, { kind: 'money', align: 'right', amount: cents, ...TOP });
}

/** 上年, 本年, 增减额, 增减率: amounts as numbers (Excel sums them), values as printed. */
function valueCells(change: YearChange): LayoutCell[] {
  const side = (amount: Cents | undefined, text: string) =>
    amount === undefined ? cell(text, TOP) : amountCell(amount, text);
  const { difference } = change;
  return [
    side(change.beforeAmount, change.before),
    side(change.afterAmount, change.after),
    difference === undefined ? cell('', TOP) : amountCell(difference, formatDifference(difference)),
    cell(change.rate ?? (difference === undefined ? '' : '—'), { ...TOP, align: 'right' }),
  ];
}

/**
 * The 变动说明 of a comparison (one sheet, landscape): title, the years compared, 部门名称 and the
 * money unit, then one row per change in the comparison's order.
 */
export function changesLayout(
  comparison: YearComparison,
  document: Pick<JixiaoDocument, 'department'>,
  options: LayoutOptions = {},
): Layout {
  const page = a4Page('landscape', {
    top: 15,
    bottom: 15,
    left: 12,
    right: 12,
    header: 8,
    footer: 8,
  });
  const columns = columnsFor(
    page,
    CHANGES_COLUMNS.map(([key, , weight]) => [key, weight] as const),
  );
  const rows: RowDraft[] = [];
  for (const project of comparison.projects) {
    const span = project.changes.length;
    const name = project.previousName
      ? `${project.project}\n（上年：${project.previousName}）`
      : project.project;
    project.changes.forEach((change, index) => {
      rows.push({
        role: 'indicator',
        cells: [
          ...(index === 0
            ? [cell(project.unit, { ...TOP, rowSpan: span }), cell(name, { ...TOP, rowSpan: span })]
            : []),
          cell(CHANGE_KIND_LABELS[change.kind], { ...TOP, align: 'center' }),
          cell(change.subject, TOP),
          ...valueCells(change),
          cell('', TOP),
        ],
      });
    });
  }
  if (rows.length === 0) {
    rows.push({
      role: 'empty',
      cells: [cell('与上年相比，项目、金额、目标和指标都没有变动。', { colSpan: columns.length })],
    });
  }
  const section: LayoutSection = {
    id: 'changes',
    name: '变动说明',
    page,
    titleBlock: [
      { center: { text: CHANGES_TITLE, font: 'title' } },
      { center: { text: comparisonHeading(comparison), font: 'subtitle' } },
      {
        left: { text: `部门名称：${document.department}`, font: 'unit' },
        right: { text: `单位：${comparison.moneyUnit}`, font: 'unit' },
      },
    ],
    repeatTitleBlock: true,
    columns,
    headerRows: headerRowsOf([
      {
        role: 'header',
        cells: CHANGES_COLUMNS.map(([, header]) => label(header, { bold: true })),
      },
    ]),
    bodyRows: markKeepTogether(rows, columns, page, TABLE_SIZE_PT),
  };
  return {
    kind: 'changes',
    title: CHANGES_TITLE,
    fonts: resolveFonts(
      { title: 16, subtitle: 12, unit: 11, table: TABLE_SIZE_PT, pageNumber: 14 },
      options.fonts,
    ),
    pageNumbers: { format: '— {page} —', align: 'outside' },
    sections: [section],
  };
}
