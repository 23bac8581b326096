import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import * as XLSX from 'xlsx';
import { expect, test } from './harness';
import { shot } from './shots';

const STAGE = join(import.meta.dirname, '../fixtures/stage/chizhou-2022.jixiao.json');

test.describe('export dialog: stage layouts and warnings', () => {
  test('导出 Excel 绩效自评表: the warnings show first, the file holds the computed scores', async ({
    app,
  }) => {
    await app.start();
    const source = join(app.disk, '池州2022.jixiao.json');
    await copyFile(STAGE, source);
    app.dialogs.openAnswers.push(source);
    await app.menu('open');
    await expect(app.page).toHaveTitle(/池州2022\.jixiao\.json/);
    const target = join(app.disk, '自评表.xlsx');
    app.dialogs.exportAnswers.push(target);
    await app.page.getByRole('toolbar').getByRole('button', { name: '导出 Excel…' }).click();
    const dialog = app.page.getByRole('dialog', { name: '导出 Excel' });
    const note = dialog.getByRole('note', { name: '导出前请注意：' });
    await expect(note).toHaveCount(0);
    await dialog.getByLabel('绩效自评表（A4 纵向，每个项目一页，得分自动计算）').check();
    await expect(note).toContainText(
      '项目「委托业务项目」没有「满意度指标」，该组分值按不适用处理',
    );
    await app.page.screenshot({ path: '/tmp/export-stage-dialog.png' });
    await dialog.getByRole('button', { name: '导出…' }).click();
    await expect(app.page.getByRole('status').filter({ hasText: '已导出' })).toContainText(
      '已导出「自评表.xlsx」',
    );
    expect(app.dialogs.calls.at(-1)).toEqual({
      kind: 'export',
      detail: '2022年项目支出绩效目标表（绩效自评表）.xlsx|xlsx',
    });
    const workbook = XLSX.read(await readFile(target), { type: 'buffer' });
    expect(workbook.SheetNames).toEqual(['委托业务项目', '村级补助及运转经费']);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(
      workbook.Sheets['村级补助及运转经费'] as XLSX.WorkSheet,
      { header: 1, defval: '' },
    );
    const budget = rows.find((row) => row.includes('年度资金总额')) as unknown[];
    expect(budget.filter((value) => value !== '')).toEqual([
      '年度资金总额',
      2_026_400,
      1_329_120,
      1_329_120,
      '10.00',
      '100.00%',
      '10.00',
    ]);
    const cost = rows.find((row) => row.includes('项目总成本')) as unknown[];
    expect(cost.filter((value) => value !== '')).toEqual([
      '成本指标',
      '项目总成本',
      '≤202.6万元',
      '132.9',
      '10.00',
      '10.00',
    ]);
  });

  test('导出 Word 中期＋年度: the dialog lists the projects without 中期 data before exporting', async ({
    app,
  }) => {
    await app.start();
    const target = join(app.disk, '中期.docx');
    app.dialogs.exportAnswers.push(target);
    await app.page.getByRole('button', { name: '导出 Word…' }).click();
    const dialog = app.page.getByRole('dialog', { name: '导出 Word' });
    await dialog.getByLabel('分项目表：中期＋年度（A4 纵向，每个项目一页）').check();
    const note = dialog.getByRole('note', { name: '导出前请注意：' });
    // The sample's 14 projects all lack them: one line, not fourteen.
    await expect(note.getByRole('listitem')).toHaveText([
      /^「市机电技师学院安保和物业管理服务经费」.*等 14 个项目没有中期资金和中期目标/,
    ]);
    // Which fourteen: the clerk opens the list under the line.
    await note.getByText('查看全部 14 个项目').click();
    const all = note.getByRole('group').getByRole('listitem');
    await expect(all).toHaveCount(14);
    await expect(all.last()).toHaveText(/^「.+」$/);
    await app.page.screenshot({ path: shot('export-warning-projects.png') });
    await dialog.getByLabel('分项目表：年度（A4 纵向，每个项目一页）').check();
    await expect(note).toHaveCount(0);
    await dialog.getByLabel('绩效目标执行监控表（A4 纵向，每个项目一页）').check();
    await expect(note).toContainText('本文档还没有监控数据');
    await dialog.getByLabel('分项目表：中期＋年度（A4 纵向，每个项目一页）').check();
    await dialog.getByRole('button', { name: '导出…' }).click();
    await expect(app.page.getByRole('status').filter({ hasText: '已导出' })).toContainText(
      '中期.docx',
    );
    const xml = strFromU8(
      unzipSync(new Uint8Array(await readFile(target)))['word/document.xml'] as Uint8Array,
    );
    expect(xml).toContain('中期资金总额（文档未填）');
  });
});
