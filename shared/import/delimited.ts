/**
 * Delimited text as spreadsheets write it: tab-separated (pasted from a published table, Excel
 * or WPS) and comma-separated (.csv). A cell holding the delimiter, a line break or a quote is
 * quoted (`"a""b"`); a quoted cell counts as quoted only when its closing quote really ends the
 * cell, so a cell that merely starts with `"` is read literally. Rows carry the 1-based line
 * they start on.
 */

export interface TextRow {
  /** 1-based line where the row starts. */
  line: number;
  cells: string[];
}

/** Index of the quote that closes a quoted cell opened at `start`, or -1 if it is not one. */
function closingQuote(text: string, start: number, delimiter: string): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return -1;
    const next = text[quote + 1];
    if (next === '"') {
      from = quote + 2;
      continue;
    }
    return next === undefined || next === delimiter || next === '\n' ? quote : -1;
  }
}

/** Number of line breaks in `text`. */
function lineBreaks(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
}

/**
 * Splits LF-only text into rows of cells separated by `delimiter`. Each cell is one slice of the
 * text: building cells a character at a time made a string per character, hundreds of MB of
 * garbage for a department's table, and left the import worker collecting it most of the time.
 */
export function splitDelimitedRows(text: string, delimiter: '\t' | ','): TextRow[] {
  const rows: TextRow[] = [];
  const length = text.length;
  if (length === 0) return rows;
  let cells: string[] = [];
  let line = 1;
  let rowLine = 1;
  let index = 0;
  // Where the next delimiter and line break are, found again only once passed: one scan in all.
  let nextDelimiter = -1;
  let nextBreak = -1;
  for (;;) {
    let cell: string | undefined;
    if (text[index] === '"') {
      const close = closingQuote(text, index, delimiter);
      if (close >= 0) {
        const inner = text.slice(index + 1, close);
        cell = inner.includes('""') ? inner.replace(/""/g, '"') : inner;
        line += lineBreaks(inner);
        index = close + 1;
      }
    }
    if (cell === undefined) {
      // A literal cell runs to the next delimiter or line break.
      if (nextDelimiter < index) {
        nextDelimiter = text.indexOf(delimiter, index);
        if (nextDelimiter < 0) nextDelimiter = length;
      }
      if (nextBreak < index) {
        nextBreak = text.indexOf('\n', index);
        if (nextBreak < 0) nextBreak = length;
      }
      const end = Math.min(nextDelimiter, nextBreak);
      cell = text.slice(index, end);
      index = end;
    }
    if (index >= length) {
      // The text's last row; an empty last cell alone (`""` at the very end) makes no row.
      if (cell !== '' || cells.length > 0) rows.push({ line: rowLine, cells: [...cells, cell] });
      return rows;
    }
    cells.push(cell);
    if (text[index] === '\n') {
      rows.push({ line: rowLine, cells });
      cells = [];
      line += 1;
      rowLine = line;
      index += 1;
      if (index >= length) return rows;
    } else index += 1;
  }
}

/** Tab-separated rows (text pasted or extracted from a published table). */
export function splitTabRows(text: string): TextRow[] {
  return splitDelimitedRows(text, '\t');
}

/** Comma-separated rows (.csv as Excel, WPS and LibreOffice write it). */
export function splitCsvRows(text: string): TextRow[] {
  return splitDelimitedRows(text, ',');
}
