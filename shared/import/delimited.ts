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

/** Splits LF-only text into rows of cells separated by `delimiter`. */
export function splitDelimitedRows(text: string, delimiter: '\t' | ','): TextRow[] {
  const rows: TextRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let cellStart = true;
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (cellStart && char === '"') {
      const close = closingQuote(text, index, delimiter);
      if (close >= 0) {
        const inner = text.slice(index + 1, close);
        cell = inner.replace(/""/g, '"');
        line += inner.split('\n').length - 1;
        index = close + 1;
        cellStart = false;
        continue;
      }
    }
    if (char === delimiter) {
      cells.push(cell);
      cell = '';
      cellStart = true;
    } else if (char === '\n') {
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line += 1;
      rowLine = line;
      cellStart = true;
    } else {
      cell += char;
      cellStart = false;
    }
    index += 1;
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return rows;
}

/** Tab-separated rows (text pasted or extracted from a published table). */
export function splitTabRows(text: string): TextRow[] {
  return splitDelimitedRows(text, '\t');
}

/** Comma-separated rows (.csv as Excel, WPS and LibreOffice write it). */
export function splitCsvRows(text: string): TextRow[] {
  return splitDelimitedRows(text, ',');
}
