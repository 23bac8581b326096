/**
 * Plans a layout section as spreadsheet rows. Two things differ from Word: Excel never splits a row
 * across pages and caps a row at 409 pt, and it does not size rows holding wrapped or merged text.
 * So heights are computed here, and a row taller than 409 pt is cut into several sheet rows: long
 * text continues in the rows below (cut where the layout allows — between indicator sentences —
 * or between paragraphs), without a border between the pieces, while the other cells of the row
 * are merged down over them.
 */
import type {
  CellKind,
  FontRole,
  HorizontalAlign,
  Layout,
  LayoutCell,
  LayoutRow,
  LayoutSection,
  VerticalAlign,
} from './layout';
import { cellCapacity, lineHeightPt, PT_PER_MM, splitAtBreaks } from './measure';
import { textHeightMm } from './page';
import { cellLineCount, placeCells, spanWidthMm, type PlacedCell } from './cells';

/** Excel's largest row height. */
export const MAX_ROW_PT = 409;

export interface SheetCell {
  /** First row and column, 0-based. */
  row: number;
  column: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  amount?: number;
  kind: CellKind;
  align: HorizontalAlign;
  verticalAlign: VerticalAlign;
  bold: boolean;
  font: FontRole;
  /** Bordered table cell (title-block cells have no border). */
  boxed: boolean;
  /** Set on a piece of text cut from a taller cell: the pieces follow in the rows below. */
  continues?: boolean;
  /** Set on a piece that continues the piece above: no border between them, so they read as one. */
  continued?: boolean;
}

export interface SheetPlan {
  columnsMm: number[];
  rowHeightsPt: number[];
  cells: SheetCell[];
  /** Rows (0-based, inclusive) printed at the top of every page, or null. */
  printTitles: [number, number] | null;
  /** Number of rows at the top that belong to the title block and column header. */
  headRowCount: number;
}

interface HeightNeed {
  start: number;
  end: number;
  need: number;
}

/** A single-row cell of a layout row, measured. */
interface Measured {
  item: PlacedCell;
  capacity: number;
  height: number;
  /** The cell's text cut into pieces with their line counts, when the row is cut. */
  pieces: string[] | null;
  pieceLines: number[] | null;
}

/**
 * A table cell placed in the sheet. Every field is written out (no spread of the layout cell):
 * V8 builds such a literal several times faster, and the plan makes ~20,000 of them.
 */
function tableCell(
  cell: LayoutCell,
  text: string,
  row: number,
  column: number,
  rowSpan: number,
  verticalAlign: VerticalAlign,
  continues: true | undefined,
  continued: true | undefined,
): SheetCell {
  return {
    row,
    column,
    rowSpan,
    colSpan: cell.colSpan,
    text,
    amount: cell.amount,
    kind: cell.kind,
    align: cell.align,
    verticalAlign,
    bold: cell.bold,
    font: 'table',
    boxed: true,
    continues,
    continued,
  };
}

/**
 * Places rows from `firstRow` on, cutting rows taller than `cut.abovePt` into pieces of at most
 * `cut.piecePt`.
 * Returns the number of sheet rows used.
 */
