/**
 * What the import worker hands back (plain data decoded from .xlsx, .xls and .docx), the schema
 * that validates it before anything else reads it, and the builders that turn it into the
 * neutral grid. Pure: the worker does the unsafe decoding, these run in the parent.
 */

import { z } from 'zod';
import { columnLetters } from '../model/cellAddress';
import type { GridCell, GridTable } from './grid';

const MAX_TEXT = 100_000;
const position = z.number().int().min(1).max(1_048_576);

const decodedSheetSchema = z.object({
  name: z.string().max(300),
  /** [row, column, text], 1-based; merged cells appear once, at their top-left. */
  cells: z.array(z.tuple([position, position, z.string().max(MAX_TEXT)])).max(500_000),
  /** [top, left, bottom, right], 1-based, inclusive. */
  merges: z.array(z.tuple([position, position, position, position])).max(100_000),
  /**
   * Number cells whose displayed text says another number than their value (a .xls format
   * `#,##0` shows 638.4 as `638`): [row, column, shown, value, cell address]. The value is read.
   */
  shown: z
    .array(
      z.tuple([position, position, z.string().max(200), z.string().max(200), z.string().max(20)]),
    )
    .max(100_000)
    .optional(),
});

const decodedCellSchema = z.object({
  text: z.string().max(MAX_TEXT),
  span: z.number().int().min(1).max(1000),
  /** '' no merge; 'restart' starts a vertical merge; 'continue' (bare `<w:vMerge/>`) extends it. */
  vMerge: z.enum(['', 'restart', 'continue']),
});

const decodedBlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), text: z.string().max(MAX_TEXT) }),
  z.object({
    type: z.literal('table'),
    rows: z
      .array(
        z.object({
          before: z.number().int().min(0).max(1000),
          cells: z.array(decodedCellSchema).max(1000),
        }),
      )
      .max(100_000),
  }),
]);

export const decodedResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sheets'), sheets: z.array(decodedSheetSchema).max(1000) }),
  z.object({ kind: z.literal('docx'), blocks: z.array(decodedBlockSchema).max(200_000) }),
]);

export type DecodedSheet = z.infer<typeof decodedSheetSchema>;
export type DecodedBlock = z.infer<typeof decodedBlockSchema>;
export type DecodedResult = z.infer<typeof decodedResultSchema>;

/**
 * Cells a sheet or Word table may place on its grid (rows × columns up to the last used cell):
 * far beyond any budget table, small enough for the recognisers to stay fast.
 */
const MAX_SHEET_AREA = 250_000;

/**
 * A worksheet as a grid table: anchor cells with spans from its merges, sources as `Sheet1!B3`.
 * Empty cells are kept so columns line up. Throws RangeError when the used area is too large.
 */
export function sheetToGrid(sheet: DecodedSheet): GridTable {
  const texts = new Map<number, Map<number, string>>();
  let rows = 0;
  let columns = 0;
  for (const [row, column, text] of sheet.cells) {
    let line = texts.get(row);
    if (!line) texts.set(row, (line = new Map()));
    line.set(column, text);
    rows = Math.max(rows, row);
    columns = Math.max(columns, column);
  }
  const spans = new Map<string, [number, number]>();
  const covered = new Set<string>();
  for (const [top, left, bottom, right] of sheet.merges) {
    if (bottom < top || right < left) continue;
    // A merge past the last text only matters up to it.
    const lastRow = Math.min(bottom, Math.max(rows, top));
    const lastColumn = Math.min(right, Math.max(columns, left));
    if ((lastRow - top + 1) * (lastColumn - left + 1) > MAX_SHEET_AREA) continue;
    spans.set(`${top}:${left}`, [lastRow - top + 1, lastColumn - left + 1]);
    for (let r = top; r <= lastRow; r += 1)
      for (let c = left; c <= lastColumn; c += 1)
        if (r !== top || c !== left) covered.add(`${r}:${c}`);
  }
  if (rows * columns > MAX_SHEET_AREA) {
    throw new RangeError(`工作表「${sheet.name}」的使用区域过大（${rows} 行 × ${columns} 列）。`);
  }
  const cells: GridCell[][] = [];
  for (let row = 1; row <= rows; row += 1) {
    const line: GridCell[] = [];
    for (let column = 1; column <= columns; column += 1) {
      const key = `${row}:${column}`;
      if (covered.has(key)) continue;
      const [rowSpan, colSpan] = spans.get(key) ?? [1, 1];
      line.push({
        text: texts.get(row)?.get(column) ?? '',
        rowSpan,
        colSpan,
        source: { sheet: sheet.name, row, column, cell: `${columnLetters(column)}${row}` },
      });
    }
    cells.push(line);
  }
  return { name: sheet.name, cells };
}

