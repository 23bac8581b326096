/**
 * Layout recognition over the neutral grid: the disclosure table when a header row with its
 * labels is found anywhere, else per-project forms. Every container ends here.
 */

import type { MoneyUnit } from '../model';
import { readCellLines } from './cellLines';
import { splitCsvRows, splitTabRows } from './delimited';
import {
  findDisclosureHeader,
  importDisclosureGrid,
  importDisclosureRows,
  importDisclosureText,
} from './disclosureText';
import { anchorRows, tableFromTexts, type GridTable } from './grid';
import { readFlowText } from './flowText';
import { readLayoutText } from './layoutText';
import { importProjectForms, looksLikeProjectForms } from './projectForm';
import { ImportError, type ImportResult } from './report';

export interface GridImportOptions {
  frameworkId?: string;
  fiscalYear?: number | null;
  /** Unit of the document per-project forms go into. */
  moneyUnit?: MoneyUnit;
  /** What the container is, for the report: `Excel 工作簿（.xlsx）`. */
  container: string;
}

/** Imports grid tables: disclosure table or per-project forms. Throws ImportError otherwise. */
export function importGrid(tables: readonly GridTable[], options: GridImportOptions): ImportResult {
  const { container, moneyUnit, ...rest } = options;
  if (findDisclosureHeader(tables.flatMap(anchorRows))) {
    return importDisclosureGrid(tables, { ...rest, format: `公开表（${container}）` });
  }
  if (looksLikeProjectForms(tables)) {
    return importProjectForms(tables, {
      ...rest,
      ...(moneyUnit ? { moneyUnit } : {}),
      format: `项目绩效目标申报表（${container}）`,
    });
  }
  if (
    tables.every((table) =>
      table.cells.every((row) => row.every((cell) => cell.text.trim() === '')),
    )
  ) {
    throw new ImportError(`${container}中没有任何内容。`);
  }
  throw new ImportError(
    `${container}中没有找到项目支出绩效目标表：既没有“项目名称、总计、财政拨款……”表头，也没有“项目名称”和“一级指标、二级指标、三级指标”的项目申报表。`,
  );
}

function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/u, '').replace(/\r\n?/g, '\n');
}

/**
 * Pasted or extracted text: tab-separated cells (a disclosure table or a form), or the disclosure
 * table with each cell on a line of its own (copied out of a PDF) or laid out in columns with
 * spaces (`pdftotext -layout`).
 */
export function importTextTable(
  text: string,
  options: Omit<GridImportOptions, 'container'> = {},
): ImportResult {
  const source = normaliseText(text);
  const table = tableFromTexts('文本', splitTabRows(source));
  const { moneyUnit, ...rest } = options;
  if (source.trim() !== '' && !findDisclosureHeader(anchorRows(table))) {
    const layout = readLayoutText(source);
    if (layout) {
      const result = importDisclosureRows(layout.rows, { ...rest, format: LAYOUT_FORMAT });
      result.report.entries.push(...layout.entries);
      return result;
    }
    const lines = readCellLines(source);
    if (lines) {
      const result = importDisclosureRows(lines.rows, { ...rest, format: CELL_LINES_FORMAT });
      result.report.entries.push(...lines.entries);
      return result;
    }
    const flow = readFlowText(source);
    if (flow) {
      const result = importDisclosureRows(flow.rows, { ...rest, format: FLOW_FORMAT });
      result.report.entries.push(...flow.entries);
      return result;
    }
    if (looksLikeProjectForms([table])) {
      return importProjectForms([table], {
        ...rest,
        ...(moneyUnit ? { moneyUnit } : {}),
        format: '项目绩效目标申报表（制表符分隔文本）',
      });
    }
  }
  // The disclosure importer gives its own advice when the text is no table at all.
  return importDisclosureText(source, rest);
}

/** Report name of the disclosure table read from text with one cell a line. */
export const CELL_LINES_FORMAT = '公开表（逐行排列的文本）';

/** Report name of the disclosure table read from text laid out in columns with spaces. */
export const LAYOUT_FORMAT = '公开表（按版面空格对齐的文本）';

/** Report name of the disclosure table read from text extracted from a PDF in reading order. */
export const FLOW_FORMAT = '公开表（PDF 按阅读顺序提取的文本）';

/** A .csv file's text (already decoded from UTF-8 or GBK). */
export function importCsvText(
  text: string,
  options: Omit<GridImportOptions, 'container'> = {},
): ImportResult {
  const source = normaliseText(text);
  if (source.trim() === '') throw new ImportError('CSV 文件为空，没有可导入的内容。');
  return importGrid([tableFromTexts('CSV', splitCsvRows(source))], {
    ...options,
    container: 'CSV 文件',
  });
}
