import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { RecogniseOptions } from '../../shared/import/recognise';
import type { ImportResult } from '../../shared/import/report';
import { validImportResult } from '../../shared/import/resultSchema';
import {
  CONTAINER_NAMES,
  extensionOf,
  IMPORT_EXTENSIONS,
  textContainer,
} from '../../shared/import/sniff';
import { documentCounts } from '../../shared/model';
import { DOCUMENT_EXTENSION, readDocumentFile } from './documentFile';
import { describeReadError } from './fileErrors';
import { MAX_IMPORT_BYTES, readFileOnce } from './fileRead';
import type { WorkerJob } from './import/protocol';
import {
  DEFAULT_WORKER_LIMITS,
  WorkerFailure,
  runInWorker,
  type WorkerLimits,
  type WorkerRun,
} from './import/worker';

export { IMPORT_EXTENSIONS, CONTAINER_NAMES };
export { keepImportWorkerWarm } from './import/worker';

export { MAX_IMPORT_BYTES };

/** A failure to import, with the Chinese message shown to the user. */
export class ImportFileError extends Error {
  constructor(
    message: string,
    readonly code: 'not-found' | 'unsupported' | 'invalid-document' | 'io-error' | 'cancelled',
    /** Engine text behind the message, for the log; never shown. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

/** Where engine text behind a refusal goes (the clerk sees only the Chinese message). */
let importLog: (line: string) => void = (line) => {
  if (process.env.JIXIAO_DEBUG) process.stderr.write(`[jixiao import] ${line}\n`);
};

/** Sends engine text behind import refusals to `log` (main wires it to its log). */
export function setImportLog(log: (line: string) => void): void {
  importLog = log;
}

export interface ImportFileOptions extends RecogniseOptions, WorkerRun {
  /** Worker limits; tests lower them. */
  limits?: Partial<WorkerLimits>;
}

/** Refuses a path that is not a file or is over the size cap, before anything reads it. */
async function checkFile(path: string): Promise<void> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ImportFileError('所选路径不是文件。', 'not-found');
    size = info.size;
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(describeReadError(path, error, 'import'), 'not-found');
  }
  if (size > MAX_IMPORT_BYTES) {
    throw new ImportFileError(
      `文件过大（${(size / 1024 / 1024).toFixed(1)} MB），超过导入上限 ${MAX_IMPORT_BYTES / 1024 / 1024} MB。`,
      'unsupported',
    );
  }
}

async function readBytes(path: string): Promise<Uint8Array> {
  await checkFile(path);
  try {
    const buffer = await readFileOnce(path);
    // A view of the bytes read, not a copy of them (17 MB for a 5,000-project text).
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (error) {
    throw new ImportFileError(describeReadError(path, error, 'import'), 'io-error');
  }
}

async function importDocument(path: string): Promise<ImportResult & { migratedFrom?: number }> {
  // readDocumentFile reads it: reading it here too cost a second read of a 24 MB document.
  await checkFile(path);
  try {
    const loaded = await readDocumentFile(path);
    const counts = documentCounts(loaded.document);
    return {
      document: loaded.document,
      report: { format: '绩效目标表编辑器文档', entries: [], counts },
      ...(loaded.migratedFrom === null ? {} : { migratedFrom: loaded.migratedFrom }),
    };
  } catch (error) {
    // A read that fails (EACCES, EISDIR…) says so in Chinese, as the size check's read did.
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      throw new ImportFileError(describeReadError(path, error, 'import'), 'io-error');
    }
    throw new ImportFileError((error as Error).message, 'invalid-document');
  }
}

/**
 * Reads any file the program can take in: its own `.jixiao.json`, an Excel workbook (.xlsx,
 * .xls), a Word document (.docx), a PDF, tab-separated text or CSV (UTF-8 or GBK), holding
 * either the disclosure table or per-project forms. Everything but the program's own documents
 * is read in the import worker. Throws ImportFileError with a Chinese message; never returns a
 * half-read document.
 */
