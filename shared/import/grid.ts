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
  cells: string[];
  /** Source of each cell, where it differs from the row's. */
  cellSources?: Array<SourceLocation | undefined>;
}

/**
 * Rows of a table with each anchor's text in its first column only (merged titles and subtotal
 * cells are not repeated), as a printed table reads.
 */
export function anchorRows(table: GridTable): SourceRow[] {
  return expandGrid(table).map((row, index) => {
    const cells: string[] = [];
    const cellSources: Array<SourceLocation | undefined> = [];
    for (let column = 0; column < row.length; column += 1) {
      const placed = row[column];
      cells.push(placed?.anchor ? placed.cell.text : '');
      cellSources.push(placed?.anchor ? placed.cell.source : undefined);
    }
    const first = row.find((placed) => placed?.anchor)?.cell.source;
    const source: SourceLocation = first
      ? withoutColumn(first)
      : { sheet: table.name, row: index + 1 };
    return { source, cells, cellSources };
  });
}

/** A location with the column part removed: the row a cell sits on. */
export function withoutColumn(source: SourceLocation): SourceLocation {
  const { column: _column, cell: _cell, ...rest } = source;
  return rest;
}

/** Builds a grid table from rows of plain texts (text and CSV), one cell per text. */
export function tableFromTexts(
  name: string,
  rows: ReadonlyArray<{ line: number; cells: readonly string[] }>,
): GridTable {
  return {
    name,
    cells: rows.map((row) =>
      row.cells.map((text, index) => ({
        text,
        rowSpan: 1,
        colSpan: 1,
        source: { line: row.line, column: index + 1 },
      })),
    ),
  };
}
