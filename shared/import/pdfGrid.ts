/**
 * PDF pages to the neutral grid. Where a table has borders, its cells come from the ruling lines
 * (a missing stretch of border between two cells merges them, as a span); where it has none, from
 * the text's positions (columns where no line has text, rows by line). Tables that go on over the
 * next page are joined into one: the repeated header is dropped and a row the page break cut in
 * two is put back together.
 */

import type { GridCell, GridTable } from './grid';
import { cellText, centreOf, isPageNumber, lineText, linesOf, withoutDoubles } from './pdfPage';
import type { PdfPage, PdfRule, PdfText } from './pdfPage';
import { joinWrapped } from './pdfPage';

/**
 * How far apart two lines may be and still count as the same border (points): also the two
 * borders of neighbouring cells a table drawn with cell spacing (HTML `border="1"`) has.
 */
const TOLERANCE = 3.5;

/** A table found on one page, before tables running over several pages are joined. */
interface PageTable {
  page: number;
  /** Column borders (x), left to right: the test for "the same table on the next page". */
  columns: number[];
  top: number;
  rows: GridCell[][];
  bordered: boolean;
}

/** Sorted distinct positions, those closer than the tolerance merged. */
function clusters(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const value of sorted) {
    const last = out.at(-1);
    if (last === undefined || value - last > TOLERANCE) out.push(value);
  }
  return out;
}

/** Groups of rules that touch one another: each group with both directions is one table. */
function ruleGroups(rules: readonly PdfRule[]): PdfRule[][] {
  const parent = rules.map((_, index) => index);
  const find = (index: number): number => {
    while (parent[index] !== index)
      index = parent[index] = parent[parent[index] as number] as number;
    return index;
  };
  const touch = (a: PdfRule, b: PdfRule): boolean =>
    a.x1 - TOLERANCE <= b.x2 &&
    b.x1 - TOLERANCE <= a.x2 &&
    a.y1 - TOLERANCE <= b.y2 &&
    b.y1 - TOLERANCE <= a.y2;
  // Sweep by top edge so only rules overlapping vertically are compared.
  const order = rules
    .map((_, index) => index)
    .sort((a, b) => (rules[a] as PdfRule).y1 - (rules[b] as PdfRule).y1);
  const active: number[] = [];
  for (const index of order) {
    const rule = rules[index] as PdfRule;
    for (let n = active.length - 1; n >= 0; n -= 1) {
      const other = rules[active[n] as number] as PdfRule;
      if (other.y2 + TOLERANCE < rule.y1) active.splice(n, 1);
      else if (touch(rule, other)) parent[find(index)] = find(active[n] as number);
    }
    active.push(index);
  }
  const groups = new Map<number, PdfRule[]>();
  rules.forEach((rule, index) => {
    const root = find(index);
    groups.set(root, [...(groups.get(root) ?? []), rule]);
  });
  return withSideBordersJoined([...groups.values()]);
}

/**
 * A page in the middle of one tall row has the row's side borders only, which touch nothing:
 * vertical borders running over the same stretch of the page are one table.
 */
function withSideBordersJoined(groups: readonly PdfRule[][]): PdfRule[][] {
  const out: PdfRule[][] = [];
  const sides = new Map<string, PdfRule[]>();
  for (const group of groups) {
    if (!group.every((rule) => rule.x1 === rule.x2)) {
      out.push(group);
      continue;
    }
    const top = Math.min(...group.map((rule) => rule.y1));
    const bottom = Math.max(...group.map((rule) => rule.y2));
    const key = `${Math.round(top / (TOLERANCE * 2))}:${Math.round(bottom / (TOLERANCE * 2))}`;
    sides.set(key, [...(sides.get(key) ?? []), ...group]);
  }
  return [...out, ...sides.values()];
}

function covers(rules: readonly PdfRule[], along: 'x' | 'y', at: number, span: number): boolean {
  return rules.some((rule) =>
    along === 'x'
      ? Math.abs(rule.x1 - at) <= TOLERANCE &&
        rule.y1 - TOLERANCE <= span &&
        span <= rule.y2 + TOLERANCE
      : Math.abs(rule.y1 - at) <= TOLERANCE &&
        rule.x1 - TOLERANCE <= span &&
        span <= rule.x2 + TOLERANCE,
  );
}

function location(page: number, row: number, column: number) {
  // Shown as `第 5 页!第 1 行第 6 列`.
  return { sheet: `第 ${page} 页`, row, column, cell: `第 ${row} 行第 ${column} 列` };
}

/**
 * One bordered table: the grid of all its borders, atomic cells joined where no border separates
 * them, and the text pieces whose middle falls in each cell. Returns the pieces it took.
 */
