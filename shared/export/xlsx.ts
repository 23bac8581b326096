/**
 * Excel writer: Layout → .xlsx bytes with ExcelJS. One sheet per section; computed row heights,
 * borders on every cell of a merged range, A4 page setup fitted to one page wide, print area and
 * print titles. Values are strings and numbers only, never formulas: text that begins with
 * `=`, `+`, `-` or `@` is written as a string (ARCHITECTURE decision 6).
 */
import ExcelJS from 'exceljs';
import { columnLetters } from '../model/cellAddress';
import type { FontSpec, Layout, LayoutSection } from './layout';
import { excelColumnWidth } from './measure';
import { planSheet, type SheetCell, type SheetPlan } from './sheetPlan';
import { openRowWriter } from './xlsxRows';
import { uniqueSheetNames } from './sheetName';

/** Money: thousands separators, two decimals, zero blank (the official tables' convention). */
export const MONEY_FORMAT = '#,##0.00;-#,##0.00;';

/** Money where the layout prints zero (`0.00`, the per-project form). */
export const MONEY_FORMAT_ZERO = '#,##0.00;-#,##0.00;0.00';

/** A4 in Excel's paperSize enumeration. */
const PAPER_A4 = 9;

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** The borders of a table cell: none between the pieces of a cut cell, so they read as one. */
function borders(item: SheetCell): Partial<ExcelJS.Borders> {
  if (!item.continues && !item.continued) return BOX;
  return {
    left: THIN,
    right: THIN,
    ...(item.continued ? {} : { top: THIN }),
    ...(item.continues ? {} : { bottom: THIN }),
  };
}

/** A font as an Excel header/footer code: `&"宋体,常规"&14` (WPS and Excel need the name). */
function fontCode(font: FontSpec): string {
  return `&"${font.name.replace(/["&]/g, '')},常规"&${Math.round(font.sizePt)} `;
}

/**
 * Page numbers in the footer (`{page}` becomes the page field, `&` is escaped), with the layout's
 * named font; `outside` puts odd pages' numbers right and even pages' left, one character in.
 * A section with a continuation label prints it in the header of every page but the first.
 */
export function headerFooter(
  layout: Layout,
  section: LayoutSection,
): Partial<ExcelJS.HeaderFooter> {
  const font = fontCode(layout.fonts.pageNumber);
  const number = layout.pageNumbers.format.replace(/&/g, '&&').replace('{page}', '&P');
  const { align } = layout.pageNumbers;
  const outside = align === 'outside';
  const odd = outside
    ? `&R${font}${number}　`
    : `${{ left: '&L', center: '&C', right: '&R' }[align]}${font}${number}`;
  const result: Partial<ExcelJS.HeaderFooter> = { oddFooter: odd };
  if (outside) {
    result.differentOddEven = true;
    result.evenFooter = `&L${font}　${number}`;
  }
  if (section.continuedLabel) {
    const label = `&L${fontCode(layout.fonts.table)}${section.continuedLabel.replace(/&/g, '&&')}`;
    result.differentFirst = true;
    result.firstFooter = odd;
    result.oddHeader = label;
    if (outside) result.evenHeader = label;
  }
  return result;
}

/** Styles shared by identity: ExcelJS resolves a style object it has seen before at once. */
type StyleCache = Map<string, Partial<ExcelJS.Style>>;

