/**
 * Import as one pipeline, bytes (or pasted text) to document: sniff the container, read it into
 * the neutral grid, run the registered recognisers. Runs inside the import worker, so the size,
 * time and memory limits cover every step; the container readers that need packages (ExcelJS,
 * SheetJS, fflate + xmldom, pdf.js) are handed in by the worker entry.
 */

import { decodedResultSchema, docxToGrid, sheetToGrid, type DecodedResult } from './decoded';
import type { GridTable } from './grid';
import { importCsvText, importGrid, importTextTable, type RecogniseOptions } from './recognise';
import { ImportRefusal } from './refusal';
import { negativeAmountEntries } from './negativeAmounts';
import { ImportError, type ImportEntry, type ImportResult } from './report';
import { CONTAINER_NAMES, extensionOf, sniffContainer, type Container } from './sniff';
import { decodeTextBytes } from './textBytes';

/** What a container reader gives back besides the grid: report lines about the container itself. */
export interface ContainerRead {
  tables: GridTable[];
  entries: ImportEntry[];
}

/** Progress of a long read (PDF pages). */
export type ProgressListener = (done: number, total: number) => void;

/** Readers of the binary containers; Office readers return data the pipeline validates. */
export interface ContainerReaders {
  office(kind: 'xlsx' | 'xls' | 'docx', bytes: Uint8Array, maxEntryBytes: number): Promise<unknown>;
  pdf(bytes: Uint8Array, progress: ProgressListener): Promise<ContainerRead>;
}

export interface ImportJob {
  /** A file's bytes, or… */
  bytes?: Uint8Array;
  /** …text pasted into the import dialog. */
  text?: string;
  /** The file's name (its extension helps sniffing); `粘贴的表格` for pasted text. */
  fileName: string;
  options: RecogniseOptions;
  /** Largest uncompressed zip entry an Office reader inflates. */
  maxEntryBytes: number;
}

/** Office data (already plain) as grid tables, after its bounds are checked. */
function officeGrid(container: Container, data: unknown): ContainerRead {
  const parsed = decodedResultSchema.safeParse(data);
  if (!parsed.success) {
    throw new ImportRefusal(
      `${CONTAINER_NAMES[container]}的内容超出可导入的范围（单元格过多或文字过长），无法导入。`,
    );
  }
  const result: DecodedResult = parsed.data;
  try {
    if (result.kind === 'docx') return { tables: docxToGrid(result.blocks), entries: [] };
    return { tables: result.sheets.map(sheetToGrid), entries: shownNumberEntries(result) };
  } catch (error) {
    if (error instanceof RangeError) throw new ImportRefusal(error.message);
    throw error;
  }
}

/** Report lines for cells whose displayed number is not their value (a .xls format rounds it). */
function shownNumberEntries(result: Extract<DecodedResult, { kind: 'sheets' }>): ImportEntry[] {
  return result.sheets.flatMap((sheet) =>
    (sheet.shown ?? []).map(([row, column, shown, value, cell]): ImportEntry => ({
      kind: 'warning',
      message: `单元格显示为“${shown}”，实际数值是 ${value}：已按实际数值导入，请核对。`,
      source: { sheet: sheet.name, row, column, cell },
    })),
  );
}

async function readContainer(
  container: Container,
  bytes: Uint8Array,
  job: ImportJob,
  readers: ContainerReaders,
  progress: ProgressListener,
): Promise<ContainerRead> {
  try {
    if (container === 'pdf') return await readers.pdf(bytes, progress);
    const kind = container as 'xlsx' | 'xls' | 'docx';
    return officeGrid(container, await readers.office(kind, bytes, job.maxEntryBytes));
  } catch (error) {
    if (error instanceof ImportError) throw error;
    // Engine text ("Sector Shift: Expected 9 or 12 saw 30") goes to the log, not to the clerk.
    throw new ImportRefusal(
      `文件已损坏或不是有效的${CONTAINER_NAMES[container]}，无法读取。请用 Office 或 WPS 打开确认后另存一份再导入。`,
      'invalid-document',
      error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    );
  }
}

/** Runs one import from bytes or pasted text to a document and its report. Throws ImportError. */
export async function runImport(
  job: ImportJob,
  readers: ContainerReaders,
  progress: ProgressListener = () => undefined,
): Promise<ImportResult> {
  const result = await importAny(job, readers, progress);
  result.report.entries.push(...negativeAmountEntries(result.document));
  return result;
}

async function importAny(
  job: ImportJob,
  readers: ContainerReaders,
  progress: ProgressListener,
): Promise<ImportResult> {
  if (job.text !== undefined) {
    if (job.text.trim() === '') {
      throw new ImportRefusal('没有粘贴任何文字。请先复制整张表格（包括表头），再粘贴到这里。');
    }
    return importTextTable(job.text, job.options);
  }
  const bytes = job.bytes ?? new Uint8Array();
  const container = sniffContainer(bytes, extensionOf(job.fileName));
  if (container === 'text' || container === 'csv') {
    // Text of any length: the worker's time and memory limits bound it, as for the other files.
    const text = decodeTextBytes(bytes);
    return container === 'csv'
      ? importCsvText(text, job.options)
      : importTextTable(text, job.options);
  }
  const read = await readContainer(container, bytes, job, readers, progress);
  const result = importGrid(read.tables, { ...job.options, container: CONTAINER_NAMES[container] });
  result.report.entries.unshift(...read.entries);
  return result;
}