function borderedTable(page: number, rules: readonly PdfRule[], texts: readonly PdfText[]) {
  const vertical = rules.filter((rule) => rule.x1 === rule.x2);
  const horizontal = rules.filter((rule) => rule.y1 === rule.y2);
  // A row cut by a page break may be drawn without its bottom (or, on the next page, its top)
  // border: the side borders reaching past the last line close the table there.
  if (vertical.length > 0 && horizontal.length > 0) {
    const left = Math.min(...vertical.map((rule) => rule.x1));
    const right = Math.max(...vertical.map((rule) => rule.x1));
    const top = Math.min(...horizontal.map((rule) => rule.y1));
    const bottom = Math.max(...horizontal.map((rule) => rule.y1));
    const reach = Math.max(...vertical.map((rule) => rule.y2));
    const start = Math.min(...vertical.map((rule) => rule.y1));
    if (reach > bottom + TOLERANCE * 2)
      horizontal.push({ x1: left, x2: right, y1: reach, y2: reach });
    if (start < top - TOLERANCE * 2) horizontal.push({ x1: left, x2: right, y1: start, y2: start });
  } else if (vertical.length > 0 && clusters(vertical.map((rule) => rule.x1)).length >= 3) {
    // A page in the middle of one tall row has its side borders only: they span the page's
    // piece of the row from top to bottom.
    const left = Math.min(...vertical.map((rule) => rule.x1));
    const right = Math.max(...vertical.map((rule) => rule.x1));
    const top = Math.min(...vertical.map((rule) => rule.y1));
    const bottom = Math.max(...vertical.map((rule) => rule.y2));
    const spanning = vertical.filter(
      (rule) => rule.y1 <= top + TOLERANCE * 2 && rule.y2 >= bottom - TOLERANCE * 2,
    );
    if (spanning.length * 2 < vertical.length) return null;
    horizontal.push({ x1: left, x2: right, y1: top, y2: top });
    horizontal.push({ x1: left, x2: right, y1: bottom, y2: bottom });
  }
  const xs = clusters(vertical.map((rule) => rule.x1));
  const ys = clusters(horizontal.map((rule) => rule.y1));
  if (xs.length < 2 || ys.length < 2) return null;
  const rowsCount = ys.length - 1;
  const columnsCount = xs.length - 1;
  // Each atomic cell belongs to the cell at its top-left after merging.
  const owner: number[] = [];
  const key = (row: number, column: number) => row * columnsCount + column;
  for (let row = 0; row < rowsCount; row += 1) {
    const middleY = ((ys[row] as number) + (ys[row + 1] as number)) / 2;
    for (let column = 0; column < columnsCount; column += 1) {
      const middleX = ((xs[column] as number) + (xs[column + 1] as number)) / 2;
      let own = key(row, column);
      if (column > 0 && !covers(vertical, 'x', xs[column] as number, middleY)) {
        own = owner[key(row, column - 1)] as number;
      } else if (row > 0 && !covers(horizontal, 'y', ys[row] as number, middleX)) {
        own = owner[key(row - 1, column)] as number;
      }
      owner[key(row, column)] = own;
    }
  }
  const pieces = new Map<number, PdfText[]>();
  const taken = new Set<PdfText>();
  const left = xs[0] as number;
  const right = xs.at(-1) as number;
  const top = ys[0] as number;
  const bottom = ys.at(-1) as number;
  for (const text of texts) {
    const { x, y } = centreOf(text);
    if (x < left || x > right || y < top || y > bottom) continue;
    const column = Math.min(columnsCount - 1, Math.max(0, xs.findIndex((edge) => edge > x) - 1));
    const row = Math.min(rowsCount - 1, Math.max(0, ys.findIndex((edge) => edge > y) - 1));
    const own = owner[key(row, column)] as number;
    const inCell = pieces.get(own);
    if (inCell) inCell.push(text);
    else pieces.set(own, [text]);
    taken.add(text);
  }
  const extent = new Map<number, { rows: number; columns: number }>();
  for (let row = 0; row < rowsCount; row += 1) {
    for (let column = 0; column < columnsCount; column += 1) {
      const own = owner[key(row, column)] as number;
      const ownRow = Math.floor(own / columnsCount);
      const ownColumn = own % columnsCount;
      const seen = extent.get(own) ?? { rows: 1, columns: 1 };
      seen.rows = Math.max(seen.rows, row - ownRow + 1);
      seen.columns = Math.max(seen.columns, column - ownColumn + 1);
      extent.set(own, seen);
    }
  }
  const cells: GridCell[][] = [];
  for (let row = 0; row < rowsCount; row += 1) {
    const line: GridCell[] = [];
    for (let column = 0; column < columnsCount; column += 1) {
      const own = key(row, column);
      if (owner[own] !== own) continue;
      const span = extent.get(own) ?? { rows: 1, columns: 1 };
      line.push({
        text: cellText(pieces.get(own) ?? []),
        rowSpan: span.rows,
        colSpan: span.columns,
        source: location(page, row + 1, column + 1),
      });
    }
    cells.push(line);
  }
  // Rows with no cell of their own (every cell spans from above) carry nothing.
  return {
    table: { page, columns: xs, top, rows: cells, bordered: true },
    taken,
  };
}

