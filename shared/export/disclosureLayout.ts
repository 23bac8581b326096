import { getFramework } from '../frameworks';
import {
  AMOUNT_COLUMNS,
  COLUMN_LABELS,
  DEFAULT_TITLE,
  DISCLOSURE_HEADERS,
  documentAmounts,
  formatMoney,
  projectAmounts,
  unitAmounts,
  type JixiaoDocument,
  type RowAmounts,
} from '../model';
import { formatIndicatorRun } from './indicatorText';
import type { Layout, LayoutCell, LayoutOptions, LayoutSection, TitleLine } from './layout';
import { textUnits, unitWidthMm } from './measure';
import { a4Page, columnsFor, resolveFonts, textWidthMm } from './page';
import { cell, headerRowsOf, label, markKeepTogether, type RowDraft } from './cells';

/** 五号: the size budget-system exports use for landscape tables (and never below 10 pt). */
const TABLE_SIZE_PT = 10;

/** Width of the name column; the money columns fit the longest amount, the text columns share the rest. */
const NAME_MM = 28;
/** Share of the remaining width given to 绩效目标 (绩效指标 gets the rest: its run is longer). */
const GOAL_SHARE = 0.4;
/**
 * Rows needing up to this share of a page's text height move whole to the next page; taller rows
 * split, so a long project does not leave most of a page blank before it (issue: paper).
 */
const KEEP_TOGETHER_SHARE = 0.25;

/**
 * Width a money column needs: its longest amount on one line (8 % for bold and for substitute
 * fonts with wider digits than 仿宋, Excel shows #### otherwise) and its header on two lines.
 * A loop, not `Math.max(...texts)`: a spread of 100,000 amounts overflows the stack.
 */
export function moneyColumnMm(
  header: string,
  texts: readonly string[],
  fontSizePt: number,
): number {
  let longest = 0;
  for (const text of texts) {
    const units = textUnits(text);
    if (units > longest) longest = units;
  }
  const unit = unitWidthMm(fontSizePt);
  const amountMm = longest * unit * 1.08 + 3;
  // Two header lines of whole characters, inside Word's 1.5 mm cell margins.
  const headerMm = (Math.ceil(textUnits(header) / 4) * 2 * unit) / 0.96 + 4;
  return Math.ceil(Math.max(amountMm, headerMm) * 2) / 2;
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

/** Where each numbered sentence of an indicator run starts (`2、1-产出指标；…`). */
const SENTENCE_START = /。(?=\d+、)/g;

/** The 绩效指标 cell: a spreadsheet row too tall for Excel may be cut only between sentences. */
function indicatorRunCell(run: string): LayoutCell {
  const breaks: number[] = [];
  for (const match of run.matchAll(SENTENCE_START)) breaks.push(match.index + 1);
  return cell(run, { ...TOP, breaks });
}

/** `（2025年度）` under the title when the document's year is known. */
export function yearLine(document: JixiaoDocument): TitleLine[] {
  return document.fiscalYear === null
    ? []
    : [{ center: { text: `（${document.fiscalYear}年度）`, font: 'subtitle' } }];
}

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
    top: 10,
    bottom: 13,
    left: 8,
    right: 8,
    header: 5,
    footer: 5,
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
          indicatorRunCell(formatIndicatorRun(project.indicators, framework)),
        ],
      });
    }
  }
  const money = AMOUNT_COLUMNS.map((key, index) => {
    const texts: string[] = [];
    for (const row of bodyRows) texts.push(row.cells[index + 1]?.text ?? '');
    return [key, moneyColumnMm(COLUMN_LABELS[key], texts, TABLE_SIZE_PT)] as const;
  });
  const rest = textWidthMm(page) - NAME_MM - money.reduce((sum, [, width]) => sum + width, 0);
  const columns = columnsFor(page, [
    ['name', NAME_MM],
    ...money,
    ['goal', rest * GOAL_SHARE],
    ['indicators', rest * (1 - GOAL_SHARE)],
  ]);
  const section: LayoutSection = {
    id: 'disclosure',
    name: '绩效目标表',
    page,
    titleBlock: [
      { center: { text: document.title.trim() || DEFAULT_TITLE, font: 'title' } },
      ...yearLine(document),
      {
        left: { text: departmentLine(document), font: 'unit' },
        right: { text: unitLine(document), font: 'unit' },
      },
    ],
    repeatTitleBlock: true,
    columns,
    headerRows: headerRowsOf(headerRows),
    bodyRows: markKeepTogether(bodyRows, columns, page, TABLE_SIZE_PT, KEEP_TOGETHER_SHARE),
  };
  return {
    kind: 'disclosure',
    title: section.titleBlock[0]?.center?.text ?? DEFAULT_TITLE,
    fonts: resolveFonts(
      { title: 16, subtitle: 12, unit: 11, table: TABLE_SIZE_PT, pageNumber: 14 },
      options.fonts,
    ),
    pageNumbers: { format: '— {page} —', align: 'outside' },
    sections: [section],
  };
}
