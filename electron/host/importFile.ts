import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { decodedResultSchema, docxToGrid, sheetToGrid } from '../../shared/import/decoded';
import type { GridTable } from '../../shared/import/grid';
import { importCsvText, importGrid, importTextTable } from '../../shared/import/recognise';
import { ImportError, type ImportResult } from '../../shared/import/report';
import { checkZip, isZip } from '../../shared/import/zipGuard';
import { MAX_PASTED_CHARS } from '../../shared/ipc/contract';
import type { MoneyUnit } from '../../shared/model';
import { DOCUMENT_EXTENSION, readDocumentFile } from './documentFile';
import type { WorkerContainer } from './import/protocol';
import {
  DEFAULT_WORKER_LIMITS,
  WorkerFailure,
  decodeInWorker,
  type WorkerLimits,
} from './import/worker';

/** Largest file the importer reads (a published table is well under 1 MB). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** File types the import dialog offers. */
export const IMPORT_EXTENSIONS = ['xlsx', 'xls', 'docx', 'txt', 'tsv', 'csv', 'json'] as const;

/** A failure to import, with the Chinese message shown to the user. */
export class ImportFileError extends Error {
  constructor(
    message: string,
    readonly code: 'not-found' | 'unsupported' | 'invalid-document' | 'io-error',
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

/** Decodes text bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else GBK as Chinese Windows writes. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

export interface ImportFileOptions {
  frameworkId?: string;
  fiscalYear?: number | null;
  /** Unit of the document per-project forms go into (when adding to an open document). */
  moneyUnit?: MoneyUnit;
  /** Worker limits; tests lower them. */
  limits?: Partial<WorkerLimits>;
}

async function readBytes(path: string): Promise<Uint8Array> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ImportFileError('所选路径不是文件。', 'not-found');
    size = info.size;
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(
      `无法读取文件：${(error as NodeJS.ErrnoException).code ?? ''}`,
      'not-found',
    );
  }
  if (size > MAX_IMPORT_BYTES) {
    throw new ImportFileError(
      `文件过大（${(size / 1024 / 1024).toFixed(1)} MB），超过导入上限 ${MAX_IMPORT_BYTES / 1024 / 1024} MB。`,
      'unsupported',
    );
  }
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw new ImportFileError(
      `无法读取文件：${(error as NodeJS.ErrnoException).code ?? ''}`,
      'io-error',
    );
  }
}

/** The container a file is, by its bytes first and its extension second. */
export type Container = WorkerContainer | 'text' | 'csv';

const CONTAINER_NAMES: Record<Container, string> = {
  xlsx: 'Excel 工作簿（.xlsx）',
  xls: 'Excel 97-2003 工作簿（.xls）',
  docx: 'Word 文档（.docx）',
  text: '制表符分隔文本',
  csv: 'CSV 文件',
};

