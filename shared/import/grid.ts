/**
 * The neutral grid every container reader produces (ARCHITECTURE "Import"): tables of cells with
 * their text, spans and where each came from. Layout recognisers read only this.
 */

import type { SourceLocation } from '../model';

export interface GridCell {
  text: string;
  /** Rows and columns this cell covers; 1 for an ordinary cell. */
  rowSpan: number;
  colSpan: number;
  source: SourceLocation;
}

/**
 * One table: rows of anchor cells only. A cell covered by a span from an earlier row or column
 * is not repeated; `expandGrid` places anchors on a rectangular matrix.
 */
export interface GridTable {
  /** Sheet name, `表格 2`, `正文` (paragraphs between Word tables) or `文本`. */
  name: string;
  cells: GridCell[][];
}

/** A cell of the expanded matrix: the anchor covering the position, and whether it is the anchor. */
export interface PlacedCell {
  cell: GridCell;
  anchor: boolean;
}

/** Places anchor cells on a rectangular matrix, skipping positions already covered by spans. */
export function expandGrid(table: GridTable): Array<Array<PlacedCell | undefined>> {
  const matrix: Array<Array<PlacedCell | undefined>> = [];
  table.cells.forEach((row, rowIndex) => {
    const line = (matrix[rowIndex] ??= []);
    let column = 0;
    for (const cell of row) {
      while (line[column] !== undefined) column += 1;
      const rowSpan = Math.max(1, Math.min(cell.rowSpan, table.cells.length - rowIndex));
      const colSpan = Math.max(1, Math.min(cell.colSpan, 1000));
      for (let r = 0; r < rowSpan; r += 1) {
        const target = (matrix[rowIndex + r] ??= []);
        for (let c = 0; c < colSpan; c += 1) {
          if (target[column + c] === undefined)
            target[column + c] = { cell, anchor: r === 0 && c === 0 };
        }
      }
      column += colSpan;
    }
  });
  return matrix;
}

/** A row of cell texts with where it came from, as the disclosure recogniser reads it. */
export interface SourceRow {
  /** Where the row starts (line, or sheet and row). */
  source: SourceLocation;
  cells: readonly string[];
  /** Source of each cell; absent for rows of text, whose cells are at the row's line. */
  cellSources?: Array<SourceLocation | undefined>;
}

/** Each table's rows, read once: several recognisers' `detect` and the chosen `read` ask for them. */
const rowsOfTable = new WeakMap<GridTable, readonly SourceRow[]>();

/** True when no cell of the table spans more than one row or column (text, CSV, most sheets). */
function withoutSpans(table: GridTable): boolean {
  return table.cells.every((row) => row.every((cell) => cell.rowSpan <= 1 && cell.colSpan <= 1));
}

/**
 * Rows of a table with each anchor's text in its first column only (merged titles and subtotal
 * cells are not repeated), as a printed table reads. Computed once per table; a table without
 * spans is read as it is, without placing every cell on a matrix first.
 */
export function anchorRows(table: GridTable): readonly SourceRow[] {
  const known = rowsOfTable.get(table);
  if (known) return known;
  const rows = withoutSpans(table) ? plainRows(table) : placedRows(table);
  rowsOfTable.set(table, rows);
  return rows;
}

/** The row's own source: its first anchor's without the column, else the sheet and row number. */
function rowSource(
  table: GridTable,
  index: number,
  first: SourceLocation | undefined,
): SourceLocation {
  return first ? withoutColumn(first) : { sheet: table.name, row: index + 1 };
}

function plainRows(table: GridTable): SourceRow[] {
  return table.cells.map((row, index) => ({
    source: rowSource(table, index, row[0]?.source),
    cells: row.map((cell) => cell.text),
    cellSources: row.map((cell) => cell.source),
  }));
}

function placedRows(table: GridTable): SourceRow[] {
  return expandGrid(table).map((row, index) => {
    const cells: string[] = [];
    const cellSources: Array<SourceLocation | undefined> = [];
    for (let column = 0; column < row.length; column += 1) {
      const placed = row[column];
      cells.push(placed?.anchor ? placed.cell.text : '');
      cellSources.push(placed?.anchor ? placed.cell.source : undefined);
    }
    const first = row.find((placed) => placed?.anchor)?.cell.source;
    return { source: rowSource(table, index, first), cells, cellSources };
  });
}

/** A location with the column part removed: the row a cell sits on. */
export function withoutColumn(source: SourceLocation): SourceLocation {
  const { column: _column, cell: _cell, ...rest } = source;
  return rest;
}

/**
 * Where cell `index` of `row` came from. Rows read from text carry no cell sources: each cell is
 * then the row's line at its column. Undefined for a position the row has no anchor at.
 */
export function sourceOfCell(row: SourceRow, index: number): SourceLocation | undefined {
  if (row.cellSources) return row.cellSources[index];
  return index < row.cells.length ? { ...row.source, column: index + 1 } : undefined;
}

/**
 * Builds a grid table from rows of plain texts (text and CSV), one cell per text. Its rows for
 * the recognisers are the texts themselves; the cells with their sources are made only when a
 * reader asks for them (a department's table pasted as text is a million cells).
 */
export function tableFromTexts(
  name: string,
  rows: ReadonlyArray<{ line: number; cells: readonly string[] }>,
): GridTable {
  let cells: GridCell[][] | undefined;
  const table: GridTable = {
    name,
    get cells() {
      cells ??= rows.map((row) =>
        row.cells.map((text, index) => ({
          text,
          rowSpan: 1,
          colSpan: 1,
          source: { line: row.line, column: index + 1 },
        })),
      );
      return cells;
    },
  };
  rowsOfTable.set(
    table,
    rows.map((row, index) => ({
      source: row.cells.length === 0 ? rowSource(table, index, undefined) : { line: row.line },
      cells: row.cells,
    })),
  );
  return table;
}
