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
import type { JixiaoDocument } from '../../shared/model';

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

/** Renders a document to the bytes of one export file. */
export async function renderExport(
  document: JixiaoDocument,
  request: ExportRequest,
): Promise<Uint8Array> {
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
