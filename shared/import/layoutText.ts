/**
 * The disclosure table extracted from a PDF with its columns laid out with spaces (`pdftotext
 * -layout`, DOMAIN.md §8 "run together"): the cells of a row side by side on a line, separated by
 * runs of spaces, wrapped cells going on over the following lines, one page after another (a form
 * feed starts a page). Columns are counted in characters, one a character whatever its width, as
 * pdftotext writes them.
 *
 * What the output is like (seen on the seed printed by LibreOffice): the header labels wrap over
 * up to three lines; cells are centred vertically, so a row's tall cells start above the line
 * holding its name and amounts and end below it; a blank line usually separates rows; a block of
 * wrapped text keeps its starting column, but columns move from row to row and from page to page
 * (pdftotext places each block after the ones to its left), so the header's positions do not give
 * fixed column ranges. So rows are anchored on their amounts, and each row's text is placed by its
 * blocks: left of the amounts the name, right of them the 绩效目标 and then the 绩效指标.
 * Assumptions are reported as warnings; text that cannot be placed is handed on as a line of its
 * own, which the disclosure reader keeps raw with its line number.
 */

import { AMOUNT_COLUMNS, type DisclosureColumn } from './disclosure/columns';
import { furnitureKind } from './disclosure/furniture';
import { RUN_END } from './indicatorRun';
import { closeFontGaps } from './extractedText';
import type { SourceRow } from './grid';
import {
  MAX_LINE,
  chunksOf,
  headerAt,
  isHeaderLine,
  moneyKind,
  type Chunk,
  type Header,
  type Line,
} from './layoutLines';
import type { ImportEntry } from './report';

/** A stream item: a line with text, a blank line, or the start of a page or furniture. */
type Item = { kind: 'line'; line: Line } | { kind: 'break' };

export interface LayoutText {
  /** Rows as the disclosure reader takes them: header rows, furniture, table rows. */
  rows: SourceRow[];
  /** Assumptions the rebuilding made, for the import report. */
  entries: ImportEntry[];
}

/** The money chunks of a line that anchor a row: one printed with separators, or two. */
function anchorChunks(line: Line): Chunk[] | null {
  const money = line.chunks.filter((chunk) => moneyKind(chunk.text) !== null);
  const strong = money.some((chunk) => moneyKind(chunk.text) === 'strong');
  if (money.length === 0 || (!strong && money.length < 2)) return null;
  // Amounts sit together after the name: the first money chunk and those right after it.
  const start = line.chunks.indexOf(money[0] as Chunk);
  const run: Chunk[] = [];
  for (const chunk of line.chunks.slice(start)) {
    if (moneyKind(chunk.text) === null) break;
    run.push(chunk);
  }
  return run;
}

/** A line that starts a run of indicator sentences. */
const RUN_START = /^(?:<[^<>]*>\s*)*1\s*、\s*\d/u;