/**
 * Word body blocks as grid tables, in document order: each table (spans from `gridSpan`,
 * vertical merges from `vMerge`, leading empty grid columns from `gridBefore`) and each run of
 * paragraphs between tables as a one-column table named `正文`.
 */
export function docxToGrid(blocks: readonly DecodedBlock[]): GridTable[] {
  const tables: GridTable[] = [];
  let paragraphs: GridCell[][] = [];
  let paragraphCount = 0;
  let tableCount = 0;
  const flush = (): void => {
    if (paragraphs.length > 0) tables.push({ name: '正文', cells: paragraphs });
    paragraphs = [];
  };
  for (const block of blocks) {
    if (block.type === 'paragraph') {
      paragraphCount += 1;
      for (const line of block.text.split('\n')) {
        paragraphs.push([
          {
            text: line,
            rowSpan: 1,
            colSpan: 1,
            source: { sheet: '正文', row: paragraphCount, cell: `正文第 ${paragraphCount} 段` },
          },
        ]);
      }
      continue;
    }
    flush();
    tableCount += 1;
    tables.push(wordTable(block.rows, `表格 ${tableCount}`));
  }
  flush();
  return tables;
}

type WordRow = Extract<DecodedBlock, { type: 'table' }>['rows'][number];

function wordTable(rows: readonly WordRow[], name: string): GridTable {
  const area = rows.reduce(
    (sum, row) => sum + row.before + row.cells.reduce((width, cell) => width + cell.span, 0),
    0,
  );
  if (area > MAX_SHEET_AREA) throw new RangeError(`Word 文档中的${name}过大（${area} 个单元格）。`);
  // Grid column where each cell starts, then vertical merges joined to the cell they continue.
  const placed = rows.map((row, rowIndex) => {
    let column = row.before;
    return row.cells.map((cell) => {
      const start = column;
      column += cell.span;
      return { cell, start, rowIndex };
    });
  });
  const anchors = new Map<string, GridCell>();
  // Texts a vertical merge collects, joined once at the end: a chain of 20,000 rows stays linear.
  const merged = new Map<GridCell, string[]>();
  const result: GridCell[][] = rows.map(() => []);
  placed.forEach((row, rowIndex) => {
    const line = result[rowIndex] as GridCell[];
    // Empty anchors for gridBefore columns keep later cells in their grid columns.
    const first = row[0]?.start ?? 0;
    for (let column = 0; column < first && column < 1000; column += 1) {
      line.push(emptyCell(name, rowIndex, column));
    }
    let next = first;
    for (const { cell, start } of row) {
      for (; next < start; next += 1) line.push(emptyCell(name, rowIndex, next));
      next = start + cell.span;
      const key = `${start}:${cell.span}`;
      const above = anchors.get(key);
      if (cell.vMerge === 'continue' && above) {
        above.rowSpan += 1;
        if (cell.text.trim() !== '') {
          const parts = merged.get(above);
          if (parts) parts.push(cell.text);
          else merged.set(above, [above.text, cell.text]);
        }
        continue;
      }
      const anchor: GridCell = {
        text: cell.text,
        rowSpan: 1,
        colSpan: cell.span,
        source: {
          sheet: name,
          row: rowIndex + 1,
          column: start + 1,
          cell: `${name} 第 ${rowIndex + 1} 行第 ${start + 1} 列`,
        },
      };
      if (cell.vMerge === 'restart' || cell.vMerge === 'continue') anchors.set(key, anchor);
      else anchors.delete(key);
      line.push(anchor);
    }
  });
  for (const [anchor, parts] of merged) anchor.text = joinMerged(parts);
  return { name, cells: result };
}

/**
 * A merged cell's texts joined as the row-by-row reader did (`${above}\n${text}`, trimmed after
 * each row): each later part loses its trailing blanks, the whole is trimmed.
 */
function joinMerged(parts: readonly string[]): string {
  return parts
    .map((part, index) => (index === 0 ? part : part.trimEnd()))
    .join('\n')
    .trim();
}

function emptyCell(name: string, row: number, column: number): GridCell {
  return {
    text: '',
    rowSpan: 1,
    colSpan: 1,
    source: { sheet: name, row: row + 1, column: column + 1 },
  };
}
