import { open, stat } from 'node:fs/promises';
import type { LayoutFontOptions } from '../../shared/export';
import { exportPlan, ExportRequestError } from '../../shared/export/plan';
import {
  documentFileStem,
  exportFileName,
  moneyRangeProblems,
  type ExportRequest,
  type JixiaoDocument,
} from '../../shared/model';
import { DOCUMENT_EXTENSION, looksLikeDocument } from './documentFile';
import { ExportContentError } from './exportErrors';
import { WriteFileError, writeDurable } from './durableFile';

// In its own module so the CLI knows the error without loading the writers (ExcelJS, docx).
export { ExportContentError };

/** Renders a document to the bytes of one export file; refuses totals beyond exact range. */
export async function renderExport(
  document: JixiaoDocument,
  request: ExportRequest & { fonts?: LayoutFontOptions },
): Promise<Uint8Array> {
  const [problem] = moneyRangeProblems(document);
  if (problem) {
    throw new ExportContentError(
      `${problem.label}超出程序能精确计算的范围，导出的数字会出错，未导出。请先核对金额（运行“检查”可找到它）。`,
    );
  }
  try {
    return await exportPlan(document, request).writer();
  } catch (error) {
    if (error instanceof ExportRequestError) throw new ExportContentError(error.message);
    throw error;
  }
}

/** A file name for the save dialog: `2025年<标题>（公开表）.docx`. */
export function suggestedExportName(document: JixiaoDocument, request: ExportRequest): string {
  return exportFileName(documentFileStem(document), request.layout, request.format);
}

/** An export would replace a document of ours or the file it was made from. */
export class ExportTargetError extends WriteFileError {
  constructor(message: string, path: string) {
    super(message, path);
    this.name = 'ExportTargetError';
  }
}

async function firstBytes(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(200);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Why an export must not be written to `path`, or null: a document file of ours (by name, or
 * an existing file whose content is one) or one of the files the export was made from is never
 * replaced by an export.
 */
export async function exportTargetProblem(
  path: string,
  sources: readonly string[] = [],
): Promise<string | null> {
  const lower = path.toLowerCase();
  if (lower.endsWith(DOCUMENT_EXTENSION) || lower.endsWith(`${DOCUMENT_EXTENSION}.bak`)) {
    return `「${path}」是本程序的文档文件名，导出不会写入或覆盖文档。请换一个文件名（如 .docx、.xlsx 或 .txt）。`;
  }
  const target = await stat(path).catch(() => null);
  if (!target?.isFile()) return null;
  for (const source of sources) {
    const from = await stat(source).catch(() => null);
    if (from && from.dev === target.dev && from.ino === target.ino) {
      return `「${path}」就是正在导出的原文件，导出不会覆盖它。请换一个文件名。`;
    }
  }
  if (looksLikeDocument(await firstBytes(path).catch(() => new Uint8Array()))) {
    return `「${path}」是本程序的文档，导出不会覆盖它。请换一个文件名。`;
  }
  return null;
}

/**
 * Writes an export durably after refusing targets that are documents of ours or the export's
 * own source files. Throws ExportTargetError or WriteFileError with a Chinese message.
 */
export async function writeExportFile(
  path: string,
  bytes: Uint8Array,
  sources: readonly string[] = [],
): Promise<void> {
  const problem = await exportTargetProblem(path, sources);
  if (problem) throw new ExportTargetError(problem, path);
  await writeDurable(path, bytes);
}