export async function importFromFile(
  path: string,
  options: ImportFileOptions = {},
): Promise<ImportResult & { migratedFrom?: number }> {
  const lower = basename(path).toLowerCase();
  if (lower.endsWith(DOCUMENT_EXTENSION) || extname(lower) === '.json') return importDocument(path);
  return importBytes(await readBytes(path), lower, options);
}

let textHere = false;

/**
 * The command line reads text and CSV files in its own process (import/inProcess.ts); the app,
 * whose window must never freeze, keeps them in the worker (the default).
 */
export function readTextInProcess(enabled: boolean): void {
  textHere = enabled;
}

/** Whether this job runs here rather than in a worker (see readTextInProcess). */
function runsHere(job: WorkerJob): boolean {
  if (!textHere) return false;
  if (job.text !== undefined) return true;
  return job.bytes !== undefined && textContainer(job.bytes, extensionOf(job.fileName)) !== null;
}

/** Hands one job to a fresh worker (or, for the command line's text, runs it here) and checks what comes back. */
async function inWorker(job: WorkerJob, options: ImportFileOptions): Promise<ImportResult> {
  const { limits, onProgress, signal } = options;
  let data: unknown;
  try {
    // Loaded only when used: the recognisers stay out of the command line's start-up.
    data = runsHere(job)
      ? await (await import('./import/inProcess')).runTextHere(job)
      : await runInWorker(
          job,
          { ...DEFAULT_WORKER_LIMITS, ...limits },
          {
            ...(onProgress ? { onProgress } : {}),
            ...(signal ? { signal } : {}),
          },
        );
  } catch (error) {
    if (!(error instanceof WorkerFailure)) throw error;
    if (error.detail) importLog(`${job.fileName}: ${error.detail}`);
    if (error.reason === 'cancelled') throw new ImportFileError(error.message, 'cancelled');
    if (error.reason === 'refused')
      throw new ImportFileError(error.message, error.code, error.detail);
    // `读取超时（超过 30 秒）` / `读取时占用内存超过上限` / `读取进程意外退出（1）`.
    throw new ImportFileError(
      `${error.message.replace(/。$/u, '')}，已停止：文件可能已损坏或过于复杂。`,
      'invalid-document',
      error.detail,
    );
  }
  const result = validImportResult(data);
  if (!result) {
    throw new ImportFileError('读取结果不是有效的文档，已放弃导入。', 'invalid-document');
  }
  return result;
}

function jobOptions(options: ImportFileOptions): RecogniseOptions {
  const { frameworkId, fiscalYear, moneyUnit } = options;
  return {
    ...(frameworkId === undefined ? {} : { frameworkId }),
    ...(fiscalYear === undefined ? {} : { fiscalYear }),
    ...(moneyUnit === undefined ? {} : { moneyUnit }),
  };
}

/**
 * Imports a file's bytes (any container but `.jixiao.json`); the worker chooses the reader by
 * content and by the file name's extension. Throws ImportFileError.
 */
export async function importBytes(
  bytes: Uint8Array,
  fileName: string,
  options: ImportFileOptions = {},
): Promise<ImportResult> {
  return inWorker(
    {
      bytes,
      fileName,
      options: jobOptions(options),
      maxEntryBytes: options.limits?.maxEntryBytes ?? DEFAULT_WORKER_LIMITS.maxEntryBytes,
    },
    options,
  );
}

/**
 * Imports text pasted into the import dialog (tab-separated cells, or one cell per line as copied
 * out of a PDF), in the worker so a long paste never freezes the window. Throws ImportFileError.
 */
export async function importPastedText(
  text: string,
  options: ImportFileOptions = {},
): Promise<ImportResult> {
  return inWorker(
    {
      text,
      fileName: '粘贴的表格',
      options: jobOptions(options),
      maxEntryBytes: DEFAULT_WORKER_LIMITS.maxEntryBytes,
    },
    options,
  );
}
