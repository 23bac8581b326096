/**
 * The body of a disclosure table: rows read by header label, page furniture and repeated headers
 * skipped, rows split across pages joined again.
 */

import { parseMoney, type RawNote, type SourceLocation } from '../../model';
import { cleanCellText } from '../cleanText';
import type { SourceRow } from '../grid';
import { shorten } from '../indicatorRun';
import { describeSource, type ImportReporter } from '../report';
import {
  AMOUNT_COLUMNS,
  COLUMN_LABELS,
  readHeader,
  type AmountColumn,
  type Amounts,
  type Column,
  type ColumnMap,
} from './columns';
import { readFurniture, type Furniture } from './furniture';

/** A row of the table body, with its cells read by header label. */
export interface BodyRow {
  source: SourceLocation;
  cellSources: Array<SourceLocation | undefined>;
  name: string;
  amountText: Record<AmountColumn, string>;
  amounts: Amounts;
  goal: string;
  indicators: string;
  columns: ColumnMap;
  /** Text that belongs to no column (cells beyond the header, stray lines). */
  notes: RawNote[];
}

/** Where a cell of a row came from: its own source, else the row's with the column added. */
export function cellSource(
  row: SourceLocation,
  cells: ReadonlyArray<SourceLocation | undefined>,
  index: number,
): SourceLocation {
  return cells[index] ?? { ...row, column: index + 1 };
}

function readBodyRow(row: SourceRow, columns: ColumnMap): BodyRow {
  const cell = (column: Column): string => {
    const index = columns[column];
    return index === undefined ? '' : (row.cells[index] ?? '').trim();
  };
  const amountText = {
    total: cell('total'),
    fiscal: cell('fiscal'),
    specialAccount: cell('specialAccount'),
    other: cell('other'),
  };
  const amounts = {
    total: parseMoney(amountText.total),
    fiscal: parseMoney(amountText.fiscal),
    specialAccount: parseMoney(amountText.specialAccount),
    other: parseMoney(amountText.other),
  };
  const mapped = new Set(Object.values(columns));
  const notes: RawNote[] = [];
  row.cells.forEach((text, index) => {
    if (!mapped.has(index) && text.trim() !== '') {
      notes.push({
        text: text.trim(),
        reason: '表头以外的单元格',
        source: cellSource(row.source, row.cellSources ?? [], index),
      });
    }
  });
  return {
    source: row.source,
    cellSources: row.cellSources ?? [],
    name: cell('name'),
    amountText,
    amounts,
    goal: cell('goal'),
    indicators: cell('indicators'),
    columns,
    notes,
  };
}

export function isTotalRow(row: BodyRow): boolean {
  return /^(?:合计|总计)$/u.test(row.name.replace(/[\s\u3000]/g, ''));
}

export function hasContent(row: BodyRow): boolean {
  return cleanCellText(row.goal).text !== '' || cleanCellText(row.indicators).text !== '';
}

/** Reads the body: skips furniture and repeated headers, joins continuation rows. */
export function readBody(
  rows: readonly SourceRow[],
  furniture: Furniture,
  reporter: ImportReporter,
): { body: BodyRow[]; headerFound: boolean } {
  const body: BodyRow[] = [];
  let columns: ColumnMap | null = null;
  let pending: RawNote[] = [];
  for (const row of rows) {
    if (row.cells.every((cell) => cell.trim() === '')) continue;
    const header = readHeader(row.cells);
    if (header) {
      if (!columns) {
        const missing = (['specialAccount', 'other', 'goal', 'indicators'] as const).filter(
          (column) => header[column] === undefined,
        );
        if (missing.length > 0) {
          const labels = missing.map((column) => COLUMN_LABELS[column]).join('、');
          reporter.add('warning', `表头中没有「${labels}」列，按空白读取。`, row.source);
        }
      }
      columns = header;
      continue;
    }
    if (readFurniture(row.cells, furniture)) continue;
    const text = row.cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
    if (!columns) {
      reporter.add('warning', `表头之前的文字未导入：「${shorten(text.join(' '))}」。`, row.source);
      continue;
    }
    const bodyRow = readBodyRow(row, columns);
    const previous = body.at(-1);
    const blankAmounts = AMOUNT_COLUMNS.every((column) => bodyRow.amountText[column] === '');
    if (bodyRow.name === '' && blankAmounts && hasContent(bodyRow) && previous) {
      // A row split across pages: its second part has no name and no amounts.
      previous.goal += bodyRow.goal;
      previous.indicators += bodyRow.indicators;
      previous.notes.push(...bodyRow.notes);
      reporter.add(
        'recovered',
        `${describeSource(row.source)}是上一行的续行（跨页断开），已合并。`,
        row.source,
      );
      continue;
    }
    if (row.cells.length === 1) {
      // A lone line of text inside the table: keep it with the row it follows.
      const note = {
        text: text[0] ?? '',
        reason: '表格中无法识别的行',
        source: row.source,
      };
      if (previous) previous.notes.push(note);
      else pending.push(note);
      continue;
    }
    bodyRow.notes.unshift(...pending);
    pending = [];
    body.push(bodyRow);
  }
  for (const note of pending) {
    reporter.add(
      'raw',
      `表格中无法识别的行「${shorten(note.text, 200)}」未能归入项目。`,
      note.source,
    );
  }
  return { body, headerFound: columns !== null };
}
