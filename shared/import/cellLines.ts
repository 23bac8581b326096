/**
 * Text with the cells of the disclosure table on separate lines, as copying a table out of a PDF
 * viewer (or Word's "keep text only") gives: no tabs, each cell on its own line, long cells
 * wrapped over several lines, blank amounts left out or left as empty lines, the title block and
 * the header repeated on every page (DOMAIN.md §8). The header labels, one a line, give the
 * columns; rows are rebuilt on anchors and handed on as the rows the tab reader makes:
 * - amounts (`4,791.93`) anchor a row: the lines just before them are its name;
 * - the 绩效指标 cell starts with sentence 1 of an indicator run (`1、1-产出指标；…`), so the
 *   lines between the amounts and it are the 绩效目标;
 * - a row's last cell ends with its last sentence (`…年度指标值：90%。`), so the lines after it
 *   and before the next amounts are the next row's name.
 * What these anchors cannot place is handed on as a line of its own, which the disclosure reader
 * keeps raw with its line number; assumptions are reported as warnings.
 */

import { parseMoney } from '../model';
import { cleanCellText } from './cleanText';
import {
  AMOUNT_COLUMNS,
  COLUMN_LABELS,
  headerColumn,
  type AmountColumn,
  type DisclosureColumn,
} from './disclosure/columns';
import { furnitureKind } from './disclosure/furniture';
import type { SourceRow } from './grid';
import { findIndicatorRun } from './indicatorRun';
import type { ImportEntry } from './report';

/** A line of the text: 1-based number, text as written, and trimmed. */
export interface Line {
  line: number;
  text: string;
  key: string;
}

/** A header found as labels on consecutive lines. */
interface HeaderRun {
  /** Index after the run's last line. */
  end: number;
  labels: string[];
  columns: DisclosureColumn[];
  line: number;
}

export interface CellLines {
  /** Rows as the disclosure reader takes them: header rows, furniture, table rows. */
  rows: SourceRow[];
  /** Assumptions the rebuilding made, for the import report. */
  entries: ImportEntry[];
}

/** Lines a wrapped header label may take (`财政专户` + `拨款`). */
const LABEL_LINES = 3;

function isLabel(key: string): boolean {
  return key !== '' && key.length <= 20 && !key.includes('表') && headerColumn(key) !== null;
}

/** A label's last line when it wrapped: short, no digits, not a label of its own. */
function continuesLabel(key: string): boolean {
  return key !== '' && key.length <= 6 && !/\d/u.test(key) && !isLabel(key);
}

/** How a wrapped label may end: its bracket closed, or the last word of a known label. */
const LABEL_END = /(?:拨款|资金|[)）]|目标|指标)$/u;

/** The label starting at line `index` (joined over wrapped lines) and the index after it. */
export function labelAt(
  lines: readonly Line[],
  index: number,
): { label: string; column: DisclosureColumn; next: number } | null {
  for (let count = LABEL_LINES; count >= 1; count -= 1) {
    const part = lines.slice(index, index + count);
    if (part.length < count || !part.slice(1).every((line) => continuesLabel(line.key))) continue;
    const label = part.map((line) => line.key).join('');
    if (count > 1 && !LABEL_END.test(label)) continue;
    const column = isLabel(label) ? headerColumn(label) : null;
    if (column) return { label, column, next: index + count };
  }
  return null;
}

/** A header on consecutive lines from `index`: 项目名称, 总计 and 财政拨款 at least. */
function headerRunAt(lines: readonly Line[], index: number): HeaderRun | null {
  const labels: string[] = [];
  const columns: DisclosureColumn[] = [];
  let at = index;
  while (at < lines.length) {
    const label = labelAt(lines, at);
    if (!label || columns.includes(label.column)) break;
    labels.push(label.label);
    columns.push(label.column);
    at = label.next;
  }
  const found = ['name', 'total', 'fiscal'].every((column) =>
    columns.includes(column as DisclosureColumn),
  );
  return found ? { end: at, labels, columns, line: (lines[index] as Line).line } : null;
}

