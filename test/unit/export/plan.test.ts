import { describe, expect, it } from 'vitest';
import { buildLayout, exportPlan, ExportRequestError } from '../../../shared/export';
import {
  EXPORT_FORMATS,
  EXPORT_LAYOUTS,
  exportRequestSchema,
  snapshotOf,
  type ExportLayoutKind,
} from '../../../shared/model';
import { sampleDocument, unzipText } from './helpers';

describe('exportPlan: one request, one layout, one name, one writer', () => {
  it('names the file after the year, the title and the table, as every dialog and the CLI do', () => {
    const document = { ...sampleDocument(), fiscalYear: 2025 };
    expect(exportPlan(document, { format: 'docx', layout: 'disclosure' }).fileName).toBe(
      '2025年项目支出绩效目标表（含转移支付项目）（公开表）.docx',
    );
    const named = { ...document, title: '2025年机电/交通:绩效目标表?' };
    expect(exportPlan(named, { format: 'xlsx', layout: 'form' }).fileName).toBe(
      '2025年机电_交通_绩效目标表_（分项目表）.xlsx',
    );
    expect(
      exportPlan({ ...document, fiscalYear: null }, { format: 'xlsx', layout: 'detail' }).fileName,
    ).toBe('项目支出绩效目标表（含转移支付项目）（明细表）.xlsx');
  });

  it('builds every registered layout, and the writer renders that very layout', async () => {
    // 变动说明 compares with the 上年数据 a document carries: the sample's own snapshot will do.
    const document = { ...sampleDocument(), previousYear: snapshotOf(sampleDocument()) };
    for (const layout of EXPORT_LAYOUTS) {
      const plan = exportPlan(document, { format: 'xlsx', layout, variant: 'midterm' });
      expect(plan.layout?.kind).toBe(layout);
      expect(plan.layout).toEqual(buildLayout(document, { layout, variant: 'midterm' }));
      const files = unzipText(await plan.writer());
      expect(Object.keys(files)).toContain('xl/workbook.xml');
    }
    const word = exportPlan(document, { format: 'docx', layout: 'form' });
    const body = unzipText(await word.writer())['word/document.xml'] ?? '';
    expect(body).toContain(document.units[0]!.projects[0]!.name);
  });

  it('writes text from the document, for the disclosure table only', async () => {
    const document = sampleDocument();
    const plan = exportPlan(document, { format: 'txt', layout: 'disclosure' });
    expect(plan.layout).toBeNull();
    const text = new TextDecoder().decode(await plan.writer());
    expect(text).toContain('项目名称（资金使用单位）\t总计\t财政拨款');
    expect(() => exportPlan(document, { format: 'txt', layout: 'form' })).toThrow(
      ExportRequestError,
    );
  });

  it('accepts exactly the known formats, layouts and variants', () => {
    for (const format of EXPORT_FORMATS) {
      for (const layout of EXPORT_LAYOUTS) {
        expect(exportRequestSchema.safeParse({ format, layout }).success).toBe(true);
      }
    }
    for (const request of [
      { format: 'pdf', layout: 'disclosure' },
      { format: 'docx', layout: 'summary' as ExportLayoutKind },
      { format: 'docx', layout: 'form', variant: 'yearly' },
      { format: 'docx', layout: 'form', fonts: {} },
    ]) {
      expect(exportRequestSchema.safeParse(request).success).toBe(false);
    }
  });
});
