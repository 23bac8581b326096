/**
 * Reading a per-project form's grid as rows of labelled items (DOMAIN.md §4): each row lists the
 * distinct cells it crosses, so a cell merged down over several rows is seen on each of them (a
 * merged 一级 cell names every row of its group) and a cell spanning columns is seen once.
 */

import type { SourceLocation } from '../model';
import { expandGrid, withoutColumn, type GridCell, type GridTable } from './grid';

export interface FormItem {
  cell: GridCell;
  text: string;
  /** First and last grid column (0-based) the cell covers on this row. */
  start: number;
  end: number;
  /** True on the cell's first row (a merged cell continues on later rows). */
  anchor: boolean;
}

export interface FormRow {
  table: string;
  items: FormItem[];
  /** Text at a grid column (merged cells repeat their text down and across). */
  at(column: number): string;
  source: SourceLocation;
}

/**
 * Rows of labelled items across tables, in order. Each cell's text is trimmed once and the same
 * string is handed to every row the cell covers, so a cell merged down over thousands of rows
 * costs its length once, not once per row (and label look-ups keyed by it hash it once).
 */
export function formRows(tables: readonly GridTable[]): FormRow[] {
  const rows: FormRow[] = [];
  const trimmed = new Map<GridCell, string>();
  const textOf = (cell: GridCell): string => {
    let text = trimmed.get(cell);
    if (text === undefined) {
      text = cell.text.trim();
      trimmed.set(cell, text);
    }
    return text;
  };
  for (const table of tables) {
    expandGrid(table).forEach((line, rowIndex) => {
      const items: FormItem[] = [];
      line.forEach((placed, column) => {
        if (!placed) return;
        const last = items.at(-1);
        if (last && last.cell === placed.cell) {
          last.end = column;
          return;
        }
        items.push({
          cell: placed.cell,
          text: textOf(placed.cell),
          start: column,
          end: column,
          anchor: placed.anchor,
        });
      });
      const first = items.find((item) => item.anchor)?.cell.source;
      rows.push({
        table: table.name,
        items,
        at: (column) => {
          const placed = line[column];
          return placed ? textOf(placed.cell) : '';
        },
        source: first ? withoutColumn(first) : { sheet: table.name, row: rowIndex + 1 },
      });
    });
  }
  return rows;
}