const MONEY_LINE = /^[-+－]?[\d０-９][\d０-９,，]*(?:[.．][\d０-９]{1,2})?$/u;

/** An amount on a line of its own; `strong` when printed with separators or decimals. */
function moneyLine(key: string): 'strong' | 'weak' | null {
  if (!MONEY_LINE.test(key) || parseMoney(key) === null) return null;
  return /[.,，．]/u.test(key) ? 'strong' : 'weak';
}

/** A line that ends a cell: a sentence end, or the end of a rich-text paragraph. */
const CELL_END = /(?:[。！？!?]|<\/p>)\s*(?:<\/[a-z]+>\s*)*$/iu;
/** A line that may start an indicator run: `1、`, possibly after rich-text tags. */
const RUN_START = /^(?:<[^<>]*>\s*)*1\s*、/u;

function joinLines(lines: readonly Line[]): string {
  return lines.map((line) => line.text).join('');
}

/** Lines enough to hold a first sentence however it wrapped; bounds the work per candidate. */
const SENTENCE_LINES = 40;

/** True when an indicator run starts at the beginning of `lines[index]`. */
function startsRun(lines: readonly Line[], index: number): boolean {
  const first = lines[index];
  if (!first || !RUN_START.test(first.key)) return false;
  const text = joinLines(lines.slice(index, index + SENTENCE_LINES));
  return findIndicatorRun(cleanCellText(text).text) === 0;
}

/** Amounts of one row: the lines read, by position when the blanks were kept as empty lines. */
interface AmountRun {
  start: number;
  end: number;
  /** One entry per amount column when positional, else the amounts present in order. */
  slots: Array<Line | null>;
  positional: boolean;
}

/** Reads the amounts starting at `start` (a money line), or null when they anchor nothing. */
function amountRun(stream: ReadonlyArray<Line | null>, start: number, count: number): AmountRun {
  const slots: Array<Line | null> = [];
  let at = start;
  while (at < stream.length && slots.length < count) {
    const item = stream[at] ?? null;
    if (item !== null && moneyLine(item.key) === null) break;
    slots.push(item);
    at += 1;
  }
  const positional = slots.length === count && slots.includes(null);
  const present = slots.filter((slot): slot is Line => slot !== null);
  // Trailing empty lines that do not fill every column are no cells.
  let end = at;
  while (!positional && end > start && stream[end - 1] === null) end -= 1;
  return { start, end, slots: positional ? slots : present, positional };
}

function anchors(run: AmountRun): boolean {
  const present = run.slots.filter((slot): slot is Line => slot !== null);
  return present.length >= 2 || present.some((slot) => moneyLine(slot.key) === 'strong');
}

/** Splits the lines between two rows' amounts into the earlier row's cells and the next name. */
function splitGap(gap: readonly Line[]): { content: Line[]; name: Line[]; guessed: boolean } {
  let lastAnnual = -1;
  gap.forEach((line, index) => {
    if (line.key.includes('年度指标值')) lastAnnual = index;
  });
  let end = -1;
  if (lastAnnual >= 0) {
    end = gap.findIndex((line, index) => index >= lastAnnual && CELL_END.test(line.key));
  } else {
    gap.forEach((line, index) => {
      if (CELL_END.test(line.key)) end = index;
    });
  }
  const guessed = (lastAnnual >= 0 && end < 0) || end === gap.length - 1;
  if (guessed) end = gap.length - 2;
  return { content: gap.slice(0, end + 1), name: gap.slice(end + 1), guessed };
}

/** Longest name, in lines and characters, read without asking. */
const NAME_LINES = 4;
const NAME_LENGTH = 100;

/**
 * Rebuilds the table rows of text with one cell a line. Null when the text has no header of the
 * disclosure table written one label a line.
 */
