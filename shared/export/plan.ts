/**
 * From a document and an export request to the file: which layout (shared/export/layouts.ts),
 * which writer, which name. The host's export and the CLI write through here.
 */
import {
  documentFileStem,
  exportFileName,
  type ExportFormat,
  type ExportRequest,
  type JixiaoDocument,
} from '../model';
import { disclosureText } from './disclosureText';
import { exportDocx } from './docx';
import type { Layout, LayoutFontOptions } from './layout';
import { buildLayout } from './layouts';
import { exportXlsx } from './xlsx';

/** The writer of each layout-drawn file format (text is written from the document). */
const LAYOUT_WRITERS: Readonly<
  Record<Exclude<ExportFormat, 'txt'>, (layout: Layout) => Promise<Uint8Array>>
> = {
  docx: (layout) => exportDocx(layout),
  xlsx: (layout) => exportXlsx(layout),
};

/** The request cannot be written as asked (text is the disclosure table only). */
export class ExportRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportRequestError';
  }
}

export interface ExportPlan {
  /** The layout the writer renders; null for text, which is written from the document. */
  layout: Layout | null;
  /** The file name a save dialog suggests: `2025年<标题>（公开表）.docx`. */
  fileName: string;
  /** Renders the export's bytes. */
  writer: () => Promise<Uint8Array>;
}

/** What an export request makes of a document: its layout, file name and writer. */
export function exportPlan(
  document: JixiaoDocument,
  request: ExportRequest & { fonts?: LayoutFontOptions },
): ExportPlan {
  const fileName = exportFileName(documentFileStem(document), request.layout, request.format);
  if (request.format === 'txt') {
    if (request.layout !== 'disclosure') {
      throw new ExportRequestError('文本导出只支持公开表格式。');
    }
    return {
      layout: null,
      fileName,
      writer: async () => new TextEncoder().encode(disclosureText(document)),
    };
  }
  if (request.layout === 'changes' && !document.previousYear) {
    throw new ExportRequestError(
      '文档中没有上年数据，无法导出变动说明。请先在「与上年对比」中选择上年的文件。',
    );
  }
  const layout = buildLayout(document, request);
  const write = LAYOUT_WRITERS[request.format];
  return { layout, fileName, writer: () => write(layout) };
}
