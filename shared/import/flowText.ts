/**
 * The disclosure table extracted from a PDF in reading order (`pdftotext` without `-layout`, and
 * viewers built on poppler): the text comes in blocks separated by blank lines, one block a cell
 * (a wrapped cell's lines together), but the blocks follow the PDF's text flow, not the table's
 * rows. As seen on the seed printed by LibreOffice, a page gives the names of its rows together,
 * the amounts sometimes row by row and sometimes column by column (`45.00 69.25 45.00 69.25`),
 * and each row's 绩效目标 block followed by its 绩效指标 block; a cell that goes on over a page
 * break goes on at the top of the next page; header labels and page titles sit anywhere.
 *
 * So a page is read by what its blocks are: short blocks without punctuation are names (one a
 * row, in order); amounts are given to rows in order, each row taking the next free amount as its
 * 总计 and the next free amounts that add up to it as its funding; goal and indicator blocks go
 * pairwise to the rows that have text. Every guess is reported; what cannot be placed is handed
 * on as a line of its own, which the disclosure reader keeps raw with its line number.
 */

import { parseMoney } from '../model';
import { labelAt, type Line } from './cellLines';
import { AMOUNT_COLUMNS, COLUMN_LABELS, type DisclosureColumn } from './disclosure/columns';
import { furnitureKind } from './disclosure/furniture';
import { RUN_END } from './indicatorRun';
import { closeFontGaps, restoreLevelHyphens } from './extractedText';
import type { SourceRow } from './grid';
import type { ImportEntry } from './report';

/** A block of the text: consecutive non-blank lines. */
interface Block {
  lines: Line[];
  kind: 'money' | 'run' | 'text';
  text: string;
}

interface Row {
  name: Block;
  amounts: Line[];
  goal: Block[];
  indicators: Block[];
}

export interface FlowText {
  rows: SourceRow[];
  entries: ImportEntry[];
}

/** The table's columns in their printed order. */
const ORDER: DisclosureColumn[] = [
  'name',
  'total',
  'fiscal',
  'specialAccount',
  'other',
  'goal',
  'indicators',
];

const MONEY = /^[-+－]?[\d０-９][\d０-９,，]*(?:[.．][\d０-９]{1,2})?$/u;
const RUN_START = /^(?:<[^<>]*>\s*)*1\s*、\s*\d/u;
/** A name: a short block without sentence punctuation or markup. */
const NAME_LENGTH = 60;
const NAME_LINES = 4;

function isMoney(key: string): boolean {
  return MONEY.test(key) && parseMoney(key) !== null;
}

function cents(line: Line): number {
  return parseMoney(line.key) ?? 0;
}

function blockText(lines: readonly Line[]): string {
  return closeFontGaps(lines.map((line) => line.key).join(''));
}

function isName(block: Block): boolean {
  return (
    block.kind === 'text' &&
    block.lines.length <= NAME_LINES &&
    block.text.length <= NAME_LENGTH &&
    !/[。，；：:！？<>]/u.test(block.text)
  );
}

/**
 * Rebuilds the table rows of text extracted in reading order. Null when the header labels are
 * not all found on lines of their own, or the text has no blocks separated by blank lines.
 */
