/**
 * Cells and rows as the layout builders assemble them: cleaned text, labels, header rows, spans
 * placed on the column grid, line counts and rows kept together.
 */
import type { LayoutCell, LayoutColumn, LayoutRow, PageSetup } from './layout';
import { cellCapacity, lineCount, lineHeightPt, PT_PER_MM } from './measure';
import { textHeightMm } from './page';

/** Any character {@link cleanText} changes: '\r', '\t' and the removed control characters. */
// eslint-disable-next-line no-control-regex
const NEEDS_CLEANING = /[\u0000-\u0009\u000b-\u001f\u007f\ufffe\uffff]/;

/**
 * Cell text as every writer can hold it: line breaks normalised to '\n', tabs to spaces, and
 * control characters (invalid in XML) removed.
 */
export function cleanText(text: string): string {
  // Most cell text has nothing to clean: one scan instead of three replacements.
  if (!NEEDS_CLEANING.test(text)) return text;
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/\t/g, ' ')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '')
  );
}

/** Builds a cell; text is cleaned. */
export function cell(text: string, options: Partial<Omit<LayoutCell, 'text'>> = {}): LayoutCell {
  return {
    text: cleanText(text),
    colSpan: 1,
    rowSpan: 1,
    align: 'left',
    verticalAlign: 'middle',
    kind: 'text',
    bold: false,
    ...options,
  };
}

/** A fixed label of the form (centred). */
export function label(text: string, options: Partial<Omit<LayoutCell, 'text'>> = {}): LayoutCell {
  return cell(text, { kind: 'label', align: 'center', ...options });
}

/** A row as the layout builders assemble it, before `keepTogether` is measured. */
export type RowDraft = Omit<LayoutRow, 'keepTogether'>;

/** Header rows always stay together (they repeat on every page). */
export function headerRowsOf(rows: readonly RowDraft[]): LayoutRow[] {
  return rows.map((row) => ({ ...row, keepTogether: true }));
}

/** A cell placed on the grid: its first row and column (0-based, counting all section rows). */
export interface PlacedCell {
  cell: LayoutCell;
  row: number;
  column: number;
}

/**
 * Places the cells of consecutive rows on the column grid, honouring row and column spans
 * (HTML semantics). Throws when a row does not fill the grid exactly: a layout bug.
 */
export function placeCells(rows: readonly RowDraft[], columnCount: number): PlacedCell[][] {
  const covered: boolean[][] = rows.map(() => new Array<boolean>(columnCount).fill(false));
  return rows.map((row, rowIndex) => {
    const placed: PlacedCell[] = [];
    const occupied = covered[rowIndex] as boolean[];
    let column = 0;
    for (const item of row.cells) {
      while (column < columnCount && occupied[column]) column += 1;
      if (column + item.colSpan > columnCount) {
        throw new Error(`版面错误：第 ${rowIndex + 1} 行的单元格超出 ${columnCount} 列`);
      }
      placed.push({ cell: item, row: rowIndex, column });
      for (let r = rowIndex; r < Math.min(rows.length, rowIndex + item.rowSpan); r += 1) {
        for (let c = column; c < column + item.colSpan; c += 1) (covered[r] as boolean[])[c] = true;
      }
      column += item.colSpan;
    }
    if (occupied.some((taken) => !taken)) {
      throw new Error(`版面错误：第 ${rowIndex + 1} 行未填满 ${columnCount} 列`);
    }
    return placed;
  });
}

/** Line counts already known, per cell: the layout builders measure a cell to decide
 * `keepTogether` and the sheet plan measures it again to size its row. Held weakly, so the
 * entries go with the layout. */
const measuredLines = new WeakMap<LayoutCell, { text: string; capacity: number; lines: number }>();

/** {@link lineCount} of a cell's text at `capacity`, remembered for the cell. */
export function cellLineCount(item: LayoutCell, capacity: number): number {
  const known = measuredLines.get(item);
  if (known !== undefined && known.capacity === capacity && known.text === item.text) {
    return known.lines;
  }
  const lines = lineCount(item.text, capacity);
  measuredLines.set(item, { text: item.text, capacity, lines });
  return lines;
}

/** Width of `span` columns from `start`, summed left to right. */
export function spanWidthMm(columnsMm: readonly number[], start: number, span: number): number {
  let sum = 0;
  const end = Math.min(columnsMm.length, start + span);
  for (let column = start; column < end; column += 1) sum += columnsMm[column] as number;
  return sum;
}

/**
 * Sets `keepTogether` on rows whose text needs less than `share` (default half) of the page's
 * text height at `fontSizePt`, so short rows never break across pages while tall ones still can.
 */
export function markKeepTogether(
  rows: readonly RowDraft[],
  columns: readonly LayoutColumn[],
  page: PageSetup,
  fontSizePt: number,
  share = 0.5,
): LayoutRow[] {
  const limit = textHeightMm(page) * PT_PER_MM * share;
  const placed = placeCells(rows, columns.length);
  const columnsMm = columns.map((entry) => entry.widthMm);
  const lineHeight = lineHeightPt(fontSizePt);
  return rows.map((row, index) => {
    let tallest = 0;
    for (const { cell: item, column } of placed[index] ?? []) {
      if (item.rowSpan > 1) continue;
      const capacity = cellCapacity(spanWidthMm(columnsMm, column, item.colSpan), fontSizePt);
      tallest = Math.max(tallest, cellLineCount(item, capacity) * lineHeight + 4);
    }
    return { ...row, keepTogether: tallest <= limit };
  });
}
