/**
 * The registry of layout recognisers. Every container ends here: its neutral grid (and, for
 * text, the text itself) goes to each registered recogniser in turn; the first whose `detect`
 * finds its layout `read`s the document. Adding a layout is adding an entry, not a branch.
 */

import type { MoneyUnit } from '../model';
import { readCellLines } from './cellLines';
import { findDetailHeader, importDetailSheet, type DetailHeader } from './detailSheet';
import { splitCsvRows, splitTabRows } from './delimited';
import {
  findDisclosureHeader,
  importDisclosureGrid,
  importDisclosureRows,
  importDisclosureText,
} from './disclosure';
import type { SourceRow } from './grid';
import { anchorRows, tableFromTexts, type GridTable } from './grid';
import { readFlowText } from './flowText';
import { readLayoutText } from './layoutText';
import { importProjectForms, looksLikeProjectForms } from './forms';
import { ImportError, type ImportEntry, type ImportResult } from './report';
import { stageOfTitle } from './forms/labels';
import { stageForms } from './stages/recogniser';
import {
  findSystemExportHeader,
  importSystemExport,
  type SystemExportHeader,
} from './systemExport';

export interface RecogniseOptions {
  frameworkId?: string;
  fiscalYear?: number | null;
  /** Unit of the document per-project forms go into. */
  moneyUnit?: MoneyUnit;
}

export interface GridImportOptions extends RecogniseOptions {
  /** What the container is, for the report: `Excel 工作簿（.xlsx）`. */
  container: string;
}

/** What recognisers look at: the grid, and the text when the container was text. */
export interface RecogniserInput {
  tables: readonly GridTable[];
  /** Pasted or text-file content (LF line ends), absent for Office and PDF containers. */
  text?: string;
  container: string;
}

/** One layout: `detect` returns what it found (or null), `read` turns that into a document. */
export interface Recogniser<Found = unknown> {
  id: string;
  detect(input: RecogniserInput): Found | null;
  read(input: RecogniserInput, found: Found, options: RecogniseOptions): ImportResult;
}

function define<Found>(recogniser: Recogniser<Found>): Recogniser {
  return recogniser as Recogniser;
}

const withUnit = (options: RecogniseOptions) => {
  const { moneyUnit, ...rest } = options;
  return { rest, unit: moneyUnit ? { moneyUnit } : {} };
};

/** Rows a text reader recovered, with what it had to repair, read as the disclosure table. */
function textRows(
  id: string,
  format: string,
  reader: (text: string) => { rows: SourceRow[]; entries: ImportEntry[] } | null,
): Recogniser {
  return define({
    id,
    detect: (input) => (input.text === undefined ? null : reader(input.text)),
    read(_input, found, options) {
      const result = importDisclosureRows(found.rows, { ...withUnit(options).rest, format });
      result.report.entries.push(...found.entries);
      return result;
    },
  });
}

/** The disclosure table in any grid: its header row with its labels, anywhere. */
const disclosureGrid = define<true>({
  id: 'disclosure-grid',
  detect: (input) => (findDisclosureHeader(input.tables.flatMap(anchorRows)) ? true : null),
  // Text is read from the same rows `detect` found the header in (the text is not split again);
  // it keeps the text importer's report name.
  read: (input, _found, options) =>
    importDisclosureGrid(input.tables, {
      ...withUnit(options).rest,
      ...(input.text === undefined ? { format: `公开表（${input.container}）` } : {}),
    }),
});

/** Per-project forms (项目支出绩效目标申报表): 项目名称 and the indicator table's levels. */
const projectForms = define<true>({
  id: 'project-forms',
  detect: (input) => (looksLikeProjectForms(input.tables) ? true : null),
  read(input, _found, options) {
    const { rest, unit } = withUnit(options);
    return importProjectForms(input.tables, {
      ...rest,
      ...unit,
      format: `项目绩效目标申报表（${input.container}）`,
    });
  },
});

/** The 明细表 (one indicator a row under 单位, 项目, 一级/二级/三级指标…), as we export it. */
const detailSheet = define<DetailHeader>({
  id: 'detail-sheet',
  detect: (input) => findDetailHeader(input.tables),
  read: (input, header, options) =>
    importDetailSheet(input.tables, header, { ...options, format: `明细表（${input.container}）` }),
});

