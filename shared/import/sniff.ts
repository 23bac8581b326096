/**
 * Which container a file is, by its bytes first and its extension second. Runs inside the import
 * worker (the zip guard inflates every entry to count it). A zip is a workbook or a Word file by
 * what it holds, whatever its name says; only a file with the OLE signature reaches the legacy
 * .xls reader (SheetJS also parses HTML and SYLK, which a file named .xls may really be).
 */

import { ImportRefusal } from './refusal';
import { checkZip, isZip } from './zipGuard';

export type Container = 'xlsx' | 'xls' | 'docx' | 'pdf' | 'text' | 'csv';

/** How the report and messages name each container. */
export const CONTAINER_NAMES: Record<Container, string> = {
  xlsx: 'Excel 工作簿（.xlsx）',
  xls: 'Excel 97-2003 工作簿（.xls）',
  docx: 'Word 文档（.docx）',
  pdf: 'PDF 文件',
  text: '制表符分隔文本',
  csv: 'CSV 文件',
};

/** File types the import dialog offers. */
export const IMPORT_EXTENSIONS = [
  'xlsx',
  'xls',
  'docx',
  'pdf',
  'txt',
  'tsv',
  'csv',
  'json',
] as const;

export function isOle(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** `%PDF-` in the first kilobyte, where readers look for it. */
export function isPdf(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - 5, 1024);
  for (let at = 0; at <= end; at += 1) {
    if (
      bytes[at] === 0x25 &&
      bytes[at + 1] === 0x50 &&
      bytes[at + 2] === 0x44 &&
      bytes[at + 3] === 0x46 &&
      bytes[at + 4] === 0x2d
    )
      return true;
  }
  return false;
}

/** A file name's extension, lower case, without the dot (`表.TXT` → `txt`; none → ''). */
export function extensionOf(fileName: string): string {
  const match = /\.([^./\\]+)$/u.exec(fileName.toLowerCase());
  return match?.[1] ?? '';
}

const TEXT_EXTENSIONS = ['txt', 'tsv', 'text', ''];

/**
 * `text` or `csv` when sniffContainer would choose that container (no package reader, no zip
 * to inflate), else null: what the command line may read in its own process.
 */
export function textContainer(bytes: Uint8Array, extension: string): 'text' | 'csv' | null {
  if (bytes.length === 0 || isZip(bytes) || isPdf(bytes) || isOle(bytes)) return null;
  if (extension === 'csv') return 'csv';
  return TEXT_EXTENSIONS.includes(extension) ? 'text' : null;
}

/** Chooses the container reader; throws ImportRefusal (Chinese) for what cannot be read. */
export function sniffContainer(bytes: Uint8Array, extension: string): Container {
  if (bytes.length === 0) throw new ImportRefusal('文件是空的，没有可导入的内容。');
  if (isZip(bytes)) {
    const check = checkZip(bytes);
    if (!check.ok) throw new ImportRefusal(check.message, 'unsupported');
    const names = new Set(check.entries.map((entry) => entry.name));
    if (names.has('xl/workbook.xml')) return 'xlsx';
    if (names.has('word/document.xml')) return 'docx';
    throw new ImportRefusal(
      '这个压缩文件既不是 Excel 工作簿（.xlsx）也不是 Word 文档（.docx），无法导入。',
      'unsupported',
    );
  }
  if (['xlsx', 'xlsm', 'docx'].includes(extension)) {
    throw new ImportRefusal(
      `文件已损坏或不是真正的 .${extension} 文件（内容不是 Office 压缩包格式）。`,
    );
  }
  if (extension === 'doc') {
    throw new ImportRefusal(
      '暂不能读取旧版 Word 文档（.doc）。请在 Word 或 WPS 中另存为 .docx 后再导入。',
      'unsupported',
    );
  }
  if (isPdf(bytes)) return 'pdf';
  if (extension === 'pdf') {
    throw new ImportRefusal('文件已损坏或不是真正的 PDF 文件（开头没有 PDF 标记）。');
  }
  if (isOle(bytes)) return 'xls';
  if (extension === 'xls') {
    throw new ImportRefusal(
      '文件名是 .xls，但内容不是 Excel 97-2003 工作簿（可能是网页或文本改了扩展名）。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。',
      'unsupported',
    );
  }
  if (extension === 'csv') return 'csv';
  if (TEXT_EXTENSIONS.includes(extension)) return 'text';
  throw new ImportRefusal(
    `暂不能读取 .${extension} 文件。可导入：Excel 工作簿（.xlsx、.xls）、Word 文档（.docx）、PDF 文件（.pdf）、文本（.txt、.csv）和本程序的文档（.jixiao.json）。`,
    'unsupported',
  );
}
