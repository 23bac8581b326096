import { getFramework } from '../frameworks';
import {
  DEFAULT_TITLE,
  documentAmounts,
  formatMoney,
  projectAmounts,
  unitAmounts,
  type JixiaoDocument,
  type RowAmounts,
} from '../model';
import { formatIndicatorRun } from './indicatorText';
import type { Layout, LayoutCell, LayoutOptions, LayoutSection } from './layout';
import { textUnits, unitWidthMm } from './measure';
import {
  a4Page,
  cell,
  columnsFor,
  headerRowsOf,
  label,
  markKeepTogether,
  resolveFonts,
  textWidthMm,
  type RowDraft,
} from './page';

/** 五号: the size budget-system exports use for landscape tables. */
const TABLE_SIZE_PT = 10.5;

/** Column headers of the published table, in order. */
export const DISCLOSURE_HEADERS = [
  '项目名称（资金使用单位）',
  '总计',
  '财政拨款',
  '财政专户拨款',
  '其他资金',
  '绩效目标',
  '绩效指标',
] as const;

/** Width of the name column; the money columns fit the longest amount, the text columns share the rest. */
const NAME_MM = 40;
const MONEY_MIN_MM = 19;
/** Share of the remaining width given to 绩效目标 (绩效指标 gets the rest: its run is longer). */
const GOAL_SHARE = 0.47;

/** Width a money column needs for its longest amount at the table's font size (bold allowed). */
function moneyColumnMm(texts: readonly string[], fontSizePt: number): number {
  const longest = Math.max(0, ...texts.map(textUnits));
  // 20 % for bold and for substitute fonts with wider digits than 仿宋 (Excel shows #### otherwise).
  return Math.max(MONEY_MIN_MM, Math.ceil(longest * unitWidthMm(fontSizePt) * 1.2 + 3.5));
}

/** Money as the official tables print it: `4,791.93`, blank for zero. */
export function moneyCell(amount: number, bold = false): LayoutCell {
  return cell(formatMoney(amount, { blankZero: true }), {
    kind: 'money',
    align: 'right',
    amount,
    bold,
  });
}

function amountCells(amounts: RowAmounts, bold = false): LayoutCell[] {
  return [amounts.total, amounts.fiscal, amounts.specialAccount, amounts.other].map((amount) =>
    moneyCell(amount, bold),
  );
}

/** A project row's amounts, aligned to the top. */
function topAmountCells(amounts: RowAmounts): LayoutCell[] {
  return [amounts.total, amounts.fiscal, amounts.specialAccount, amounts.other].map((amount) =>
    cell(formatMoney(amount, { blankZero: true }), {
      kind: 'money',
      align: 'right',
      amount,
      bold: false,
      verticalAlign: 'top',
    }),
  );
}

/** Options of a cell aligned to the top. */
const TOP = { verticalAlign: 'top' } as const;

/** The department line of the title block: `部门名称：…`. */
export function departmentLine(document: JixiaoDocument): string {
  return `部门名称：${document.department}`;
}

/** The unit line of the title block: `单位：万元`. */
export function unitLine(document: JixiaoDocument): string {
  return `单位：${document.moneyUnit}`;
}

/**
 * The disclosure table exactly as published (DOMAIN §3, §7): A4 landscape; title, 部门名称 and
 * 单位 repeated with the column header on every page; 合计, then each unit's subtotal row and
 * its project rows.
 */
export function disclosureLayout(document: JixiaoDocument, options: LayoutOptions = {}): Layout {
  const framework = getFramework(document.frameworkId);
  const page = a4Page('landscape', {
    top: 20,
    bottom: 18,
    left: 20,
    right: 20,
    header: 10,
    footer: 8,
  });
  const headerRows: RowDraft[] = [
    {
      role: 'header',
      cells: DISCLOSURE_HEADERS.map((text) => label(text, { bold: true })),
    },
  ];
  const bodyRows: RowDraft[] = [
    {
      role: 'total',
      cells: [
        label('合计', { bold: true }),
        ...amountCells(documentAmounts(document), true),
        cell(''),
        cell(''),
      ],
    },
  ];
  for (const unit of document.units) {
    bodyRows.push({
      role: 'unit',
      keepWithNext: unit.projects.length > 0,
      cells: [
        cell(unit.name, { bold: true }),
        ...amountCells(unitAmounts(unit), true),
        cell(''),
        cell(''),
      ],
    });
    for (const project of unit.projects) {
      // Project rows align to the top: a row split across pages then keeps its name and amounts
      // on the first page instead of centring them over the break.
      bodyRows.push({
        role: 'project',
        cells: [
          cell(project.name, TOP),
          ...topAmountCells(projectAmounts(project)),
          cell(project.goals.annual, TOP),
          cell(formatIndicatorRun(project.indicators, framework), TOP),
        ],
      });
    }
  }
  const moneyTexts = bodyRows.flatMap((row) =>
    row.cells.filter((item) => item.kind === 'money').map((item) => item.text),
  );
  const moneyMm = moneyColumnMm(moneyTexts, TABLE_SIZE_PT);
  const rest = textWidthMm(page) - NAME_MM - 4 * moneyMm;
  const columns = columnsFor(page, [
    ['name', NAME_MM],
    ['total', moneyMm],
    ['fiscal', moneyMm],
    ['specialAccount', moneyMm],
    ['other', moneyMm],
    ['goal', rest * GOAL_SHARE],
    ['indicators', rest * (1 - GOAL_SHARE)],
  ]);
  const section: LayoutSection = {
    id: 'disclosure',
    name: '绩效目标表',
    page,
    titleBlock: [
      { center: { text: document.title.trim() || DEFAULT_TITLE, font: 'title' } },
      {
        left: { text: departmentLine(document), font: 'unit' },
        right: { text: unitLine(document), font: 'unit' },
      },
    ],
    repeatTitleBlock: true,
    columns,
    headerRows: headerRowsOf(headerRows),
    bodyRows: markKeepTogether(bodyRows, columns, page, TABLE_SIZE_PT),
  };
  return {
    kind: 'disclosure',
    title: section.titleBlock[0]?.center?.text ?? DEFAULT_TITLE,
    fonts: resolveFonts(
      { title: 18, subtitle: 14, unit: 12, table: TABLE_SIZE_PT, pageNumber: 12 },
      options.fonts,
    ),
    pageNumbers: { format: '— {page} —', align: 'center' },
    sections: [section],
  };
}
