/**
 * Lines of text laid out in columns with spaces (`pdftotext -layout`): chunks of text between runs
 * of spaces at their columns, counted in characters as pdftotext counts them, and the disclosure
 * table's header found among them with its labels wrapped over up to three lines. Used by
 * layoutText.ts.
 */

import { parseMoney } from '../model';
import { headerColumn, type DisclosureColumn } from './disclosure/columns';
import { furnitureKind } from './disclosure/furniture';

/** Text between runs of two or more spaces, at its column (in characters). */
export interface Chunk {
  col: number;
  end: number;
  text: string;
}

export interface Line {
  /** 1-based line number. */
  line: number;
  page: number;
  chunks: Chunk[];
}

export interface Header {
  labels: string[];
  columns: DisclosureColumn[];
  /** Starting column of each label. */
  cols: number[];
  page: number;
}

const MONEY = /^[-+－]?[\d０-９][\d０-９,，]*(?:[.．][\d０-９]{1,2})?$/u;

export function moneyKind(text: string): 'strong' | 'weak' | null {
  if (!MONEY.test(text) || parseMoney(text) === null) return null;
  return /[.,，．]/u.test(text) ? 'strong' : 'weak';
}

/** Longest line read; longer lines are kept raw rather than scanned character by character. */
export const MAX_LINE = 2000;

/**
 * Splits a line into chunks at runs of two or more spaces. An amount separated from the text
 * before it by one space and ending the chunk is a cell of its own (`…经费项 160.00`): a name
 * that fills its column leaves pdftotext room for a single space only.
 */
export function chunksOf(text: string): Chunk[] {
  const chars = Array.from(text.replace(/\t/g, ' '));
  const words: Chunk[] = [];
  let start = -1;
  for (let index = 0; index <= chars.length; index += 1) {
    const char = chars[index];
    const space = char === undefined || char === ' ';
    if (!space && start < 0) start = index;
    if (space && start >= 0) {
      words.push({ col: start, end: index, text: chars.slice(start, index).join('') });
      start = -1;
    }
  }
  const chunks: Chunk[] = [];
  words.forEach((word, index) => {
    const last = chunks.at(-1);
    const next = words[index + 1];
    const endsChunk = !next || next.col - word.end > 1;
    const ownCell = moneyKind(word.text) === 'strong' && endsChunk;
    const lastIsMoney = last !== undefined && moneyKind(last.text) === 'strong';
    if (last && word.col - last.end === 1 && !ownCell && !lastIsMoney) {
      last.text += ` ${word.text}`;
      last.end = word.end;
    } else {
      chunks.push({ ...word });
    }
  });
  return chunks;
}

function isLabelChunk(chunk: Chunk): boolean {
  return chunk.text.length <= 20 && !chunk.text.includes('表') && headerColumn(chunk.text) !== null;
}

/** A line holding the header's labels side by side: three of them at least. */
export function isHeaderLine(line: Line): boolean {
  return line.chunks.filter(isLabelChunk).length >= 3;
}

/** A line next to a header line that holds the rest of wrapped labels (`位）`, `拨款`). */
function isLabelPart(line: Line): boolean {
  return (
    line.chunks.length > 0 &&
    line.chunks.every((chunk) => chunk.text.length <= 12 && moneyKind(chunk.text) === null) &&
    line.chunks.every((chunk) => furnitureKind(chunk.text) === null)
  );
}

/** The header band around line `index`: its first and last index and the labels it holds. */
export function headerAt(
  lines: ReadonlyArray<Line | null>,
  index: number,
): { first: number; last: number; header: Header | null } {
  let first = index;
  let last = index;
  for (let step = 0; step < 2; step += 1) {
    const above = lines[first - 1];
    if (above && isLabelPart(above) && !isHeaderLine(above)) first -= 1;
    const below = lines[last + 1];
    if (below && isLabelPart(below) && !isHeaderLine(below)) last += 1;
  }
  // Parts of one label overlap in columns; labels lie side by side.
  const groups: Array<{ col: number; end: number; parts: string[] }> = [];
  for (const line of lines.slice(first, last + 1)) {
    for (const chunk of line?.chunks ?? []) {
      const group = groups.find((item) => chunk.col < item.end && item.col < chunk.end);
      if (group) {
        group.parts.push(chunk.text);
        group.col = Math.min(group.col, chunk.col);
        group.end = Math.max(group.end, chunk.end);
      } else groups.push({ col: chunk.col, end: chunk.end, parts: [chunk.text] });
    }
  }
  groups.sort((a, b) => a.col - b.col);
  const header: Header = { labels: [], columns: [], cols: [], page: 0 };
  for (const group of groups) {
    const label = group.parts.join('');
    const column = headerColumn(label);
    if (!column || header.columns.includes(column)) continue;
    header.labels.push(label);
    header.columns.push(column);
    header.cols.push(group.col);
  }
  const found = ['name', 'total', 'fiscal'].every((column) =>
    header.columns.includes(column as DisclosureColumn),
  );
  header.page = lines[index]?.page ?? 0;
  return { first, last, header: found ? header : null };
}
