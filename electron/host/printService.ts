import { basename } from 'node:path';
import { printDocumentHtml } from '../../shared/export/print';
import { failure, type PrintOptions, type Results } from '../../shared/ipc';
import { documentFileStem, exportFileName, type JixiaoDocument } from '../../shared/model';
import { WriteFileError } from './durableFile';
import { ExportTargetError, writeExportFile } from './exportService';
import { PortRefusal, type DialogPort, type PrintPort } from './ports';

const NO_PRINTER = '此环境无法打印（没有打印窗口）。';

/** A file name for the PDF save dialog: `2025年<标题>（公开表）.pdf`. */
export function suggestedPdfName(document: JixiaoDocument, options: PrintOptions): string {
  return exportFileName(documentFileStem(document), options.layout, 'pdf');
}

/** The print HTML of a document (the same the renderer's preview shows). */
export function printHtml(document: JixiaoDocument, options: PrintOptions) {
  return printDocumentHtml(document, options);
}

/** 打印…: the system print dialog for the chosen table; `cancelled` when the user closed it. */
export async function printDocument(
  printer: PrintPort | undefined,
  document: JixiaoDocument,
  options: PrintOptions,
): Promise<Results['printDocument']> {
  if (!printer) return failure('unsupported', NO_PRINTER);
  const { html, landscape } = printHtml(document, options);
  let printed: boolean;
  try {
    printed = await printer.print(html, landscape);
  } catch (error) {
    console.error('[jixiao] printing failed', error);
    return failure(
      'io-error',
      '打印失败：系统打印没有完成。请检查打印机是否连接，或先导出 PDF 再打印。',
    );
  }
  return printed ? { ok: true } : failure('cancelled', '已取消打印。');
}

/** 导出 PDF…: asks where to save, renders the print view to PDF and writes it durably. */
export async function exportPdf(
  printer: PrintPort | undefined,
  dialogs: DialogPort,
  document: JixiaoDocument,
  options: PrintOptions,
): Promise<Results['exportPdf']> {
  if (!printer) return failure('unsupported', NO_PRINTER);
  const path = await dialogs.chooseExportPath(suggestedPdfName(document, options), 'pdf');
  if (path === null) return failure('cancelled', '已取消导出。');
  const { html, landscape } = printHtml(document, options);
  let bytes: Uint8Array;
  try {
    bytes = await printer.toPdf(html, landscape);
  } catch (error) {
    if (error instanceof PortRefusal) return failure('unsupported', error.message);
    console.error('[jixiao] PDF rendering failed', error);
    return failure(
      'internal',
      '生成 PDF 失败，未写入任何文件。请重试，或导出 Word 文件后另存为 PDF。',
    );
  }
  if (!isPdf(bytes)) return failure('internal', '生成 PDF 失败：打印引擎没有返回 PDF。');
  try {
    await writeExportFile(path, bytes);
  } catch (error) {
    if (error instanceof ExportTargetError) return failure('forbidden', error.message);
    if (error instanceof WriteFileError) return failure('io-error', error.message);
    console.error('[jixiao] writing the PDF failed', error);
    return failure('io-error', `写入「${basename(path)}」失败，请换一个位置重试。`);
  }
  return { ok: true, fileName: basename(path), bytes: bytes.byteLength };
}

/** True when the bytes start like a PDF file (`%PDF-`). */
function isPdf(bytes: Uint8Array): boolean {
  return new TextDecoder().decode(bytes.subarray(0, 5)) === '%PDF-';
}