function planRows(
  rows: readonly LayoutRow[],
  firstRow: number,
  columnsMm: readonly number[],
  fontSizePt: number,
  cut: { abovePt: number; piecePt: number; split: boolean } | null,
  plan: { heights: number[]; cells: SheetCell[]; needs: HeightNeed[] },
): number {
  const placed = placeCells(rows, columnsMm.length);
  const lineHeight = lineHeightPt(fontSizePt);
  const minimum = lineHeight + 4;
  const maxLines = cut ? Math.max(1, Math.floor((cut.piecePt - 4) / lineHeight)) : 0;
  const starts: number[] = [];
  const counts: number[] = [];
  let next = firstRow;
  const measured: Measured[] = [];
  // First pass: decide how many sheet rows each layout row takes and place the single-row cells.
  for (const row of placed) {
    measured.length = 0;
    let tallest = minimum;
    for (const item of row) {
      if (item.cell.rowSpan !== 1) continue;
      const capacity = cellCapacity(
        spanWidthMm(columnsMm, item.column, item.cell.colSpan),
        fontSizePt,
      );
      const height = cellLineCount(item.cell, capacity) * lineHeight + 4;
      if (height > tallest) tallest = height;
      measured.push({ item, capacity, height, pieces: null, pieceLines: null });
    }
    let count = 1;
    if (cut && tallest > cut.abovePt && !cut.split) {
      // One cell over several sheet rows: the text stays whole (a form's goal reads as one cell).
      count = Math.ceil(tallest / MAX_ROW_PT);
    } else if (cut && tallest > cut.abovePt) {
      for (const entry of measured) {
        if (entry.height <= cut.piecePt || entry.item.cell.kind === 'money') continue;
        const { text, breaks } = entry.item.cell;
        const split = splitAtBreaks(text, breaks ?? sentenceBreaks(text), entry.capacity, maxLines);
        entry.pieces = split.pieces;
        entry.pieceLines = split.lines;
        if (split.pieces.length > count) count = split.pieces.length;
      }
    }
    starts.push(next);
    counts.push(count);
    for (let offset = 0; offset < count; offset += 1) plan.heights[next + offset] = minimum;
    for (const entry of measured) {
      const { item } = entry;
      const pieces = entry.pieces ?? [item.cell.text];
      for (let index = 0; index < pieces.length; index += 1) {
        const text = pieces[index] as string;
        const last = index === pieces.length - 1;
        const rowSpan = last ? count - index : 1;
        plan.cells.push(
          tableCell(
            item.cell,
            text,
            next + index,
            item.column,
            rowSpan,
            // A merged cell that may cross a page break keeps its text at the top, on the first page.
            rowSpan > 1 ? 'top' : item.cell.verticalAlign,
            pieces.length > 1 && !last ? true : undefined,
            index > 0 ? true : undefined,
          ),
        );
        // An uncut cell was measured above; the pieces of a cut one were counted when cut.
        const height =
          text === item.cell.text || entry.pieceLines === null
            ? entry.height
            : (entry.pieceLines[index] as number) * lineHeight + 4;
        if (rowSpan === 1) {
          plan.heights[next + index] = Math.max(plan.heights[next + index] ?? 0, height);
        } else {
          plan.needs.push({ start: next + index, end: next + count - 1, need: height });
        }
      }
    }
    next += count;
  }
  // Second pass: cells merged down several layout rows.
  placed.forEach((row, rowIndex) => {
    for (const { cell, column } of row) {
      if (cell.rowSpan === 1) continue;
      const lastRow = rowIndex + cell.rowSpan - 1;
      const start = starts[rowIndex] as number;
      const end = (starts[lastRow] as number) + (counts[lastRow] as number) - 1;
      let crossesCut = false;
      for (let index = rowIndex; index <= lastRow && index < counts.length; index += 1) {
        if ((counts[index] as number) > 1) crossesCut = true;
      }
      plan.cells.push(
        tableCell(
          cell,
          cell.text,
          start,
          column,
          end - start + 1,
          crossesCut ? 'top' : cell.verticalAlign,
          undefined,
          undefined,
        ),
      );
      const capacity = cellCapacity(spanWidthMm(columnsMm, column, cell.colSpan), fontSizePt);
      plan.needs.push({ start, end, need: cellLineCount(cell, capacity) * lineHeight + 4 });
    }
  });
  return next - firstRow;
}

/**
 * Where a cell without layout breaks may be cut: after a sentence inside a paragraph. Never at a
 * line break: an importer joining the pieces of a cut row back (trimming each cell, as it must
 * for hand-made tables) could not tell that a paragraph ended there.
 */
function sentenceBreaks(text: string): number[] {
  const breaks: number[] = [];
  for (const match of text.matchAll(/[。！？；!?;](?=[^\s])/g)) breaks.push(match.index + 1);
  return breaks;
}

