import {
  detailLayout,
  disclosureLayout,
  disclosureText,
  exportDocx,
  exportXlsx,
  formLayout,
  type Layout,
  type LayoutFontOptions,
} from '../../shared/export';
import { open, stat } from 'node:fs/promises';
import { moneyRangeProblems, type JixiaoDocument } from '../../shared/model';
import { DOCUMENT_EXTENSION, looksLikeDocument } from './documentFile';
import { ExportContentError } from './exportErrors';
import { WriteFileError, writeDurable } from './durableFile';

export type ExportFormat = 'docx' | 'xlsx' | 'txt';
export type ExportLayoutKind = 'disclosure' | 'form' | 'detail';

export interface ExportRequest {
  format: ExportFormat;
  layout: ExportLayoutKind;
  /** Per-project form variant: 年度 only, or 中期 + 年度. */
  variant?: 'annual' | 'midterm';
  fonts?: LayoutFontOptions;
}

/** Builds the one layout model every writer (and the print view) renders. */
export function buildLayout(
  document: JixiaoDocument,
  request: Omit<ExportRequest, 'format'>,
): Layout {
  const fonts = request.fonts ? { fonts: request.fonts } : {};
  if (request.layout === 'detail') return detailLayout(document, fonts);
  return request.layout === 'form'
    ? formLayout(document, { variant: request.variant ?? 'annual', ...fonts })
    : disclosureLayout(document, fonts);
}

// In its own module so the CLI knows the error without loading the writers (ExcelJS, docx).
export { ExportContentError };

/** Renders a document to the bytes of one export file; refuses totals beyond exact range. */
export async function renderExport(
  document: JixiaoDocument,
  request: ExportRequest,
): Promise<Uint8Array> {
  const [problem] = moneyRangeProblems(document);
  if (problem) {
    throw new ExportContentError(
      `${problem.label}超出程序能精确计算的范围，导出的数字会出错，未导出。请先核对金额（运行“检查”可找到它）。`,
    );
  }
  if (request.format === 'txt') {
    if (request.layout !== 'disclosure') throw new Error('文本导出只支持公开表格式。');
    return new TextEncoder().encode(disclosureText(document));
  }
  const layout = buildLayout(document, request);
  return request.format === 'docx' ? exportDocx(layout) : exportXlsx(layout);
}

/** A file name for the save dialog: `<标题>（公开表）.docx`. */
export function suggestedExportName(document: JixiaoDocument, request: ExportRequest): string {
  const base = (document.title || '绩效目标表').replace(/[\\/:*?"<>|]/g, '_');
  const year = document.fiscalYear ? `${document.fiscalYear}年` : '';
  const kind = { disclosure: '公开表', form: '分项目表', detail: '明细表' }[request.layout];
  return `${year}${base}（${kind}）.${request.format}`;
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
