import type { Page } from '@playwright/test';
import { expect, test } from './harness';
import { cell, COLUMNS, enableTestHook, grandTotal, indicatorsOf } from './editor-steps';

const names = (page: Page) => page.locator('tr.project-row th').allTextContents();

test.describe('adding, deleting and reordering', () => {
  test('projects by keyboard: Ctrl+Enter adds, Ctrl+D duplicates, Alt+↓ moves, Ctrl+Delete deletes', async ({
    app,
  }) => {
    await app.start();
    const page = app.page;
    await cell(page, 1, COLUMNS.name).click();
    await page.keyboard.press('Control+Enter');
    await expect(page.locator('tr.project-row')).toHaveCount(15);
    await expect(cell(page, 2, COLUMNS.name)).toHaveAttribute('data-active');
    await page.keyboard.insertText('校园安全监控系统升级项目');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('88');
    await page.keyboard.press('Enter');
    await expect(grandTotal(page)).toHaveText('4,879.93');

    await cell(page, 2, COLUMNS.name).click();
    await page.keyboard.press('Control+D');
    await expect(page.locator('tr.project-row')).toHaveCount(16);
    await expect(cell(page, 3, COLUMNS.name)).toContainText('校园安全监控系统升级项目（副本）');
    await expect(grandTotal(page)).toHaveText('4,967.93');
    await page.keyboard.press('Control+Delete');
    await expect(page.locator('tr.project-row')).toHaveCount(15);
    // The notice names what went, so a Ctrl+Delete pressed by mistake shows.
    await expect(page.getByRole('status')).toContainText(
      '已删除项目「校园安全监控系统升级项目（副本）」，可撤销',
    );

    await cell(page, 2, COLUMNS.name).click();
    await page.keyboard.press('Alt+ArrowDown');
    expect((await names(page)).slice(0, 3).map((name) => name.replace('⠿', ''))).toEqual([
      '市机电技师学院安保和物业管理服务经费',
      '市机电技师学院教学实训设备维修维护工作经费项目',
      '校园安全监控系统升级项目',
    ]);
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('Alt+ArrowUp');
    expect((await names(page))[0]).toContain('校园安全监控系统升级项目');
  });

  test('drag a project to the top; a new unit; move a project to it from the context menu', async ({
    app,
  }) => {
    await app.start();
    const page = app.page;
    const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
    await page
      .locator('tr.project-row')
      .nth(13)
      .locator('.drag-handle')
      .dispatchEvent('dragstart', { dataTransfer });
    await cell(page, 1, COLUMNS.goal).dispatchEvent('dragover', { dataTransfer });
    await cell(page, 1, COLUMNS.goal).dispatchEvent('drop', { dataTransfer });
    expect((await names(page))[0]).toContain('2025年-2026年校园信息化设备运维项目');

    await cell(page, 14, COLUMNS.name).click();
    await page.getByRole('button', { name: '新增单位' }).click();
    await expect(page.locator('tr.unit-row')).toHaveCount(2);
    await page.keyboard.insertText('广州市轻工技师学院');
    await page.keyboard.press('Enter');
    await expect(page.locator('tr.unit-row').nth(1)).toContainText('广州市轻工技师学院');

    await cell(page, 3, COLUMNS.name).click({ button: 'right' });
    await page.getByRole('menuitem', { name: '移到「广州市轻工技师学院」' }).click();
    const second = page.locator('tbody').nth(1);
    await expect(second.locator('tr.project-row')).toHaveCount(1);
    await expect(second.locator('tr.unit-row td.money').first()).toHaveText('160.00');
    await expect(grandTotal(page)).toHaveText('4,791.93');
  });

  test('the project panel: a 满意度 indicator from the suggestions, values, 年度 → 实施周期', async ({
    app,
  }) => {
    await enableTestHook(app.page);
    await app.start();
    const page = app.page;
    await cell(page, 11, COLUMNS.name).click();
    const panel = page.getByRole('complementary', { name: '项目详情' });
    await expect(panel.getByRole('textbox', { name: '项目名称' })).toHaveValue(
      '广州市机电技师学院2024年智慧校园管理系统升级改造项目',
    );
    await panel.getByRole('button', { name: '新增指标' }).click();
    await panel.getByRole('combobox', { name: '第 14 条一级指标' }).selectOption('满意度指标');
    await panel
      .getByRole('combobox', { name: '第 14 条二级指标' })
      .selectOption('服务对象满意度指标');
    // With suggestions the field becomes a combobox: find it by its label.
    const name = panel.getByLabel('第 14 条三级指标');
    await name.click();
    // The suggestions offer the library's IT-operations satisfaction indicator.
    await expect(panel.locator('datalist option[value="师生对信息化服务满意度"]')).toHaveCount(1);
    await name.fill('师生对信息化服务满意度');
    await name.press('Enter');
    // The new indicator is the 14th: read from the document (the grid's cell shows five).
    const added = async () =>
      (await indicatorsOf(page, '智慧校园管理系统升级改造')).indexOf(
        '满意度指标/服务对象满意度指标/师生对信息化服务满意度/≥95%/≥95%',
      );
    const indicator = async (index: number) =>
      (await indicatorsOf(page, '智慧校园管理系统升级改造'))[index];
    await expect
      .poll(() => indicator(13))
      .toBe('满意度指标/服务对象满意度指标/师生对信息化服务满意度/≥90%/≥90%');
    await panel.getByRole('textbox', { name: '第 14 条年度指标值指标值' }).fill('95');
    await panel.getByRole('textbox', { name: '第 14 条年度指标值指标值' }).press('Enter');
    await expect
      .poll(() => indicator(13))
      .toBe('满意度指标/服务对象满意度指标/师生对信息化服务满意度/≥90%/≥95%');
    await panel.getByRole('button', { name: '第 14 条年度 → 实施周期' }).click();
    await expect.poll(added).toBe(13);
    await panel.getByRole('button', { name: '第 14 条上移' }).click();
    await expect.poll(added).toBe(12);

    await panel.getByRole('textbox', { name: '其他资金' }).first().fill('12.5');
    await panel.getByRole('textbox', { name: '其他资金' }).first().press('Tab');
    await expect(cell(page, 11, COLUMNS.total)).toHaveText('15.13');
  });

  test('document properties: 元 converts every amount exactly', async ({ app }) => {
    await app.start();
    const page = app.page;
    // 文档属性… lives under 更多 on the one-line toolbar.
    await page.getByRole('button', { name: '更多' }).click();
    await page.getByRole('menuitem', { name: /文档属性/ }).click();
    const dialog = page.getByRole('dialog', { name: '文档属性' });
    await dialog.getByRole('combobox', { name: '金额单位' }).selectOption('元');
    await dialog.getByRole('textbox', { name: '年度' }).fill('2026');
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect(grandTotal(page)).toHaveText('47,919,300.00');
    await expect(page.getByText('单位：元')).toBeVisible();
    await expect(page.getByText('年度：2026')).toBeVisible();
    await page.keyboard.press('Control+Z');
    await expect(grandTotal(page)).toHaveText('4,791.93');
  });
});