function isOle(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/**
 * Chooses the reader. A zip is a workbook or a Word file by what it contains, whatever its
 * extension says; an OLE file is a legacy workbook (a legacy .doc is refused with advice).
 */
export function detectContainer(bytes: Uint8Array, extension: string): Container {
  if (isZip(bytes)) {
    const check = checkZip(bytes);
    if (!check.ok) throw new ImportFileError(check.message, 'unsupported');
    const names = new Set(check.entries.map((entry) => entry.name));
    if (names.has('xl/workbook.xml')) return 'xlsx';
    if (names.has('word/document.xml')) return 'docx';
    throw new ImportFileError(
      '这个压缩文件既不是 Excel 工作簿（.xlsx）也不是 Word 文档（.docx），无法导入。',
      'unsupported',
    );
  }
  if (['xlsx', 'xlsm', 'docx'].includes(extension)) {
    throw new ImportFileError(
      `文件已损坏或不是真正的 .${extension} 文件（内容不是 Office 压缩包格式）。`,
      'invalid-document',
    );
  }
  if (extension === 'doc') {
    throw new ImportFileError(
      '暂不能读取旧版 Word 文档（.doc）。请在 Word 或 WPS 中另存为 .docx 后再导入。',
      'unsupported',
    );
  }
  if (isOle(bytes) || extension === 'xls') return 'xls';
  if (extension === 'csv') return 'csv';
  if (['txt', 'tsv', 'text', ''].includes(extension)) return 'text';
  throw new ImportFileError(
    `暂不能读取 .${extension} 文件。可导入：Excel 工作簿（.xlsx、.xls）、Word 文档（.docx）、文本（.txt、.csv）和本程序的文档（.jixiao.json）。`,
    'unsupported',
  );
}

/** Plain English from a library, turned into a sentence a clerk can act on. */
function decodeMessage(container: Container, failure: WorkerFailure): string {
  const name = CONTAINER_NAMES[container];
  if (failure.reason === 'timeout' || failure.reason === 'memory') {
    return `读取${name}时${failure.message.replace(/。$/, '')}：文件可能已损坏或过于复杂。`;
  }
  if (failure.message === 'ENTRY_TOO_LARGE') return `${name}中的正文过大，已拒绝。`;
  if (failure.message === 'NO_DOCUMENT_XML' || failure.message === 'NO_BODY') {
    return `${name}中没有正文，文件可能已损坏。`;
  }
  return `文件已损坏或不是有效的${name}，无法读取（${failure.message.slice(0, 120)}）。`;
}

/** Decodes an Office container into plain data: the worker by default, in-process in tests. */
export type OfficeDecoder = (
  container: WorkerContainer,
  bytes: Uint8Array,
  limits: WorkerLimits,
) => Promise<unknown>;

/**
 * Decodes an Office file (in the import worker unless another decoder is given) and builds the
 * neutral grid from its validated output. Throws ImportFileError.
 */
export async function readOfficeGrid(
  container: WorkerContainer,
  bytes: Uint8Array,
  limits: Partial<WorkerLimits> = {},
  decode: OfficeDecoder = decodeInWorker,
): Promise<GridTable[]> {
  let data: unknown;
  try {
    data = await decode(container, bytes, { ...DEFAULT_WORKER_LIMITS, ...limits });
  } catch (error) {
    if (error instanceof WorkerFailure) {
      throw new ImportFileError(decodeMessage(container, error), 'invalid-document');
    }
    throw error;
  }
  const parsed = decodedResultSchema.safeParse(data);
  if (!parsed.success) {
    throw new ImportFileError(
      `${CONTAINER_NAMES[container]}的内容超出可导入的范围（单元格过多或文字过长），无法导入。`,
      'invalid-document',
    );
  }
  try {
    return parsed.data.kind === 'sheets'
      ? parsed.data.sheets.map(sheetToGrid)
      : docxToGrid(parsed.data.blocks);
  } catch (error) {
    if (error instanceof RangeError) throw new ImportFileError(error.message, 'invalid-document');
    throw error;
  }
}

async function importDocument(path: string): Promise<ImportResult & { migratedFrom?: number }> {
  await readBytes(path);
  try {
    const loaded = await readDocumentFile(path);
    const counts = {
      units: loaded.document.units.length,
      projects: loaded.document.units.reduce((n, unit) => n + unit.projects.length, 0),
      indicators: loaded.document.units.reduce(
        (n, unit) => n + unit.projects.reduce((m, project) => m + project.indicators.length, 0),
        0,
      ),
    };
    return {
      document: loaded.document,
      report: { format: '绩效目标表编辑器文档', entries: [], counts },
      ...(loaded.migratedFrom === null ? {} : { migratedFrom: loaded.migratedFrom }),
    };
  } catch (error) {
    throw new ImportFileError((error as Error).message, 'invalid-document');
  }
}

/**
 * Reads any file the program can take in: its own `.jixiao.json`, an Excel workbook (.xlsx,
 * .xls), a Word document (.docx), tab-separated text or CSV (UTF-8 or GBK), holding either the
 * disclosure table or per-project forms. Office files are decoded in a worker with time and
 * memory limits. Throws ImportFileError with a Chinese message; never returns a half-read
 * document.
 */
export async function importFromFile(
  path: string,
  options: ImportFileOptions = {},
): Promise<ImportResult & { migratedFrom?: number }> {
  const lower = basename(path).toLowerCase();
  if (lower.endsWith(DOCUMENT_EXTENSION) || extname(lower) === '.json') return importDocument(path);
  return importBytes(await readBytes(path), lower, options);
}

/**
 * Imports a file's bytes (any container but `.jixiao.json`), choosing the reader by content and
 * by the file name's extension. Throws ImportFileError.
 */
export async function importBytes(
  bytes: Uint8Array,
  fileName: string,
  options: ImportFileOptions & { decode?: OfficeDecoder } = {},
): Promise<ImportResult> {
  if (bytes.length === 0) {
    throw new ImportFileError('文件是空的，没有可导入的内容。', 'invalid-document');
  }
  const container = detectContainer(bytes, extname(fileName.toLowerCase()).slice(1));
  const { limits, decode, ...recognise } = options;
  try {
    if (container === 'text') return importTextTable(boundedText(bytes), recognise);
    if (container === 'csv') return importCsvText(boundedText(bytes), recognise);
    const tables = await readOfficeGrid(container, bytes, limits, decode);
    return importGrid(tables, { ...recognise, container: CONTAINER_NAMES[container] });
  } catch (error) {
    if (error instanceof ImportError) throw new ImportFileError(error.message, 'invalid-document');
    throw error;
  }
}

/**
 * Imports text pasted into the import dialog (tab-separated cells, or one cell per line as copied
 * out of a PDF). Throws ImportFileError with a Chinese message.
 */
export function importPastedText(text: string): ImportResult {
  if (text.trim() === '') {
    throw new ImportFileError(
      '没有粘贴任何文字。请先复制整张表格（包括表头），再粘贴到这里。',
      'invalid-document',
    );
  }
  if (text.length > MAX_PASTED_CHARS) throw tooLong('粘贴的文字', text.length);
  try {
    return importTextTable(text);
  } catch (error) {
    if (error instanceof ImportError) throw new ImportFileError(error.message, 'invalid-document');
    throw error;
  }
}

function tooLong(what: string, characters: number): ImportFileError {
  const count = (value: number) => value.toLocaleString('zh-CN');
  return new ImportFileError(
    `${what}太长（${count(characters)} 个字符，上限 ${count(MAX_PASTED_CHARS)}）。请分成几部分导入，或导入 Excel / Word 文件。`,
    'invalid-document',
  );
}

/** A text file's text, refused when longer than the importer reads (see MAX_PASTED_CHARS). */
function boundedText(bytes: Uint8Array): string {
  const text = decodeText(bytes);
  if (text.length > MAX_PASTED_CHARS) throw tooLong('文件中的文字', text.length);
  return text;
}