/** Rebuilds the table rows of `pdftotext -layout` text. Null when it has no header laid out so. */
export function readLayoutText(text: string): LayoutText | null {
  const raw = text.split('\n');
  const lines: Array<Line | null> = [];
  let page = 0;
  raw.forEach((content, index) => {
    let body = content;
    while (body.startsWith('\f')) {
      page += 1;
      body = body.slice(1);
    }
    body = body.replace(/\f/g, ' ');
    if (body.trim() === '') lines.push(null);
    else if (body.length > MAX_LINE) {
      lines.push({ line: index + 1, page, chunks: [{ col: 0, end: 1, text: body.trim() }] });
    } else lines.push({ line: index + 1, page, chunks: chunksOf(body) });
  });

  // Header bands: the first gives the columns; repeated ones on later pages are left out.
  let header: Header | null = null;
  const bandOf = new Map<number, { last: number; header: Header }>();
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index];
    if (!line || !isHeaderLine(line)) continue;
    const band = headerAt(lines, index);
    if (!band.header) continue;
    header ??= band.header;
    bandOf.set(band.first, { last: band.last, header: band.header });
    index = band.last;
  }
  if (!header) return null;
  const mainHeader = header;

  const rows: SourceRow[] = [];
  const entries: ImportEntry[] = [];
  const single = (line: Line): void => {
    const textOf = line.chunks.map((chunk) => chunk.text).join(' ');
    rows.push({ source: { line: line.line }, cells: [textOf] });
  };

  // Headers and page furniture leave the stream; a page or furniture break is a place where a
  // row may end, like a blank line.
  const stream: Item[] = [];
  const pushBreak = (): void => {
    if (stream.at(-1)?.kind !== 'break') stream.push({ kind: 'break' });
  };
  let seenHeader = false;
  let lastPage = 0;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? null;
    if (!line) {
      pushBreak();
      continue;
    }
    if (line.page !== lastPage) {
      pushBreak();
      lastPage = line.page;
    }
    const band = bandOf.get(index);
    if (band) {
      rows.push({ source: { line: line.line }, cells: band.header.labels });
      seenHeader = true;
      pushBreak();
      index = band.last;
      continue;
    }
    const only = line.chunks.length === 1 ? (line.chunks[0] as Chunk).text : null;
    const kind = only === null ? null : furnitureKind(only);
    const isFurniture =
      kind === 'title' ||
      kind === 'department' ||
      kind === 'unit' ||
      kind === 'year' ||
      (kind === 'page' && (line.chunks[0] as Chunk).col > 0 && moneyKind(only ?? '') !== 'strong');
    if (!seenHeader || isFurniture) {
      single(line);
      if (isFurniture) pushBreak();
      continue;
    }
    stream.push({ kind: 'line', line });
  }

  const anchors: number[] = [];
  stream.forEach((item, index) => {
    if (item.kind === 'line' && anchorChunks(item.line)) anchors.push(index);
  });
  if (anchors.length === 0) {
    for (const item of stream) if (item.kind === 'line') single(item.line);
    rows.sort(byLine);
    return { rows, entries };
  }

  // Each row runs from a cut to the next: the last break before the next row's amounts.
  const cuts: number[] = [0];
  for (let index = 1; index < anchors.length; index += 1) {
    const from = anchors[index - 1] as number;
    const to = anchors[index] as number;
    cuts.push(cutBetween(stream, from, to, entries));
  }
  cuts.push(stream.length);
  const guesses: AmountGuess[] = [];
  anchors.forEach((anchor, index) => {
    const part = stream.slice(cuts[index], cuts[index + 1]);
    const rowLines = part.flatMap((item) => (item.kind === 'line' ? [item.line] : []));
    const anchorLine = (stream[anchor] as { line: Line }).line;
    rows.push(buildRow(mainHeader, rowLines, anchorLine, entries, guesses));
  });
  reportGuesses(guesses, entries);
  rows.sort(byLine);
  return { rows, entries };
}

function byLine(a: SourceRow, b: SourceRow): number {
  return (a.source.line ?? 0) - (b.source.line ?? 0);
}

/**
 * Where the row anchored at `from` ends and the one anchored at `to` begins: at the last blank
 * line, page break or furniture between them. Without one, after the line where the earlier
 * row's indicator run ends, or before a line that starts a new run; a guess is reported.
 */
function cutBetween(
  stream: readonly Item[],
  from: number,
  to: number,
  entries: ImportEntry[],
): number {
  for (let index = to - 1; index > from; index -= 1) {
    if (stream[index]?.kind === 'break') return index;
  }
  const texts = (index: number): string[] => {
    const item = stream[index];
    return item?.kind === 'line' ? item.line.chunks.map((chunk) => chunk.text) : [];
  };
  let cut = -1;
  for (let index = from + 1; index < to && cut < 0; index += 1) {
    if (texts(index).some((text) => RUN_START.test(text))) cut = index;
  }
  if (cut < 0) {
    for (let index = to - 1; index > from && cut < 0; index -= 1) {
      if (texts(index).some((text) => RUN_END.test(text))) cut = index + 1;
    }
  }
  if (cut < 0) cut = from + Math.ceil((to - from) / 2);
  const item = stream[cut];
  if (item?.kind === 'line' && cut < to) {
    entries.push({
      kind: 'warning',
      message: `第 ${item.line.line} 行前后两个项目行之间没有空行或分页，按内容判断从这一行起属于下一行，请核对。`,
      source: { line: item.line.line },
    });
  }
  return cut;
}

