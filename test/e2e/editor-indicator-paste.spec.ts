import type { Page } from '@playwright/test';
import { expect, test } from './harness';
import { cell, COLUMNS, enableTestHook, indicatorsOf, pasteInto } from './editor-steps';

/**
 * Three indicator rows copied in WPS 表格 (一级, 二级, 三级, 实施周期, 年度): the 一级 cell is merged
 * over the first two rows, so the second row's first cell comes empty, as spreadsheets paste it.
 */
const WPS_HTML = `<html><head><meta charset="utf-8"></head><body>
<!--StartFragment--><table width="640" border="0" cellpadding="0" cellspacing="0">
<tr height="20"><td rowspan="2" class="et2">产出指标</td><td class="et2">数量指标</td>
<td class="et3">培训教师人次</td><td class="et2">≥200人次</td><td class="et2">≥200人次</td></tr>
<tr height="20"><td class="et2">质量指标</td><td class="et3">培训考核合格率</td>
<td class="et2">≥95%</td><td class="et2">≥95%</td></tr>
<tr height="20"><td class="et2">满意度指标</td><td class="et2">服务对象满意度指标</td>
<td class="et3">参训教师满意度</td><td class="et2">≥90%</td><td class="et2">≥90%</td></tr>
</table><!--EndFragment--></body></html>`;

/** The same kind of block as plain text from Excel: tab-separated, CRLF, a quoted name. */
const EXCEL_TSV =
  '产出指标\t时效指标\t"培训按期完成率\r\n（按学期统计）"\t100%\t100%\r\n' +
  '效益指标\t社会效益指标\t教师教学能力提升\t明显提升\t明显提升\r\n';

/** 广州市机电技师学院2024年智慧校园管理系统升级改造项目 (row 11). */
const indicatorsOfRow11 = (page: Page) => indicatorsOf(page, '智慧校园管理系统升级改造');

async function openNewIndicator(page: Page) {
  // 广州市机电技师学院2024年智慧校园管理系统升级改造项目: 13 indicators.
  await cell(page, 11, COLUMNS.name).click();
  const panel = page.getByRole('complementary', { name: '项目详情' });
  await expect(panel.getByRole('heading', { name: '绩效指标（13）' })).toBeVisible();
  await panel.getByRole('button', { name: '新增指标' }).click();
  await expect(panel.getByRole('heading', { name: '绩效指标（14）' })).toBeVisible();
  return panel;
}

test.describe('pasting indicators into the project panel', () => {
  test('an HTML table from WPS fills the new indicator and adds the rest, one undo step', async ({
    app,
  }) => {
    await enableTestHook(app.page);
    await app.start();
    const page = app.page;
    const panel = await openNewIndicator(page);
    const name = panel.getByLabel('第 14 条三级指标');
    await name.click();
    await pasteInto(name, { html: WPS_HTML, text: 'ignored when HTML has a table' });
    await expect(panel.getByRole('heading', { name: '绩效指标（16）' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('已粘贴');
    // The rows beyond the grid cell's first five are read from the document.
    await expect
      .poll(async () => (await indicatorsOfRow11(page)).slice(13))
      .toEqual([
        '产出指标/数量指标/培训教师人次/≥200人次/≥200人次',
        // The merged 一级 cell came empty: the category of the row above is kept.
        '产出指标/质量指标/培训考核合格率/≥95%/≥95%',
        '满意度指标/服务对象满意度指标/参训教师满意度/≥90%/≥90%',
      ]);
    await expect(panel.getByRole('combobox', { name: '第 16 条一级指标' })).toHaveValue(
      '满意度指标',
    );

    // Ctrl+Z outside a text field undoes the whole paste at once; the added empty row stays.
    await cell(page, 11, COLUMNS.goal).click();
    await page.keyboard.press('Control+Z');
    await expect(panel.getByRole('heading', { name: '绩效指标（14）' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('已撤销');
    await expect.poll(async () => (await indicatorsOfRow11(page)).length).toBe(14);
    expect((await indicatorsOfRow11(page)).join('\n')).not.toContain('培训教师人次');
  });

  test('TSV from Excel with a quoted two-line name, pasted on an existing indicator', async ({
    app,
  }) => {
    await enableTestHook(app.page);
    await app.start();
    const page = app.page;
    const panel = await openNewIndicator(page);
    const name = panel.getByLabel('第 14 条三级指标');
    await name.click();
    await pasteInto(name, { text: EXCEL_TSV });
    await expect(panel.getByRole('heading', { name: '绩效指标（15）' })).toBeVisible();
    await expect
      .poll(async () => (await indicatorsOfRow11(page)).slice(13))
      .toEqual([
        '产出指标/时效指标/培训按期完成率\n（按学期统计）/100%/100%',
        '效益指标/社会效益指标/教师教学能力提升/明显提升/明显提升',
      ]);
    await page.getByRole('button', { name: '撤销' }).click();
    await expect(panel.getByRole('heading', { name: '绩效指标（14）' })).toBeVisible();
    await page.getByRole('button', { name: '重做' }).click();
    await expect(panel.getByRole('heading', { name: '绩效指标（15）' })).toBeVisible();
  });
});
