/**
 * Clipboard formats spreadsheets exchange: HTML tables (Excel, WPS, Word, browsers) and
 * tab-separated text with Excel's quoting. Pure string work, no DOM.
 */

import { splitTabRows } from '../import/delimited';
import { decodeEntities, escapeMarkup } from '../text/markup';

/** A rectangular block of cell texts, rows of columns. */
export type CellBlock = string[][];

/** Text of one HTML cell: <br> and paragraph ends become line breaks, tags go, entities decode. */
function cellContent(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(style|script)[\s\S]*?<\/\1>/gi, '')
    .replace(/\r?\n/g, ' ')
    .replace(/<br\b[^>]*>/gi, '\n')
    .replace(/<\/(p|div|li|h\d)>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n[ \t]+/g, '\n')
    .replace(/ {2,}/g, ' ')
    .trim();
}

function spanOf(attributes: string, name: string): number {
  const match = new RegExp(`${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attributes);
  const value = match ? Number(match[1]) : 1;
  return Number.isInteger(value) && value >= 1 ? Math.min(value, 1000) : 1;
}

/**
 * Reads the first table of clipboard HTML into a block. Merged cells (rowspan/colspan) fill
 * their first position and leave the covered positions empty, as Excel pastes them.
 * Returns null when the HTML holds no table.
 */
export function parseHtmlTable(html: string): CellBlock | null {
  const start = html.search(/<table\b/i);
  if (start < 0) return null;
  const end = html.search(/<\/table>/i);
  const table = html.slice(start, end > start ? end : undefined);
  const rows: CellBlock = [];
  const covered: Array<Set<number>> = [];
  const rowPattern = /<tr\b[^>]*>([\s\S]*?)(?=<tr\b|<\/tbody>|<\/thead>|<\/table>|$)/gi;
  let rowIndex = 0;
  for (const rowMatch of table.matchAll(rowPattern)) {
    const cells: string[] = [];
    const taken = (covered[rowIndex] ??= new Set());
    let column = 0;
    const cellPattern = /<t([dh])\b([^>]*)>([\s\S]*?)(?=<t[dh]\b|<\/tr>|$)/gi;
    for (const cellMatch of (rowMatch[1] ?? '').matchAll(cellPattern)) {
      while (taken.has(column)) cells[column++] = '';
      const attributes = cellMatch[2] ?? '';
      const content = (cellMatch[3] ?? '').replace(/<\/t[dh]>[\s\S]*$/i, '');
      const colspan = spanOf(attributes, 'colspan');
      const rowspan = spanOf(attributes, 'rowspan');
      cells[column] = cellContent(content);
      for (let extra = 1; extra < colspan; extra += 1) cells[column + extra] = '';
      for (let down = 1; down < rowspan; down += 1) {
        const below = (covered[rowIndex + down] ??= new Set());
        for (let across = 0; across < colspan; across += 1) below.add(column + across);
      }
      column += colspan;
    }
    while (taken.has(column)) cells[column++] = '';
    rows.push(Array.from(cells, (cell) => cell ?? ''));
    rowIndex += 1;
  }
  return rows.length > 0 ? rows : null;
}

/**
 * Reads tab-separated text as Excel and WPS write it: a field with a tab, line break or quote is
 * wrapped in quotes and its quotes doubled. A trailing line break ends the last row. A field that
 * merely starts with a quote (text pasted from Word or a PDF) is read literally.
 */
export function parseTsv(text: string): CellBlock {
  return splitTabRows(text.replace(/\r\n?/g, '\n')).map((row) => row.cells);
}

/** The clipboard's block: the HTML table when there is one, else the text as TSV. */
export function parseClipboard(html: string | undefined, text: string | undefined): CellBlock {
  const fromHtml = html ? parseHtmlTable(html) : null;
  if (fromHtml && fromHtml.some((row) => row.some((cell) => cell !== ''))) return fromHtml;
  return parseTsv(text ?? '');
}

function tsvField(text: string): string {
  return /[\t\n\r"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A block as tab-separated text that Excel and WPS paste back into the same cells. */
export function formatTsv(block: CellBlock): string {
  return block.map((row) => row.map(tsvField).join('\t')).join('\r\n') + '\r\n';
}

/** A block as an HTML table: line breaks inside a cell stay in the cell (<br>). */
export function formatHtml(block: CellBlock): string {
  const rows = block
    .map(
      (row) =>
        `<tr>${row
          .map(
            (cell) =>
              `<td style="mso-number-format:'\\@';white-space:pre-wrap">${escapeMarkup(cell).replace(/\r?\n/g, '<br style="mso-data-placement:same-cell;">')}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('');
  return `<meta charset="utf-8"><table border="1" style="border-collapse:collapse">${rows}</table>`;
}