/**
 * The budget system's export (湖南): units and their projects in one 单位（专项）名称 column, one
 * indicator a row under a two-row header.
 */
const systemExport = define<SystemExportHeader>({
  id: 'system-export',
  detect: (input) => findSystemExportHeader(input.tables),
  read: (input, header, options) =>
    importSystemExport(input.tables, header, {
      ...withUnit(options).rest,
      format: `项目支出绩效目标表（预算系统导出，${input.container}）`,
    }),
});

/** Report name of the disclosure table read from text with one cell a line. */
export const CELL_LINES_FORMAT = '公开表（逐行排列的文本）';

/** Report name of the disclosure table read from text laid out in columns with spaces. */
export const LAYOUT_FORMAT = '公开表（按版面空格对齐的文本）';

/** Report name of the disclosure table read from text extracted from a PDF in reading order. */
export const FLOW_FORMAT = '公开表（PDF 按阅读顺序提取的文本）';

/** Recognisers of grids (Office, PDF and CSV containers), in the order they are tried. */
export const GRID_RECOGNISERS: readonly Recogniser[] = [
  detailSheet,
  systemExport,
  disclosureGrid,
  stageForms,
  projectForms,
];

/**
 * Recognisers of pasted or plain text, in order: tab-separated cells first, then the text
 * readers for what PDF extraction and copying make of the table, then forms.
 */
export const TEXT_RECOGNISERS: readonly Recogniser[] = [
  detailSheet,
  systemExport,
  disclosureGrid,
  textRows('layout-text', LAYOUT_FORMAT, readLayoutText),
  textRows('cell-lines', CELL_LINES_FORMAT, readCellLines),
  textRows('flow-text', FLOW_FORMAT, readFlowText),
  stageForms,
  projectForms,
];

/** Runs the recognisers in order; null when none detects its layout. */
export function recognise(
  recognisers: readonly Recogniser[],
  input: RecogniserInput,
  options: RecogniseOptions,
): ImportResult | null {
  for (const recogniser of recognisers) {
    const found = recogniser.detect(input);
    if (found !== null) return recogniser.read(input, found, options);
  }
  return null;
}

/** Imports grid tables: disclosure table or per-project forms. Throws ImportError otherwise. */
export function importGrid(tables: readonly GridTable[], options: GridImportOptions): ImportResult {
  const { container, ...rest } = options;
  const result = recognise(GRID_RECOGNISERS, { tables, container }, rest);
  if (result) return result;
  if (
    tables.every((table) =>
      table.cells.every((row) => row.every((cell) => cell.text.trim() === '')),
    )
  ) {
    throw new ImportError(`${container}中没有任何内容。`);
  }
  const stageTitle = tables
    .flatMap((table) => table.cells.flat())
    .map((cell) => cell.text.trim())
    // A title (ends in 表), not any cell that mentions 自评 or 监控 (`绩效自评完成率`).
    .find((text) => text.length <= 60 && /表[）)]?$/u.test(text) && stageOfTitle(text) !== null);
  if (stageTitle) {
    // A 监控表 or 自评表 it could not read: say so, not that no 目标表 was found.
    throw new ImportError(
      `${container}中有「${stageTitle}」，但没有读出其中的项目：没有找到“项目名称”一栏，或没有“一级指标、二级指标、三级指标”表头。`,
    );
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
export function importTextTable(text: string, options: RecogniseOptions = {}): ImportResult {
  const source = normaliseText(text);
  const input: RecogniserInput = {
    tables: [tableFromTexts('文本', splitTabRows(source))],
    text: source,
    container: '制表符分隔文本',
  };
  const result = source.trim() === '' ? null : recognise(TEXT_RECOGNISERS, input, options);
  // The disclosure importer gives its own advice when the text is no table at all.
  return result ?? importDisclosureText(source, withUnit(options).rest);
}

/** A .csv file's text (already decoded from UTF-8 or GBK). */
export function importCsvText(text: string, options: RecogniseOptions = {}): ImportResult {
  const source = normaliseText(text);
  if (source.trim() === '') throw new ImportError('CSV 文件为空，没有可导入的内容。');
  return importGrid([tableFromTexts('CSV', splitCsvRows(source))], {
    ...options,
    container: 'CSV 文件',
  });
}