export function readCellLines(text: string): CellLines | null {
  const lines: Line[] = text
    .split('\n')
    .map((line, index) => ({ line: index + 1, text: line, key: line.trim() }));
  let first = -1;
  for (let index = 0; index < lines.length && first < 0; index += 1) {
    if (isLabel((lines[index] as Line).key) && headerRunAt(lines, index)) first = index;
  }
  if (first < 0) return null;
  const header = headerRunAt(lines, first) as HeaderRun;
  const entries: ImportEntry[] = [];
  const rows: SourceRow[] = [];
  const single = (line: Line): void => {
    rows.push({ source: { line: line.line }, cells: [line.key] });
  };
  for (const line of lines.slice(0, first)) if (line.key !== '') single(line);

  // Page furniture and repeated headers leave the stream of cell lines, wherever they sit.
  const stream: Array<Line | null> = [];
  /** A bare number is a page number when the next page's title block follows it (or nothing). */
  const isPageBreak = (index: number): boolean => {
    let next = index + 1;
    while (next < lines.length && (lines[next] as Line).key === '') next += 1;
    if (next >= lines.length) return true;
    const kind = furnitureKind((lines[next] as Line).key);
    return kind === 'title' || kind === 'department' || kind === 'unit';
  };
  let inFurniture = false;
  for (let index = first; index < lines.length;) {
    const line = lines[index] as Line;
    const run = isLabel(line.key) ? headerRunAt(lines, index) : null;
    if (run) {
      rows.push({ source: { line: run.line }, cells: run.labels });
      inFurniture = true;
      index = run.end;
      continue;
    }
    index += 1;
    if (line.key === '') {
      if (!inFurniture) stream.push(null);
      continue;
    }
    const kind = furnitureKind(line.key);
    const furniture =
      kind === 'title' ||
      kind === 'department' ||
      kind === 'unit' ||
      (kind === 'year' && inFurniture) ||
      (kind === 'page' && (moneyLine(line.key) === null || isPageBreak(index - 1)));
    if (furniture) {
      single(line);
      while (stream.at(-1) === null) stream.pop();
      inFurniture = true;
      continue;
    }
    inFurniture = false;
    stream.push(line);
  }

  const amountColumns = header.columns.filter((column) =>
    (AMOUNT_COLUMNS as readonly string[]).includes(column),
  );
  const runs: AmountRun[] = [];
  for (let index = 0; index < stream.length; index += 1) {
    const item = stream[index];
    if (!item || moneyLine(item.key) === null) continue;
    const run = amountRun(stream, index, amountColumns.length);
    if (!anchors(run)) continue;
    runs.push(run);
    index = Math.max(index, run.end - 1);
  }

  const cellsOf = (from: number, to: number): Line[] =>
    stream.slice(from, to).filter((item): item is Line => item !== null);
  const guessedFunding: number[] = [];
  let previousName: Line[] = [];
  let previousRun: AmountRun | null = null;
  let gapStart = 0;
  const finishRow = (content: Line[]): void => {
    if (!previousRun) return;
    rows.push(
      buildRow(header, amountColumns, previousName, previousRun, content, entries, guessedFunding),
    );
  };
  for (const run of runs) {
    const gap = cellsOf(gapStart, run.start);
    let content: Line[] = [];
    let name = gap;
    if (previousRun) {
      const split = splitGap(gap);
      content = split.content;
      name = split.name;
      if (split.guessed && name[0]) {
        entries.push({
          kind: 'warning',
          message: `第 ${name[0].line} 行之前的单元格没有明确的结尾，按项目名称读取「${joinLines(name).trim()}」，请核对。`,
          source: { line: name[0].line },
        });
      }
    }
    // A name longer than any real one: what precedes its last line cannot be placed.
    let leftovers: Line[] = [];
    if (name.length > NAME_LINES || joinLines(name).length > NAME_LENGTH) {
      leftovers = name.slice(0, -1);
      name = name.slice(-1);
    }
    finishRow(content);
    for (const line of leftovers) single(line);
    previousName = name;
    previousRun = run;
    gapStart = run.end;
  }
  const tail = cellsOf(gapStart, stream.length);
  const { content, rest } = lastRowContent(tail);
  finishRow(content);
  for (const line of rest) single(line);
  if (guessedFunding.length > 0) {
    const shown = guessedFunding.slice(0, 5).join('、');
    const more = guessedFunding.length > 5 ? `等 ${guessedFunding.length} 行` : '';
    entries.push({
      kind: 'warning',
      message: `文本中空白的金额单元格没有留下位置：第 ${shown} 行${more}只有总计和一个资金金额，已按财政拨款读取；如实为财政专户拨款或其他资金，请改正。`,
      source: { line: guessedFunding[0] as number },
    });
  }
  rows.sort((a, b) => (a.source.line ?? 0) - (b.source.line ?? 0));
  return { rows, entries };
}

