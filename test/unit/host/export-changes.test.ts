import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import {
  renderExport,
  suggestedExportName,
  ExportContentError,
} from '../../../electron/host/exportService';
import { exportRequestSchema } from '../../../shared/model';
import { editedNextYear, seed } from '../model/compareMaterial';

describe('变动说明 through the host export (the app’s 导出变动说明)', () => {
  it('renders the document against the 上年数据 it carries', async () => {
    const options = exportRequestSchema.parse({ format: 'xlsx', layout: 'changes' });
    const document = editedNextYear();
    const book = XLSX.read(await renderExport(document, options), { type: 'array' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]!]!, {
      header: 1,
      defval: '',
    });
    expect(rows.filter((row) => row[2] === '金额变动')).toHaveLength(5);
    expect(suggestedExportName(document, options)).toBe(
      '2026年项目支出绩效目标表（含转移支付项目）（变动说明）.xlsx',
    );
  });

  it('refuses in Chinese when there is no last year to compare with', async () => {
    await expect(renderExport(seed, { format: 'docx', layout: 'changes' })).rejects.toThrow(
      ExportContentError,
    );
    await expect(renderExport(seed, { format: 'docx', layout: 'changes' })).rejects.toThrow(
      /没有上年数据/,
    );
    expect(() => exportRequestSchema.parse({ format: 'docx', layout: 'changed' })).toThrow();
  });
});
