/**
 * Writes a planned sheet's rows as XML text straight into ExcelJS's streaming sheet writer.
 *
 * Going through ExcelJS's cell objects costs ~2 µs per cell, and a 1,000-project disclosure table
 * has ~60,000 cells (every cell a merge covers is written too, so that its border prints). Here
 * each row is rendered as the same `<row>`/`<c>` XML ExcelJS 4.4 renders for those cells, with
 * style ids and shared-string indexes taken from the workbook in the order ExcelJS would take
 * them, so the file is the same byte for byte (test/unit/export/xlsx.test.ts compares both
 * paths). ExcelJS still writes everything else: styles, shared strings, columns, merges, page
 * setup and the package. If the pinned version's internals are not there, `openRowWriter`
 * returns null and the caller writes through ExcelJS's cells instead.
 */
import ExcelJS from 'exceljs';
import { columnLetters } from '../model/cellAddress';
import type { SheetCell, SheetPlan } from './sheetPlan';

type Style = Partial<ExcelJS.Style>;

/** The internals of ExcelJS 4.4's streaming writer used here. */
interface WriterInternals {
  startedData: boolean;
  _merges: unknown[];
  _writeColumns(): void;
  _writeOpenSheetData(): void;
  stream: { write(xml: string): unknown };
}

interface WorkbookInternals {
  styles: { addStyleModel(model: object, cellType?: number): number };
  sharedStrings: { add(value: string): number };
  useSharedStrings: boolean;
}

export interface RowWriter {
  /** Writes every row of the plan; the sheet's merges are recorded for ExcelJS to write. */
  writeRows(plan: SheetPlan, styleOf: (cell: SheetCell) => Style): void;
}

/**
 * The sheet's cells by row: for each sheet row, the index (into `cells`) of the cell that covers
 * each column, or -1. A merged cell covers every row and column of its range.
 */
interface SheetGrid {
  cells: SheetCell[];
  styles: Style[];
  rows: Int32Array[];
}

function isFunction(value: unknown): boolean {
  return typeof value === 'function';
}

/** The fast row writer for a fresh streaming sheet, or null if ExcelJS's internals differ. */
export function openRowWriter(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  sheet: ExcelJS.Worksheet,
): RowWriter | null {
  const writer = sheet as unknown as Partial<WriterInternals>;
  const book = workbook as unknown as Partial<WorkbookInternals>;
  if (
    writer.startedData !== false ||
    !Array.isArray(writer._merges) ||
    !isFunction(writer._writeColumns) ||
    !isFunction(writer._writeOpenSheetData) ||
    !isFunction(book.styles?.addStyleModel) ||
    !isFunction(book.sharedStrings?.add) ||
    book.useSharedStrings !== true
  ) {
    return null;
  }
  const internals = writer as WriterInternals;
  const { styles, sharedStrings } = book as WorkbookInternals;
  return {
    writeRows(plan, styleOf) {
      const grid = sheetGrid(plan, styleOf, internals._merges);
      internals._writeColumns();
      internals._writeOpenSheetData();
      internals.startedData = true;
      const letters = plan.columnsMm.map((_, index) => columnLetters(index + 1));
      let chunk = '';
      plan.rowHeightsPt.forEach((height, index) => {
        // Each row's own style ({} in ExcelJS) is added first, as ExcelJS's row writer does.
        styles.addStyleModel({});
        chunk += rowXml(index, height, grid, letters, styles, sharedStrings);
        if (chunk.length > 65_536) {
          internals.stream.write(chunk);
          chunk = '';
        }
      });
      if (chunk) internals.stream.write(chunk);
    },
  };
}

/** Every cell of the sheet by row and column, merged ranges recorded as `A1:B3`. */
function sheetGrid(
  plan: SheetPlan,
  styleOf: (cell: SheetCell) => Style,
  merges: unknown[],
): SheetGrid {
  const width = plan.columnsMm.length;
  const rows = plan.rowHeightsPt.map(() => new Int32Array(width).fill(-1));
  // Merges in the order ExcelJS lists them: by first row, then column.
  const cells = [...plan.cells].sort((a, b) => a.row - b.row || a.column - b.column);
  const styles = cells.map(styleOf);
  cells.forEach((cell, index) => {
    const lastColumn = Math.min(width, cell.column + cell.colSpan);
    for (let row = cell.row; row < cell.row + cell.rowSpan; row += 1) {
      const slots = rows[row];
      if (!slots) continue;
      for (let column = cell.column; column < lastColumn; column += 1) slots[column] = index;
    }
    if (cell.rowSpan > 1 || cell.colSpan > 1) {
      const first = `${columnLetters(cell.column + 1)}${cell.row + 1}`;
      const last = `${columnLetters(cell.column + cell.colSpan)}${cell.row + cell.rowSpan}`;
      merges.push(`${first}:${last}`);
    }
  });
  return { cells, styles, rows };
}

/** A row as ExcelJS 4.4 renders it (attributes in its order, height as custom). */
function rowXml(
  row: number,
  height: number,
  grid: SheetGrid,
  letters: readonly string[],
  styles: WorkbookInternals['styles'],
  sharedStrings: WorkbookInternals['sharedStrings'],
): string {
  const slots = grid.rows[row] as Int32Array;
  const number = row + 1;
  let cells = '';
  let min = 0;
  let max = 0;
  for (let column = 0; column < slots.length; column += 1) {
    const index = slots[column] as number;
    if (index < 0) continue;
    const excelColumn = column + 1;
    if (!min) min = excelColumn;
    max = excelColumn;
    const cell = grid.cells[index] as SheetCell;
    const style = grid.styles[index] as Style;
    const reference = `${letters[column] as string}${number}`;
    if (cell.row !== row || cell.column !== column) {
      cells += cellXml(reference, styles.addStyleModel(style, ExcelJS.ValueType.Merge), '');
    } else if (cell.kind === 'money' && cell.amount !== undefined) {
      const id = styles.addStyleModel(style, ExcelJS.ValueType.Number);
      cells += cellXml(reference, id, '', String(cell.amount / 100));
    } else if (cell.text !== '') {
      const id = styles.addStyleModel(style, ExcelJS.ValueType.String);
      cells += cellXml(reference, id, ' t="s"', String(sharedStrings.add(cell.text)));
    } else {
      const id = styles.addStyleModel(style, ExcelJS.ValueType.Null);
      if (id) cells += cellXml(reference, id, '');
    }
  }
  const spans = min > 0 && max > 0 ? ` spans="${min}:${max}"` : '';
  const ht = height ? ` ht="${height}" customHeight="1"` : '';
  return `<row r="${number}"${ht}${spans} x14ac:dyDescent="0.25">${cells}</row>`;
}

function cellXml(reference: string, styleId: number, type: string, value?: string): string {
  const style = styleId ? ` s="${styleId}"` : '';
  return value === undefined
    ? `<c r="${reference}"${style}${type}/>`
    : `<c r="${reference}"${style}${type}><v>${value}</v></c>`;
}