export function readFlowText(text: string): FlowText | null {
  const pages: Line[][] = [[]];
  text.split('\n').forEach((content, index) => {
    let body = content;
    while (body.startsWith('\f')) {
      pages.push([]);
      body = body.slice(1);
    }
    const line = { line: index + 1, text: body, key: body.trim() };
    pages.at(-1)?.push(line);
  });

  const entries: ImportEntry[] = [];
  const rows: SourceRow[] = [];
  const single = (line: Line): void => {
    rows.push({ source: { line: line.line }, cells: [line.key] });
  };

  // Header labels and page furniture leave the text wherever they are.
  const found = new Set<DisclosureColumn>();
  let headerLine = 0;
  const pageBlocks: Block[][] = pages.map((lines) => {
    const kept: Array<Line | null> = [];
    for (let index = 0; index < lines.length; index += 1) {
      const line = lines[index] as Line;
      if (line.key === '') {
        kept.push(null);
        continue;
      }
      const label = line.key.length <= 20 ? labelAt(lines, index) : null;
      if (label && !found.has(label.column)) {
        found.add(label.column);
        headerLine ||= line.line;
        index = label.next - 1;
        continue;
      }
      const kind = furnitureKind(line.key);
      if (kind === 'title' || kind === 'department' || kind === 'unit' || kind === 'year') {
        single(line);
        continue;
      }
      kept.push(line);
    }
    const blocks: Block[] = [];
    let current: Line[] = [];
    const flush = (): void => {
      if (current.length === 0) return;
      const money = current.every((line) => isMoney(line.key));
      const joined = blockText(current);
      const kind = money ? 'money' : RUN_START.test(joined) ? 'run' : 'text';
      if (money) for (const line of current) blocks.push({ lines: [line], kind, text: line.key });
      else blocks.push({ lines: current, kind, text: joined });
      current = [];
    };
    for (const line of kept) {
      if (line) current.push(line);
      else flush();
    }
    flush();
    return blocks;
  });
  if (!['name', 'total', 'fiscal'].every((column) => found.has(column as DisclosureColumn))) {
    return null;
  }
  const columns = ORDER.filter((column) => found.has(column));
  rows.push({
    source: { line: headerLine },
    cells: columns.map((column) => labelOf(column)),
  });

  const all: Row[] = [];
  const guessedFunding: number[] = [];
  const hyphens = { restored: 0, line: 0 };
  for (const blocks of pageBlocks) {
    const firstName = blocks.findIndex(isName);
    // What comes before the page's first name goes on from the row before.
    const lead = firstName < 0 ? blocks : blocks.slice(0, firstName);
    const rest = firstName < 0 ? [] : blocks.slice(firstName);
    const previous = all.at(-1);
    for (const block of lead) {
      if (!previous || block.kind === 'money') {
        for (const line of block.lines) single(line);
        continue;
      }
      // A run ends with its last block; an unfinished one goes on in a block about 指标值.
      const lastIndicators = previous.indicators.at(-1)?.text ?? '';
      const continuesRun =
        block.kind === 'run' ||
        (lastIndicators !== '' && !RUN_END.test(lastIndicators) && /指标值/u.test(block.text));
      (continuesRun ? previous.indicators : previous.goal).push(block);
    }
    readPage(rest, all, entries, single);
  }

  const amountColumns = columns.filter((column) =>
    (AMOUNT_COLUMNS as readonly string[]).includes(column),
  );
  for (const row of all) {
    const cells = columns.map(() => '');
    const sources: Array<{ line: number } | undefined> = columns.map(() => undefined);
    const put = (column: DisclosureColumn, text: string, line: number | undefined): void => {
      const index = columns.indexOf(column);
      if (index < 0 || line === undefined) return;
      cells[index] = text;
      sources[index] = { line };
    };
    put('name', row.name.text, row.name.lines[0]?.line);
    row.amounts.forEach((amount, index) => {
      const column = amountColumns[index];
      if (column) put(column, amount.key, amount.line);
      else single(amount);
    });
    if (row.amounts.length === 2 && amountColumns.length > 2) {
      guessedFunding.push(row.amounts[0]?.line ?? 0);
    }
    const repair = (blocks: readonly Block[]): string => {
      const repaired = restoreLevelHyphens(blocks.map((block) => block.text).join(''));
      if (repaired.restored > 0) {
        hyphens.restored += repaired.restored;
        hyphens.line ||= blocks[0]?.lines[0]?.line ?? 0;
      }
      return repaired.text;
    };
    put('goal', repair(row.goal), row.goal[0]?.lines[0]?.line);
    put('indicators', repair(row.indicators), row.indicators[0]?.lines[0]?.line);
    rows.push({
      source: { line: row.name.lines[0]?.line ?? 0 },
      cells,
      cellSources: sources,
    });
  }
  if (hyphens.restored > 0) {
    entries.push({
      kind: 'normalised',
      message: `PDF 提取的文本在换行处去掉了 ${hyphens.restored} 处指标编码后的连字符（如「31服务对象满意度」），已补回为「31-服务对象满意度」的形式。`,
      source: { line: hyphens.line },
    });
  }
  if (guessedFunding.length > 0) {
    const shown = guessedFunding.slice(0, 5).join('、');
    const more = guessedFunding.length > 5 ? `等 ${guessedFunding.length} 行` : '';
    entries.push({
      kind: 'warning',
      message: `按阅读顺序提取的文本中空白的金额单元格没有留下位置：第 ${shown} 行${more}只有总计和一个资金金额，已按财政拨款读取；如实为财政专户拨款或其他资金，请改正。`,
      source: { line: guessedFunding[0] as number },
    });
  }
  rows.sort((a, b) => (a.source.line ?? 0) - (b.source.line ?? 0));
  return { rows, entries };
}

function labelOf(column: DisclosureColumn): string {
  return column === 'name' ? '项目名称' : COLUMN_LABELS[column];
}

/** Largest number of funding amounts tried as the parts of one total. */
const MAX_PARTS = 3;
/** Free amounts after a total looked at for its parts: they stand near it. */
const PART_WINDOW = 24;

