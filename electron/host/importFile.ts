import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { importDisclosureText } from '../../shared/import/disclosureText';
import { ImportError, type ImportResult } from '../../shared/import/report';
import { DOCUMENT_EXTENSION, readDocumentFile } from './documentFile';

/** Largest file the importer reads (a published table is well under 1 MB). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** File types the import dialog offers. */
export const IMPORT_EXTENSIONS = ['txt', 'tsv', 'json'] as const;

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
  return new Uint8Array(await readFile(path));
}

/**
 * Reads any file the program can take in: its own `.jixiao.json`, or a published table as text.
 * Throws ImportFileError with a Chinese message; never returns a half-read document.
 */
export async function importFromFile(
  path: string,
): Promise<ImportResult & { migratedFrom?: number }> {
  const lower = path.toLowerCase();
  if (lower.endsWith(DOCUMENT_EXTENSION) || extname(lower) === '.json') {
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
  const extension = extname(lower).slice(1);
  if (!['txt', 'tsv', 'text', ''].includes(extension)) {
    throw new ImportFileError(
      `暂不能读取 .${extension} 文件。目前可导入：从公开表复制或导出的文本（.txt）和本程序的文档（.jixiao.json）。`,
      'unsupported',
    );
  }
  const text = decodeText(await readBytes(path));
  try {
    return importDisclosureText(text);
  } catch (error) {
    if (error instanceof ImportError) throw new ImportFileError(error.message, 'invalid-document');
    throw error;
  }
}
