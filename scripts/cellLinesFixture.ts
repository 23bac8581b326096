/**
 * Writes a tab-separated disclosure table (the seed) the way copying it out of a PDF viewer gives
 * it: every cell on a line of its own, long cells wrapped at their column's width, blank amounts
 * left out (or left as empty lines), the title block and header repeated on every page with a
 * page number at the foot. Used by scripts/make-cell-lines-fixture.ts and by the tests' variants.
 */

export interface CellLinesOptions {
  /** Blank cells as empty lines instead of leaving them out. */
  emptyLines?: boolean;
  /** Width of each column in half-width units (a Chinese character counts two). */
  widths?: readonly number[];
  /** Page numbers (`— 1 —`) at the foot of each page. */
  pageNumbers?: boolean;
  /**
   * The column header again at the top of every page, as the PDF prints it (the seed's text
   * kept only the first).
   */
  repeatHeader?: boolean;
  /**
   * Breaks the page inside the 绩效指标 cell of the row whose name starts with this text: the
   * page number, the title block and the header come between its lines, as a row taller than a
   * page prints.
   */
  splitRow?: string;
}

/** Column widths of the published table printed on A4 landscape: name, four amounts, goal, indicators. */
export const PDF_WIDTHS = [20, 8, 8, 8, 8, 56, 56] as const;

function width(char: string): number {
  return (char.codePointAt(0) ?? 0) > 0xff ? 2 : 1;
}

/**
 * Wraps text at `limit` units as a PDF renderer does: anywhere between Chinese characters, never
 * inside a run of Latin letters and digits (`100%`, `4,791.93`).
 */
export function wrap(text: string, limit: number): string[] {
  const tokens = text.match(/[A-Za-z0-9.,%]+|[\s\S]/gu) ?? [];
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const token of tokens) {
    const size = [...token].reduce((sum, char) => sum + width(char), 0);
    if (used > 0 && used + size > limit) {
      lines.push(line);
      line = '';
      used = 0;
    }
    line += token;
    used += size;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The seed's text with one cell a line. */
export function toCellLines(seed: string, options: CellLinesOptions = {}): string {
  const widths = options.widths ?? PDF_WIDTHS;
  const source = seed.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let page = 0;
  let pageHeader: string[] = [];
  const footer = (): void => {
    if (options.pageNumbers && page > 0) out.push(`— ${page} —`, '');
  };
  const cellLines = (cells: readonly string[]): string[] =>
    cells.flatMap((cell, index) => {
      if (cell.trim() === '') return options.emptyLines ? [''] : [];
      return wrap(cell, widths[index] ?? 56);
    });
  let titleBlock: string[] = [];
  let headerLines: string[] = [];
  let needHeader = false;
  for (const line of source) {
    if (!line.includes('\t')) {
      if (line.includes('绩效目标表')) {
        footer();
        page += 1;
        titleBlock = [];
        needHeader = page > 1 && options.repeatHeader === true;
      }
      titleBlock.push(line);
      out.push(line);
      continue;
    }
    const cells = line.split('\t');
    if (cells[0]?.startsWith('项目名称')) {
      headerLines = cellLines(cells);
      pageHeader = [...titleBlock, ...headerLines];
      out.push(...headerLines);
      continue;
    }
    if (needHeader) out.push(...headerLines);
    needHeader = false;
    if (options.splitRow && cells[0]?.startsWith(options.splitRow)) {
      const lines = cellLines(cells);
      const half = lines.length - Math.floor(wrap(cells[6] ?? '', widths[6] ?? 56).length / 2);
      out.push(...lines.slice(0, half));
      footer();
      page += 1;
      out.push(...pageHeader, ...lines.slice(half));
      continue;
    }
    out.push(...cellLines(cells));
  }
  while (out.at(-1) === '') out.pop();
  footer();
  return `${out.join('\n').replace(/\n+$/u, '')}\n`;
}