/** The last row's cells: up to the end of its indicator run; lines after it stay apart. */
function lastRowContent(tail: readonly Line[]): { content: Line[]; rest: Line[] } {
  const lastAnnual = tail.findLastIndex((line) => line.key.includes('年度指标值'));
  if (lastAnnual < 0) return { content: [...tail], rest: [] };
  const end = tail.findIndex((line, index) => index >= lastAnnual && CELL_END.test(line.key));
  if (end < 0) return { content: [...tail], rest: [] };
  return { content: tail.slice(0, end + 1), rest: tail.slice(end + 1) };
}

/** One table row, its cells in the header's order, each with the line it starts on. */
function buildRow(
  header: HeaderRun,
  amountColumns: readonly DisclosureColumn[],
  name: readonly Line[],
  run: AmountRun,
  content: readonly Line[],
  entries: ImportEntry[],
  guessedFunding: number[],
): SourceRow {
  const cells = header.columns.map(() => '');
  const sources: Array<{ line: number } | undefined> = header.columns.map(() => undefined);
  const put = (column: DisclosureColumn, lines: readonly Line[]): void => {
    const index = header.columns.indexOf(column);
    const firstLine = lines[0];
    if (index < 0 || !firstLine) return;
    cells[index] = joinLines(lines);
    sources[index] = { line: firstLine.line };
  };
  put('name', name);
  const present = run.slots.filter((slot): slot is Line => slot !== null);
  const rowLine = (name[0] ?? present[0] ?? content[0])?.line ?? 0;
  if (run.positional || present.length === amountColumns.length) {
    run.slots.forEach((slot, index) => {
      if (slot) put(amountColumns[index] as DisclosureColumn, [slot]);
    });
  } else {
    // Blanks were left out: the first amount is the total, the rest fill the funding columns
    // from the left. With one funding amount that is 财政拨款, the usual case; with more it is
    // a guess the clerk must confirm.
    const [total, ...funding] = present;
    if (total) put(amountColumns[0] as DisclosureColumn, [total]);
    funding.forEach((slot, index) => {
      const column = amountColumns[index + 1];
      if (column) put(column, [slot]);
    });
    if (funding.length === 1 && amountColumns.length > 2) guessedFunding.push(rowLine);
    else if (funding.length > 1) {
      const labels = funding
        .map(
          (slot, index) =>
            `「${slot.key}」→${COLUMN_LABELS[(amountColumns[index + 1] ?? 'other') as AmountColumn]}`,
        )
        .join('，');
      entries.push({
        kind: 'warning',
        message: `第 ${rowLine} 行的金额有空白单元格，文本中无法判断各金额所属的列，已按从左到右读取（${labels}），请核对。`,
        source: { line: present[0]?.line ?? rowLine },
      });
    }
  }
  const starts = content.map((_, index) => startsRun(content, index));
  const indicatorStart = starts.indexOf(true);
  const goal = indicatorStart < 0 ? content : content.slice(0, indicatorStart);
  const indicators = indicatorStart < 0 ? [] : content.slice(indicatorStart);
  put('goal', goal);
  put('indicators', indicators);
  const again = starts.indexOf(true, indicatorStart + 1);
  if (indicatorStart >= 0 && again > 0) {
    const line = (content[again] as Line).line;
    entries.push({
      kind: 'warning',
      message: `第 ${line} 行又开始一组从 1 编号的绩效指标，可能有一个没有金额的项目行并入了上一行，请核对。`,
      source: { line },
    });
  }
  return {
    source: { line: rowLine },
    cells,
    cellSources: sources,
  };
}