function cellStyle(layout: Layout, item: SheetCell, cache: StyleCache): Partial<ExcelJS.Style> {
  const showZero = item.kind === 'money' && item.amount === 0 && item.text !== '';
  const key = `${item.font}|${item.bold}|${item.align}|${item.verticalAlign}|${item.kind}|${item.boxed}|${showZero}|${item.continues === true}|${item.continued === true}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const font = layout.fonts[item.font];
  const style: Partial<ExcelJS.Style> = {
    font: { name: font.name, size: font.sizePt, bold: item.bold || font.bold, charset: 134 },
    alignment: {
      horizontal: item.align,
      vertical: item.verticalAlign === 'top' ? 'top' : 'middle',
      // An amount that does not fit shrinks instead of printing as ####.
      ...(item.kind === 'money' ? { shrinkToFit: true } : { wrapText: true }),
    },
    ...(item.boxed ? { border: borders(item) } : {}),
    ...(item.kind === 'money' ? { numFmt: showZero ? MONEY_FORMAT_ZERO : MONEY_FORMAT } : {}),
  };
  cache.set(key, style);
  return style;
}

/** The part of ExcelJS's streaming sheet writer used here (4.4; see `mergeDisjoint`). */
type SheetWriter = ExcelJS.Worksheet & { _merges?: unknown[]; commit(): void };

/**
 * `mergeCells` for ranges known not to overlap (the plan places each cell once). ExcelJS checks a
 * new merge against every earlier one, which is quadratic (seconds for a 1,000-project table);
 * handing it an empty merge list for the call skips that check. Falls back to the plain call if
 * ExcelJS's internals change (the package is pinned to 4.4).
 */
function mergeDisjoint(
  sheet: SheetWriter,
  top: number,
  left: number,
  bottom: number,
  right: number,
): void {
  const merges = sheet._merges;
  if (!Array.isArray(merges)) {
    sheet.mergeCells(top, left, bottom, right);
    return;
  }
  sheet._merges = [];
  try {
    sheet.mergeCells(top, left, bottom, right);
    merges.push(...sheet._merges);
  } finally {
    sheet._merges = merges;
  }
}

/**
 * ExcelJS's streaming sheet writer leaves out `<printOptions>`, which its in-memory writer emits for
 * `pageSetup.horizontalCentered`; this puts the same element back, before the page margins where
 * the schema places it. Does nothing if ExcelJS's internals change (the package is pinned to 4.4).
 */
function keepHorizontalCentering(sheet: SheetWriter): void {
  const writer = sheet as unknown as {
    _writePageMargins?: () => void;
    _write?: (xml: string) => void;
  };
  const margins = writer._writePageMargins;
  const write = writer._write;
  if (typeof margins !== 'function' || typeof write !== 'function') return;
  writer._writePageMargins = () => {
    write.call(writer, '<printOptions horizontalCentered="1"/>');
    margins.call(writer);
  };
}

function writeCell(sheet: SheetWriter, item: SheetCell, style: Partial<ExcelJS.Style>): void {
  const target = sheet.getCell(item.row + 1, item.column + 1);
  target.style = style;
  // Merging gives every cell of the range the top-left cell's style (the same object), so the
  // borders are drawn on all of them.
  if (item.rowSpan > 1 || item.colSpan > 1) {
    mergeDisjoint(
      sheet,
      item.row + 1,
      item.column + 1,
      item.row + item.rowSpan,
      item.column + item.colSpan,
    );
  }
  if (item.kind === 'money' && item.amount !== undefined) {
    target.value = item.amount / 100;
  } else if (item.text !== '') {
    // Always a plain string: ExcelJS makes a formula only from a { formula } object.
    target.value = item.text;
  }
}

/**
 * Writes the rows through ExcelJS's cell objects: the reference for the direct row writer
 * (xlsxRows.ts), and its fallback. The streaming writer writes rows in order: cells by first
 * row, each row committed once no later cell can start in it (a merge reaching down is placed
 * with its first row).
 */
function writeThroughCells(
  sheet: SheetWriter,
  plan: SheetPlan,
  styleOf: (item: SheetCell) => Partial<ExcelJS.Style>,
): void {
  const cells = [...plan.cells].sort((a, b) => a.row - b.row || a.column - b.column);
  let next = 0;
  plan.rowHeightsPt.forEach((height, index) => {
    const row = sheet.getRow(index + 1);
    row.height = height;
    for (; next < cells.length && (cells[next] as SheetCell).row === index; next += 1) {
      const item = cells[next] as SheetCell;
      writeCell(sheet, item, styleOf(item));
    }
    row.commit();
  });
}

function writeSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  layout: Layout,
  section: LayoutSection,
  name: string,
  cache: StyleCache,
  options: XlsxOptions,
): void {
  const plan = planSheet(layout, section);
  const { margins } = section.page;
  const inches = (mm: number) => Math.round((mm / 25.4) * 1000) / 1000;
  const lastColumn = columnLetters(plan.columnsMm.length);
  const rowCount = plan.rowHeightsPt.length;
  const sheet = workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: PAPER_A4,
      orientation: section.page.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: {
        top: inches(margins.top),
        bottom: inches(margins.bottom),
        left: inches(margins.left),
        right: inches(margins.right),
        header: inches(margins.header),
        footer: inches(margins.footer),
      },
      // ExcelJS prefixes each side with `$`; the `$` before the row makes it `$A$1:$G$9`.
      printArea: `A$1:${lastColumn}$${rowCount}`,
      ...(plan.printTitles
        ? { printTitlesRow: `${plan.printTitles[0] + 1}:${plan.printTitles[1] + 1}` }
        : {}),
      // A project's form on a sheet of its own is numbered from its own first page: LibreOffice
      // numbers a workbook's pages straight through and otherwise takes only the workbook's
      // first page as a first page, so the next project's opening page carried the `（续）`
      // header of a continuation.
      ...(section.continuedLabel ? { firstPageNumber: 1 } : {}),
    },
    headerFooter: headerFooter(layout, section),
    // A data table filters on its header row (the last row of the head).
    ...(section.filter && plan.headRowCount > 0
      ? { autoFilter: `A${plan.headRowCount}:${lastColumn}${plan.headRowCount}` }
      : {}),
    views: [{ state: 'frozen', ySplit: plan.headRowCount, showGridLines: false }],
  }) as SheetWriter;
  keepHorizontalCentering(sheet);
  sheet.columns = plan.columnsMm.map((widthMm) => ({ width: excelColumnWidth(widthMm) }));
  const styleOf = (item: SheetCell) => cellStyle(layout, item, cache);
  const direct = options.throughCells ? null : openRowWriter(workbook, sheet);
  if (direct) direct.writeRows(plan, styleOf);
  else writeThroughCells(sheet, plan, styleOf);
  sheet.commit();
}

export interface XlsxOptions {
  /** Write every cell through ExcelJS's cell objects (slower; the reference for tests). */
  throughCells?: boolean;
}

/** Writes a layout as an Excel workbook: one sheet per section, with valid unique sheet names. */
export async function exportXlsx(layout: Layout, options: XlsxOptions = {}): Promise<Uint8Array> {
  // ExcelJS's streaming writer: the same cells, styles and sheet XML as the in-memory workbook,
  // written row by row and zipped by zlib, several times faster for a large table. Without a
  // stream it writes into its own in-memory buffer.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    useStyles: true,
    useSharedStrings: true,
  });
  workbook.creator = '绩效目标表编辑器';
  workbook.lastModifiedBy = workbook.creator;
  workbook.title = layout.title;
  const names = uniqueSheetNames(layout.sections.map((section) => section.name));
  const cache: StyleCache = new Map();
  layout.sections.forEach((section, index) => {
    writeSheet(workbook, layout, section, names[index] ?? `表${index + 1}`, cache, options);
  });
  await workbook.commit();
  const output = (workbook as unknown as { stream: { read(): Uint8Array } }).stream;
  return new Uint8Array(output.read());
}