/**
 * The funding amounts of a total at `start`: among the next free amounts after it, the fewest
 * that add up to it, earliest first. Empty when none do.
 */
function fundingOf(values: readonly number[], used: readonly boolean[], start: number): number[] {
  const total = values[start] as number;
  const free: number[] = [];
  for (let index = start + 1; index < values.length && free.length < PART_WINDOW; index += 1) {
    if (!used[index]) free.push(index);
  }
  const search = (from: number, left: number, parts: number): number[] | null => {
    if (parts === 0) return left === 0 ? [] : null;
    for (let at = from; at < free.length; at += 1) {
      const index = free[at] as number;
      const rest = search(at + 1, left - (values[index] as number), parts - 1);
      if (rest) return [index, ...rest];
    }
    return null;
  };
  for (let parts = 1; parts <= MAX_PARTS; parts += 1) {
    const found = search(0, total, parts);
    if (found) return found;
  }
  return [];
}

/** Reads a page's rows from its blocks, starting at its first name. */
function readPage(
  blocks: readonly Block[],
  all: Row[],
  entries: ImportEntry[],
  single: (line: Line) => void,
): void {
  const names = blocks.filter(isName);
  if (names.length === 0) return;
  const amounts = blocks
    .filter((block) => block.kind === 'money')
    .map((block) => block.lines[0] as Line);
  const used = amounts.map(() => false);
  const values = amounts.map(cents);
  const blockOf = new Map<Line, number>();
  blocks.forEach((block, index) => blockOf.set(block.lines[0] as Line, index));
  const rows: Row[] = names.map((name) => ({ name, amounts: [], goal: [], indicators: [] }));
  /** The block index where each row's total stands, to tell which rows come before text. */
  const totalAt: number[] = [];
  let next = 0;
  for (const row of rows) {
    while (next < amounts.length && used[next]) next += 1;
    if (next >= amounts.length) {
      totalAt.push(Infinity);
      continue;
    }
    const start = next;
    used[start] = true;
    const funding = fundingOf(values, used, start);
    for (const index of funding) used[index] = true;
    const total = amounts[start] as Line;
    row.amounts = [total, ...funding.map((index) => amounts[index] as Line)];
    totalAt.push(blockOf.get(total) ?? Infinity);
    if (funding.length === 0) {
      entries.push({
        kind: 'warning',
        message: `第 ${total.line} 行的总计「${total.key}」找不到相加等于它的资金金额，只读作总计，请核对。`,
        source: { line: total.line },
      });
    }
  }
  amounts.forEach((amount, index) => {
    if (used[index]) return;
    entries.push({
      kind: 'raw',
      message: `第 ${amount.line} 行的金额「${amount.key}」无法对应到任何项目行，未读取。`,
      source: { line: amount.line },
    });
    single(amount);
  });

  // Goal and indicator blocks pair up: a goal, then the indicators that follow it.
  const pairs: Array<{ goal: Block[]; indicators: Block[]; at: number }> = [];
  blocks.forEach((block, index) => {
    if (block.kind === 'money' || isName(block)) return;
    const last = pairs.at(-1);
    if (block.kind === 'run' && last && last.indicators.length === 0) last.indicators.push(block);
    else if (block.kind === 'run') pairs.push({ goal: [], indicators: [block], at: index });
    else pairs.push({ goal: [block], indicators: [], at: index });
  });
  // Rows without text (合计, a unit's subtotal) are those whose amounts no text follows before the
  // next row's; when the count does not settle it, the first rows are taken.
  const textless = Math.max(0, rows.length - pairs.length);
  // Blocks that are goal or indicator text, counted up to each index.
  const textBefore = [0];
  blocks.forEach((block, index) => {
    const isText = block.kind !== 'money' && !isName(block);
    textBefore.push((textBefore[index] as number) + (isText ? 1 : 0));
  });
  const starts = totalAt.filter(Number.isFinite).sort((a, b) => a - b);
  const bare = totalAt.map((from) => {
    if (!Number.isFinite(from)) return true;
    const to = starts.find((at) => at > from) ?? blocks.length;
    return textBefore[to] === textBefore[from];
  });
  let skip = bare.filter(Boolean).length === textless ? bare : rows.map((_, i) => i < textless);
  if (skip.filter(Boolean).length !== textless) skip = rows.map((_, i) => i < textless);
  const withText = rows.filter((_, index) => !skip[index]);
  pairs.forEach((pair, index) => {
    const row = withText[index];
    if (row) {
      row.goal.push(...pair.goal);
      row.indicators.push(...pair.indicators);
    } else {
      for (const block of [...pair.goal, ...pair.indicators])
        for (const line of block.lines) single(line);
    }
  });
  all.push(...rows);
}
