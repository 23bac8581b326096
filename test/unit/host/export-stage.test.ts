import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { renderExport, suggestedExportName } from '../../../electron/host/exportService';
import { printOptionsSchema } from '../../../shared/ipc/contract';
import { exportRequestSchema } from '../../../shared/model';
import { chizhouDocument } from '../export/stageFixture';

describe('host export service: the stage layouts', () => {
  it('the IPC contract accepts them for export and print', () => {
    for (const layout of ['monitoring', 'self-evaluation', 'stage-summary'] as const) {
      expect(exportRequestSchema.parse({ format: 'xlsx', layout })).toEqual({
        format: 'xlsx',
        layout,
      });
      expect(printOptionsSchema.parse({ layout })).toEqual({ layout });
    }
  });

  it('renders the 汇总表 as one sheet and names the file after the layout', async () => {
    const document = chizhouDocument();
    const bytes = await renderExport(document, { format: 'xlsx', layout: 'stage-summary' });
    const workbook = XLSX.read(bytes, { type: 'array' });
    expect(workbook.SheetNames).toEqual(['监控与自评汇总']);
    expect(suggestedExportName(document, { format: 'docx', layout: 'monitoring' })).toBe(
      '2022年项目支出绩效目标表（绩效目标执行监控表）.docx',
    );
  });
});