/**
 * Blocks of wrapped text in one page of a row, by starting column, ascending: where several
 * lines start text, where a line's first text stands, and each text on the anchor line.
 */
function blocksOf(chunks: ReadonlyArray<[Line, Chunk]>, anchor: Line): number[] {
  const counts = new Map<number, number>();
  const firsts = new Set<Chunk>();
  const seenLines = new Set<Line>();
  for (const [line, chunk] of chunks) {
    counts.set(chunk.col, (counts.get(chunk.col) ?? 0) + 1);
    // Chunks come line by line, left to right: the first of a line stands where a block starts.
    if (!seenLines.has(line)) {
      seenLines.add(line);
      firsts.add(chunk);
    }
  }
  const starts = new Set<number>();
  for (const [, chunk] of chunks) {
    // On the anchor line cells stand side by side, each where its block starts.
    const own = (counts.get(chunk.col) ?? 0) >= 2 || firsts.has(chunk);
    if (own || anchor.chunks.includes(chunk)) starts.add(chunk.col);
  }
  const sorted = [...starts].sort((a, b) => a - b);
  // Columns a character apart are one block (a line that starts with a narrow character).
  return sorted.filter((col, index) => index === 0 || col - (sorted[index - 1] as number) > 1);
}

/** The block a chunk belongs to: the last block starting at or just after its column. */
function blockIndex(blocks: readonly number[], col: number): number {
  let low = 0;
  let high = blocks.length - 1;
  let found = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((blocks[middle] as number) <= col + 1) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** A row whose amounts did not line up with the header and were read from the left. */
interface AmountGuess {
  line: number;
  funding: number;
}

/** One warning for all rows whose blank amount cells could not be told apart. */
function reportGuesses(guesses: readonly AmountGuess[], entries: ImportEntry[]): void {
  const first = guesses[0];
  if (!first) return;
  const shown = guesses
    .slice(0, 5)
    .map((guess) => guess.line)
    .join('、');
  const more = guesses.length > 5 ? `等 ${guesses.length} 行` : '';
  const several = guesses.some((guess) => guess.funding > 1);
  entries.push({
    kind: 'warning',
    message: `按版面排列的文本中，第 ${shown} 行${more}的金额与表头没有对齐，空白的金额单元格无法按位置判断：已把第一个金额读作总计，其余按财政拨款、财政专户拨款、其他资金的顺序读取${several ? '（其中有一行不止一个资金金额）' : ''}；如实为财政专户拨款或其他资金，请改正。`,
    source: { line: first.line },
  });
}

type TextColumn = 'name' | 'goal' | 'indicators';

/** One table row from its lines: the anchor line's amounts, and the text around them by block. */
function buildRow(
  header: Header,
  rowLines: readonly Line[],
  anchor: Line,
  entries: ImportEntry[],
  guesses: AmountGuess[],
): SourceRow {
  const amounts = anchorChunks(anchor) as Chunk[];
  const amountStart = (amounts[0] as Chunk).col;
  const amountEnd = (amounts.at(-1) as Chunk).end;
  const parts: Record<TextColumn, Array<{ line: number; text: string }>> = {
    name: [],
    goal: [],
    indicators: [],
  };
  const pages = [...new Set(rowLines.map((line) => line.page))];
  for (const page of pages) {
    const onPage = rowLines.filter((line) => line.page === page);
    const main = page === anchor.page;
    const text: Array<[Line, Chunk]> = [];
    for (const line of onPage) {
      for (const chunk of line.chunks) {
        if (line === anchor && amounts.includes(chunk)) continue;
        if (main && chunk.col < amountStart) parts.name.push({ line: line.line, text: chunk.text });
        else if (main && chunk.col < amountEnd) {
          // Text among the amounts: kept with the name rather than lost.
          parts.name.push({ line: line.line, text: chunk.text });
        } else text.push([line, chunk]);
      }
    }
    const blocks = blocksOf(text, anchor);
    const columnOf = (block: number): TextColumn => {
      if (blocks.length >= 2) {
        if (block === blocks.length - 1) return 'indicators';
        if (block === blocks.length - 2) return 'goal';
        return main ? 'goal' : 'name';
      }
      // One block: the 绩效指标 when it starts a run or goes on with an unfinished one.
      const first = text[0]?.[1].text ?? '';
      const sofar = parts.indicators.map((part) => part.text).join('');
      if (RUN_START.test(first) || (sofar !== '' && !RUN_END.test(sofar))) return 'indicators';
      return 'goal';
    };
    for (const [line, chunk] of text) {
      const column = columnOf(blockIndex(blocks, chunk.col));
      parts[column].push({ line: line.line, text: chunk.text });
    }
  }

  const cells = header.columns.map(() => '');
  const sources: Array<{ line: number } | undefined> = header.columns.map(() => undefined);
  const put = (column: DisclosureColumn, pieces: ReadonlyArray<{ line: number; text: string }>) => {
    const index = header.columns.indexOf(column);
    const firstPiece = [...pieces].sort((a, b) => a.line - b.line)[0];
    if (index < 0 || !firstPiece) return;
    const ordered = [...pieces].sort((a, b) => a.line - b.line);
    cells[index] = closeFontGaps(ordered.map((piece) => piece.text).join(''));
    sources[index] = { line: firstPiece.line };
  };
  put('name', parts.name);
  put('goal', parts.goal);
  put('indicators', parts.indicators);

  const amountColumns = header.columns.filter((column) =>
    (AMOUNT_COLUMNS as readonly string[]).includes(column),
  );
  const placed = placeAmounts(header, amountColumns, amounts, anchor.page);
  placed.forEach((column, index) => {
    const chunk = amounts[index] as Chunk;
    if (column) put(column, [{ line: anchor.line, text: chunk.text }]);
  });
  if (placed.includes(null)) {
    const extra = amounts.filter((_, index) => placed[index] === null);
    entries.push({
      kind: 'raw',
      message: `第 ${anchor.line} 行的金额比表头的金额列多，未能放入：${extra.map((chunk) => chunk.text).join('、')}。`,
      source: { line: anchor.line },
    });
  }
  if (
    amounts.length < amountColumns.length &&
    amounts.length > 1 &&
    !alignsWithHeader(header, amountColumns, amounts, anchor.page)
  ) {
    guesses.push({ line: anchor.line, funding: amounts.length - 1 });
  }
  const rowLine = rowLines.reduce((least, line) => Math.min(least, line.line), anchor.line);
  return { source: { line: rowLine }, cells, cellSources: sources };
}

/** Columns an amount chunk's start must lie within of its label's to count as aligned. */
const ALIGN = 2;

function alignsWithHeader(
  header: Header,
  amountColumns: readonly DisclosureColumn[],
  amounts: readonly Chunk[],
  page: number,
): boolean {
  if (page !== header.page) return false;
  const cols = amountColumns.map((column) => header.cols[header.columns.indexOf(column)] ?? -99);
  return amounts.every((chunk) => cols.some((col) => Math.abs(col - chunk.col) <= ALIGN));
}

/**
 * The column of each amount: by position when they line up with the header's labels (same page),
 * else the first is the total and the rest fill the funding columns from the left.
 */
function placeAmounts(
  header: Header,
  amountColumns: readonly DisclosureColumn[],
  amounts: readonly Chunk[],
  page: number,
): Array<DisclosureColumn | null> {
  if (
    amounts.length < amountColumns.length &&
    alignsWithHeader(header, amountColumns, amounts, page)
  ) {
    const used = new Set<DisclosureColumn>();
    return amounts.map((chunk) => {
      let best: DisclosureColumn | null = null;
      let distance = Infinity;
      for (const column of amountColumns) {
        const col = header.cols[header.columns.indexOf(column)] ?? -99;
        if (!used.has(column) && Math.abs(col - chunk.col) < distance) {
          best = column;
          distance = Math.abs(col - chunk.col);
        }
      }
      if (best) used.add(best);
      return best;
    });
  }
  return amounts.map((_, index) => amountColumns[index] ?? null);
}
