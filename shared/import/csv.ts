/**
 * Comma-separated text (RFC 4180 as Excel, WPS and LibreOffice write it): quoted cells may hold
 * commas, quotes (`""`) and line breaks. Rows carry the 1-based line they start on.
 */

import type { TextRow } from './cleanText';

/** Splits LF-only CSV text into rows of cells. */
export function splitCsvRows(text: string): TextRow[] {
  const rows: TextRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let cellStart = true;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          cell += '"';
          index += 1;
        } else quoted = false;
      } else {
        if (char === '\n') line += 1;
        cell += char;
      }
      continue;
    }
    if (char === '"' && cellStart) {
      quoted = true;
      cellStart = false;
    } else if (char === ',') {
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
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return rows;
}
