import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './harness';
import { shot } from './shots';
import { cell, COLUMNS, grandTotal, typeInCell } from './editor-steps';

interface Doc {
  fiscalYear: number | null;
  moneyUnit: string;
  units: Array<{
    projects: Array<{
      name: string;
      money: { fiscal: number; specialAccount: number; other: number };
      goals: { annual: string };
      indicators: Array<{ level1: string; level2: string; name: string }>;
    }>;
  }>;
}

/** The open document, through the page's read-only test hook (renderer/src/testHook.ts). */
async function documentOf(page: Page): Promise<Doc> {
  return JSON.parse(
    await page.evaluate(() =>
      (window as unknown as { __jixiaoTest: { document(): string } }).__jixiaoTest.document(),
    ),
  ) as Doc;
}

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

for (const size of SIZES) {
  test.describe(`Excel/WPS habits at ${size.width}×${size.height}`, () => {
    test.beforeEach(async ({ app }) => {
      await app.page.setViewportSize(size);
      await app.page.addInitScript(() => {
        (window as unknown as { __jixiaoTestHooks: boolean }).__jixiaoTestHooks = true;
      });
      await app.start();
      await expect(cell(app.page, 1, COLUMNS.name)).toBeVisible();
    });

    test('status bar sums a selected range; undo names the edit; a notice moves nothing', async ({
      app,
    }) => {
      const page = app.page;
      await cell(page, 1, COLUMNS.fiscal).click();
      // One cell: its amount is in the cell, the status line stays as it was (as in Excel).
      await expect(page.getByTestId('status-sum')).toHaveCount(0);
      await page.keyboard.press('Shift+ArrowDown');
      await expect(page.getByTestId('status-sum')).toHaveText(/求和 798\.00 万元\s*计数 2/);

      const gridTop = (await page.locator('.grid-scroll').boundingBox())?.y;
      await typeInCell(page, 2, COLUMNS.fiscal, '170.5');
      await expect(page.locator('[data-action="undo"]')).toHaveAttribute(
        'title',
        '撤销「修改 财政拨款」（Ctrl+Z）',
      );
      await page.keyboard.press('Control+Z');
      await expect(page.getByRole('status').filter({ hasText: '已撤销' })).toHaveText(
        /已撤销：修改 财政拨款/,
      );
      expect((await page.locator('.grid-scroll').boundingBox())?.y).toBe(gridTop);
      await expect(page.locator('[data-action="redo"]')).toHaveAttribute(
        'title',
        '重做「修改 财政拨款」（Ctrl+Y）',
      );
      // Notices go away by themselves.
      await expect(page.locator('.notice')).toHaveCount(0, { timeout: 8000 });
    });

    test('typing across with Tab, Enter goes to the next row under the first cell; Tab wraps at the end', async ({
      app,
    }) => {
      const page = app.page;
      const before = await documentOf(page);
      await cell(page, 2, COLUMNS.fiscal).click();
      // As a clerk fills a row in Excel: type, Tab, type, Tab, type, Enter.
      await page.keyboard.type('1');
      await page.keyboard.press('Tab');
      await page.keyboard.type('2');
      await page.keyboard.press('Tab');
      await page.keyboard.type('3');
      await page.keyboard.press('Enter');
      await expect(cell(page, 3, COLUMNS.fiscal)).toHaveAttribute('data-active');
      const after = await documentOf(page);
      const edited = after.units[0]!.projects[1]!;
      expect(edited.money).toEqual({ fiscal: 100, specialAccount: 200, other: 300 });
      // Nothing else changed.
      after.units[0]!.projects[1] = before.units[0]!.projects[1]!;
      expect(after).toEqual(before);

      // Tab past the last column goes on at the next row's first; Shift+Tab comes back.
      await cell(page, 2, COLUMNS.goal).click();
      await page.keyboard.press('Tab');
      await expect(cell(page, 2, COLUMNS.indicators)).toHaveAttribute('data-active');
      await page.keyboard.press('Tab');
      await expect(cell(page, 3, COLUMNS.name)).toHaveAttribute('data-active');
      await page.keyboard.press('Shift+Tab');
      await expect(cell(page, 2, COLUMNS.indicators)).toHaveAttribute('data-active');
    });

    test('name, Tab, amount: Tab passes the summed 总计, so the amount lands in 财政拨款', async ({
      app,
    }) => {
      const page = app.page;
      await cell(page, 2, COLUMNS.name).click();
      await page.keyboard.type('新名称');
      await page.keyboard.press('Tab');
      await expect(cell(page, 2, COLUMNS.fiscal)).toHaveAttribute('data-active');
      await page.keyboard.type('88');
      await page.keyboard.press('Enter');
      const edited = (await documentOf(page)).units[0]!.projects[1]!;
      expect(edited.name).toBe('新名称');
      expect(edited.money.fiscal).toBe(8800);
      // Enter went back under the name, where the run of Tabs began.
      await expect(cell(page, 3, COLUMNS.name)).toHaveAttribute('data-active');
      // Shift+Tab passes it too; arrows still stop there.
      await cell(page, 2, COLUMNS.fiscal).click();
      await page.keyboard.press('Shift+Tab');
      await expect(cell(page, 2, COLUMNS.name)).toHaveAttribute('data-active');
      await page.keyboard.press('ArrowRight');
      await expect(cell(page, 2, COLUMNS.total)).toHaveAttribute('data-active');
    });

    test('a negative amount is refused next to its cell and changes nothing', async ({ app }) => {
      const page = app.page;
      await typeInCell(page, 2, COLUMNS.fiscal, '-5');
      const error = page.locator('.cell-error');
      await expect(error).toContainText('负数');
      const cellBox = await cell(page, 2, COLUMNS.fiscal).boundingBox();
      const errorBox = await error.boundingBox();
      expect(Math.abs((errorBox?.x ?? 0) - (cellBox?.x ?? 0))).toBeLessThan(4);
      expect((await documentOf(page)).units[0]?.projects[1]?.money.fiscal).toBe(16000);
      await page.keyboard.press('Escape');
      await expect(error).toHaveCount(0);
      await expect(grandTotal(page)).toHaveText('4,791.93');
      await page.screenshot({ path: shot(`habits-${size.width}.png`) });
    });

    test('find marks only the matched characters', async ({ app }) => {
      const page = app.page;
      await cell(page, 1, COLUMNS.name).click();
      await page.keyboard.press('Control+F');
      await page.getByRole('textbox', { name: '查找' }).fill('安保');
      const marks = page.locator('table.disclosure mark.find-mark');
      await expect(marks.first()).toHaveText('安保');
      expect(
        await marks.evaluateAll((all) => all.every((mark) => mark.textContent === '安保')),
      ).toBe(true);
      await page.screenshot({ path: shot(`find-${size.width}.png`) });
      await page.keyboard.press('Escape');
      await expect(marks).toHaveCount(0);
    });

    test('万元 → 元 asks first and shows the new 合计', async ({ app }) => {
      const page = app.page;
      await cell(page, 1, COLUMNS.name).click();
      await page.keyboard.press('Alt+Enter');
      const dialog = page.getByRole('dialog', { name: '文档属性' });
      await dialog.getByLabel('金额单位').selectOption('元');
      await expect(dialog.getByTestId('convert-note')).toContainText('47,919,300.00 元');
      await page.screenshot({ path: shot(`convert-${size.width}.png`) });
      await dialog.getByRole('button', { name: '换算并确定' }).click();
      const doc = await documentOf(page);
      expect(doc.moneyUnit).toBe('元');
      expect(doc.units[0]?.projects[0]?.money.fiscal).toBe(638_000_000);
      await expect(grandTotal(page)).toHaveText('47,919,300.00');
    });

    test('an 一级 with one 二级 fills it; a new indicator shows a greyed hint in the grid', async ({
      app,
    }) => {
      const page = app.page;
      await cell(page, 2, COLUMNS.name).click();
      await page.keyboard.press('Control+Shift+Enter');
      await expect(cell(page, 2, COLUMNS.indicators).locator('li.placeholder')).toHaveText(
        '（新指标，请在项目详情中填写）',
      );
      await expect(cell(page, 2, COLUMNS.indicators)).not.toContainText('；；');
      const panel = page.locator('.project-panel');
      await expect(panel.locator('input.indicator-name').last()).toBeFocused();
      const added = panel.locator('tbody.indicator').last();
      await added.getByRole('combobox', { name: /一级指标/ }).selectOption('满意度指标');
      await expect(added.getByRole('combobox', { name: /二级指标/ })).toHaveValue(
        '服务对象满意度指标',
      );
      const indicator = (await documentOf(page)).units[0]?.projects[1]?.indicators.at(-1);
      expect(indicator?.level1).toBe('满意度指标');
      expect(indicator?.level2).toBe('服务对象满意度指标');
    });

    test('save suggests a name with the year and never doubles the extension', async ({ app }) => {
      const page = app.page;
      await typeInCell(page, 2, COLUMNS.fiscal, '170.5');
      app.dialogs.saveAnswers.push(join(app.disk, '新文档.jixiao.jixiao.json'));
      await page.keyboard.press('Control+S');
      await expect(page.getByTestId('file-name')).toHaveText('新文档.jixiao.json');
      expect(app.dialogs.calls.find((call) => call.kind === 'save')?.detail).toMatch(
        /^2025年.+\.jixiao\.json$/,
      );
    });

    test('after an export, 打开文件 and 打开所在文件夹 go through the host shell', async ({
      app,
    }) => {
      const page = app.page;
      const target = join(app.disk, '公开表.docx');
      app.dialogs.exportAnswers.push(target);
      await page.getByRole('button', { name: '导出 Word…' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await page.keyboard.press('Enter');
      const notice = page.locator('.notice');
      await expect(notice).toContainText('已导出「公开表.docx」');
      await notice.getByRole('button', { name: '打开文件' }).click();
      await notice.getByRole('button', { name: '打开所在文件夹' }).click();
      await expect
        .poll(() => app.shell.calls)
        .toEqual([
          { how: 'open', path: target },
          { how: 'folder', path: target },
        ]);
    });

    test('文件 → 新建下一年度…: a new year, years marked in the grid, the name carries the year', async ({
      app,
    }) => {
      const page = app.page;
      await page.getByRole('button', { name: '更多' }).click();
      await page.getByRole('menuitem', { name: /新建下一年度/ }).click();
      const dialog = page.getByRole('dialog', { name: '新建下一年度' });
      await expect(dialog.getByLabel('新年度')).toHaveValue('2026');
      await expect(dialog.getByLabel('新年度')).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(dialog).toHaveCount(0);
      const doc = await documentOf(page);
      expect(doc.fiscalYear).toBe(2026);
      expect(doc.units[0]?.projects.length).toBe(14);
      expect(doc.units[0]?.projects[0]?.money.fiscal).toBe(0);
      await expect(page.getByTestId('file-name')).toContainText('2026年');
      const years = page.locator('table.disclosure mark.year-mark');
      await expect(years.first()).toHaveText(/^20\d\d$/);
      // The review list sits in the side column, not floating over the grid.
      const review = page.locator('.side-column .roll-review');
      await expect(review).toBeVisible();
      expect(await review.evaluate((element) => getComputedStyle(element).position)).toBe('static');
      await page.screenshot({ path: shot(`roll-forward-${size.width}.png`) });
      app.dialogs.saveAnswers.push(null);
      await page.keyboard.press('Control+S');
      await expect
        .poll(() => app.dialogs.calls.find((call) => call.kind === 'save')?.detail)
        .toMatch(/^2026年/);
    });
  });
}