/**
 * Lines outside any bordered table. Runs of lines with gaps wide enough to be columns become a
 * borderless table (columns where no line has text); the rest are paragraphs, one cell a row.
 */
function looseTables(page: number, texts: readonly PdfText[]): PageTable[] {
  const lines = linesOf(texts).filter((line) => !isPageNumber(lineText(line)));
  const tables: PageTable[] = [];
  let block: PdfText[][] = [];
  const flush = () => {
    if (block.length > 0) tables.push(borderless(page, block));
    block = [];
  };
  for (const line of lines) {
    const wide = line.some((piece, index) => {
      const before = line[index - 1];
      return before !== undefined && piece.x - (before.x + before.width) > piece.size * 1.5;
    });
    if (!wide && block.length === 0) {
      tables.push(borderless(page, [line]));
      continue;
    }
    block.push(line);
  }
  flush();
  return tables;
}

/** Lines as rows, split into the columns that no line's text crosses. */
function borderless(page: number, lines: readonly PdfText[][]): PageTable {
  const spans = lines
    .flat()
    .map((piece) => [piece.x, piece.x + piece.width] as const)
    .sort((a, b) => a[0] - b[0]);
  const starts: number[] = [];
  let reach = -Infinity;
  for (const [start, end] of spans) {
    if (start - reach > 3) starts.push(start);
    reach = Math.max(reach, end);
  }
  const columns = starts.length > 0 ? starts : [0];
  const rows: GridCell[][] = lines.map((line, rowIndex) => {
    const buckets: PdfText[][] = columns.map(() => []);
    for (const piece of line) {
      let column = 0;
      while (column + 1 < columns.length && (columns[column + 1] as number) <= piece.x + 0.5)
        column += 1;
      buckets[column]?.push(piece);
    }
    return buckets.map((bucket, column) => ({
      text: joinWrapped([lineText(bucket)]),
      rowSpan: 1,
      colSpan: 1,
      source: location(page, rowIndex + 1, column + 1),
    }));
  });
  return { page, columns, top: lines[0]?.[0]?.y ?? 0, rows, bordered: false };
}

function rowTexts(row: readonly GridCell[]): string {
  return row.map((cell) => cell.text).join('\u0001');
}

function sameColumns(a: readonly number[], b: readonly number[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, index) => Math.abs(x - (b[index] as number)) <= TOLERANCE * 2)
  );
}

/** Grid columns each anchor of a row starts at (anchors covered by spans from above skipped). */
function startColumns(rows: readonly GridCell[][], index: number): Map<number, GridCell> {
  const taken: number[][] = [];
  let found = new Map<number, GridCell>();
  rows.forEach((row, rowIndex) => {
    const line = (taken[rowIndex] ??= []);
    let column = 0;
    const starts = new Map<number, GridCell>();
    for (const cell of row) {
      while (line[column]) column += 1;
      for (let r = 0; r < cell.rowSpan; r += 1)
        for (let c = 0; c < cell.colSpan; c += 1) (taken[rowIndex + r] ??= [])[column + c] = 1;
      starts.set(column, cell);
      column += cell.colSpan;
    }
    if (rowIndex === index) found = starts;
  });
  return found;
}

/**
 * Columns that hold text in nearly every row of a table: a row without text in all of them,
 * at the top of the next page, is the rest of the row the page break cut.
 */
function keyColumns(rows: readonly GridCell[][]): number[] {
  const filled = new Map<number, number>();
  const width = Math.max(...rows.map((row) => row.reduce((sum, cell) => sum + cell.colSpan, 0)));
  // Body rows only: titles and subtotals fill a few cells of a wide table.
  let body = 0;
  rows.forEach((_, index) => {
    const cells = [...startColumns(rows, index)].filter(([, cell]) => cell.text.trim() !== '');
    if (cells.length * 2 < width) return;
    body += 1;
    for (const [column] of cells) filled.set(column, (filled.get(column) ?? 0) + 1);
  });
  return [...filled].filter(([, count]) => count >= body * 0.8).map(([column]) => column);
}