/** Grows the last row of each merged range until the range is as tall as its text needs. */
function satisfyNeeds(heights: number[], needs: readonly HeightNeed[]): void {
  for (const { start, end, need } of [...needs].sort((a, b) => a.end - b.end)) {
    let total = 0;
    for (let row = start; row <= end; row += 1) total += heights[row] ?? 0;
    for (let row = end; row >= start && total < need; row -= 1) {
      const current = heights[row] ?? 0;
      const grown = Math.min(MAX_ROW_PT, current + (need - total));
      total += grown - current;
      heights[row] = grown;
    }
  }
}

/** Plans one section as sheet rows: title block, header rows, body rows. */
export function planSheet(layout: Layout, section: LayoutSection): SheetPlan {
  const columnsMm = section.columns.map((column) => column.widthMm);
  const count = columnsMm.length;
  const tableSize = layout.fonts.table.sizePt;
  const plan = { heights: [] as number[], cells: [] as SheetCell[], needs: [] as HeightNeed[] };
  let row = 0;
  for (const line of section.titleBlock) {
    const parts =
      line.center || count < 2
        ? [
            {
              part: line.center ?? line.left ?? line.right,
              align: 'center' as const,
              column: 0,
              span: count,
            },
          ]
        : [
            { part: line.left, align: 'left' as const, column: 0, span: count - 1 },
            { part: line.right, align: 'right' as const, column: count - 1, span: 1 },
          ];
    let height = 0;
    for (const { part, align, column, span } of parts) {
      const font = part?.font ?? 'table';
      plan.cells.push({
        row,
        column,
        rowSpan: 1,
        colSpan: span,
        text: part?.text ?? '',
        kind: 'label',
        align,
        verticalAlign: 'middle',
        bold: false,
        font,
        boxed: false,
      });
      height = Math.max(height, lineHeightPt(layout.fonts[font].sizePt) + (line.center ? 10 : 6));
    }
    plan.heights[row] = height;
    row += 1;
  }
  const titleRows = row;
  row += planRows(section.headerRows, row, columnsMm, tableSize, null, plan);
  const headRowCount = row;
  satisfyNeeds(plan.heights, plan.needs);
  const repeated = plan.heights
    .slice(section.repeatTitleBlock ? 0 : titleRows, headRowCount)
    .reduce((sum, height) => sum + height, 0);
  const pageRoom = textHeightMm(section.page) * PT_PER_MM - repeated - 12;
  // Only a row taller than Excel allows is cut (a cut row no longer copies as one cell), into
  // pieces of at most 60 % of a page, so a piece rarely leaves a large gap at the foot of a page.
  // A form's cell is never cut: its importer reads a merged cell, not pieces in rows below.
  const cut = {
    abovePt: MAX_ROW_PT,
    piecePt: Math.max(60, Math.min(MAX_ROW_PT, pageRoom * 0.6)),
    split: layout.kind !== 'form',
  };
  const split = section.repeatBlockFrom ?? section.bodyRows.length;
  row += planRows(section.bodyRows.slice(0, split), row, columnsMm, tableSize, cut, plan);
  const blockStart = row;
  const block = section.bodyRows.slice(split);
  const blockHead =
    block.length > 0 ? planRows(block.slice(0, 1), row, columnsMm, tableSize, cut, plan) : 0;
  row += blockHead;
  row += planRows(block.slice(1), row, columnsMm, tableSize, cut, plan);
  satisfyNeeds(plan.heights, plan.needs);
  const firstTitle = section.repeatTitleBlock ? 0 : titleRows;
  // A block's header repeats on the pages after its first (Excel and Calc print repeated rows
  // only from the page where they first appear); else the title block and column header do.
  const printTitles: [number, number] | null =
    blockHead > 0
      ? [blockStart, blockStart + blockHead - 1]
      : headRowCount > firstTitle
        ? [firstTitle, headRowCount - 1]
        : null;
  return {
    columnsMm,
    rowHeightsPt: plan.heights.map((height) => Math.min(MAX_ROW_PT, Math.ceil(height * 4) / 4)),
    cells: plan.cells,
    printTitles,
    headRowCount,
  };
}
