import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { expect, test } from './harness';

test.describe('export from the app', () => {
  test('导出 Word writes the disclosure table where the clerk chose', async ({ app }) => {
    await app.start();
    const target = join(app.disk, '公开表.docx');
    app.dialogs.exportAnswers.push(target);
    await app.page.getByRole('button', { name: '导出 Word…' }).click();
    const dialog = app.page.getByRole('dialog', { name: '导出 Word' });
    await expect(dialog.getByLabel('公开表（A4 横向，全部项目一张表）')).toBeChecked();
    await dialog.getByRole('button', { name: '导出…' }).click();
    await expect(app.page.getByRole('status').filter({ hasText: '已导出' })).toContainText(
      '已导出「公开表.docx」',
    );
    expect(app.dialogs.calls.at(-1)).toEqual({
      kind: 'export',
      detail: '2025年项目支出绩效目标表（含转移支付项目）（公开表）.docx|docx',
    });
    const xml = strFromU8(
      unzipSync(new Uint8Array(await readFile(target)))['word/document.xml'] as Uint8Array,
    );
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain('2024年智慧校园管理系统升级改造项目');
  });

  test('导出 Excel per-project forms from the menu', async ({ app }) => {
    await app.start();
    const target = join(app.disk, '分项目表.xlsx');
    app.dialogs.exportAnswers.push(target);
    await app.menu('exportExcel');
    const dialog = app.page.getByRole('dialog', { name: '导出 Excel' });
    await dialog.getByLabel('分项目表：年度（A4 纵向，每个项目一页）').check();
    await dialog.getByRole('button', { name: '导出…' }).click();
    await expect(app.page.getByRole('status').filter({ hasText: '已导出' })).toContainText(
      '分项目表.xlsx',
    );
    expect((await stat(target)).size).toBeGreaterThan(10_000);
  });

  test('cancelling the save dialog exports nothing and says nothing alarming', async ({ app }) => {
    await app.start();
    await app.page.getByRole('button', { name: '导出 Word…' }).click();
    await app.page.getByRole('dialog').getByRole('button', { name: '导出…' }).click();
    await expect(app.page.getByRole('dialog')).toHaveCount(0);
    await expect(app.page.getByRole('alert')).toHaveCount(0);
  });

  test('Enter on 查看全部 N 个项目 opens the list and exports nothing', async ({ app }) => {
    await app.start();
    const page = app.page;
    await page.getByRole('button', { name: '导出 Excel…' }).click();
    const dialog = page.getByRole('dialog', { name: '导出 Excel' });
    await dialog.getByLabel('分项目表：中期＋年度（A4 纵向，每个项目一页）').check();
    const list = dialog.locator('details.export-warning-projects');
    await list.locator('summary').click();
    await expect(list).toHaveAttribute('open', '');
    await page.keyboard.press('Enter');
    await expect(list).not.toHaveAttribute('open', '');
    await expect(dialog).toBeVisible();
    expect(app.dialogs.calls).toEqual([]);
  });
});