const AMOUNT = /^[-+]?[\d,]+(?:\.\d+)?$/u;

/**
 * True when the first row of a continuation page is the rest of the previous page's last row:
 * it has text only where that row has text, it lacks text in a column nearly every row fills
 * (the amounts stayed above), and it holds no amount of its own.
 */
function isCutRow(
  previousRows: readonly GridCell[][],
  last: GridCell[],
  rows: GridCell[][],
): boolean {
  const keys = keyColumns(previousRows);
  const below = startColumns(rows, 0);
  const above = startColumns(previousRows, previousRows.length - 1);
  const filled = (cells: Map<number, GridCell>, column: number) =>
    (cells.get(column)?.text.trim() ?? '') !== '';
  if (last.length === 0) return false;
  const texts = [...below].filter(([, cell]) => cell.text.trim() !== '');
  if (texts.length === 0 || texts.some(([, cell]) => AMOUNT.test(cell.text.trim()))) return false;
  if (!texts.every(([column]) => filled(above, column))) return false;
  // An empty cell that reaches below the first row is a merged cell going on from the previous
  // page (a group's 一级 or 二级 over the rows that follow), not the rest of the cut row.
  return keys.some(
    (column) =>
      !filled(below, column) && (below.get(column)?.rowSpan ?? 1) === 1 && filled(above, column),
  );
}

/** Appends a continuation page's table to the table it continues. */
function continueTable(table: PageTable, next: PageTable): void {
  let rows = next.rows;
  // The header repeated at the top of the page.
  let header = 0;
  while (
    header < rows.length &&
    header < table.rows.length &&
    rowTexts(rows[header] as GridCell[]) === rowTexts(table.rows[header] as GridCell[])
  )
    header += 1;
  rows = rows.slice(header);
  const first = rows[0];
  const last = table.rows.at(-1);
  if (first && last && isCutRow(table.rows, last, rows)) {
    const starts = startColumns(rows, 0);
    const previous = startColumns(table.rows, table.rows.length - 1);
    for (const [column, cell] of starts) {
      const above = previous.get(column);
      if (above && cell.text.trim() !== '') above.text = joinWrapped([above.text, cell.text]);
    }
    // The cut row's cells that reach further down (merged cells going on from the previous page)
    // keep their columns for the rows below them: carried to the next row, one row shorter.
    // Dropped with the row, the rows below would slide left into the columns they covered.
    const carried = [...starts].filter(([, cell]) => cell.rowSpan > 1);
    if (carried.length > 0 && rows.length > 1) {
      const next = startColumns(rows, 1);
      for (const [column, cell] of carried)
        next.set(column, { ...cell, text: '', rowSpan: cell.rowSpan - 1 });
      const row = [...next].sort(([a], [b]) => a - b).map(([, cell]) => cell);
      rows = [row, ...rows.slice(2)];
    } else rows = rows.slice(1);
  }
  table.rows.push(...rows);
}

export interface PdfGridOptions {
  /** Called after each page. */
  progress?: (done: number, total: number) => void;
}

/** The tables of a PDF, read page by page. */
export function pdfToGrid(
  pages: Iterable<PdfPage>,
  total: number,
  options: PdfGridOptions = {},
): GridTable[] {
  const out: PageTable[] = [];
  /** The bordered table that ended its page at the bottom: the next page may continue it. */
  let open: PageTable | null = null;
  let done = 0;
  for (const page of pages) {
    let rest = withoutDoubles(page.texts);
    const bordered: PageTable[] = [];
    for (const group of ruleGroups(page.rules)) {
      const found = borderedTable(page.number, group, rest);
      if (!found) continue;
      bordered.push(found.table);
      rest = rest.filter((text) => !found.taken.has(text));
    }
    const loose = looseTables(page.number, rest);
    const tables = [...bordered, ...loose].sort((a, b) => a.top - b.top);
    const first = tables[0];
    const continues: boolean =
      open !== null &&
      first !== undefined &&
      bordered.includes(first) &&
      sameColumns(open.columns, first.columns);
    if (continues && open && first) continueTable(open, first);
    out.push(...tables.filter((table) => !(continues && table === first)));
    const last = tables.at(-1);
    open = last && bordered.includes(last) ? (continues && last === first ? open : last) : null;
    done += 1;
    options.progress?.(done, total);
  }
  let count = 0;
  return out
    .filter((table) => table.rows.some((row) => row.some((cell) => cell.text !== '')))
    .map((table) => {
      if (!table.bordered) return { name: '正文', cells: table.rows };
      count += 1;
      return { name: `表格 ${count}`, cells: table.rows };
    });
}
