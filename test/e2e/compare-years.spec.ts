import type { Locator, Page } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import * as XLSX from 'xlsx';
import { join } from 'node:path';
import { SAMPLE_FILE } from '../../electron/host/sample';
import { activeRowId, cell, cellEditor, COLUMNS, typeInCell } from './editor-steps';
import { expect, ROOT, test } from './harness';
import { shot } from './shots';

interface Hook {
  document(): string | null;
}

async function documentOf(page: Page) {
  const text = await page.evaluate(() =>
    (window as unknown as { __jixiaoTest: Hook }).__jixiaoTest.document(),
  );
  return JSON.parse(text ?? 'null') as {
    fiscalYear: number;
    previousYear?: { year: number };
    units: Array<{ projects: Array<{ id: string; name: string; money: { fiscal: number } }> }>;
  };
}

/** 更多 ▾ → 与上年对比…, with the keyboard only. */
async function openCompareWithKeyboard(page: Page): Promise<void> {
  await page.getByRole('button', { name: '更多' }).focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  const item = menu.getByRole('menuitem', { name: /与上年对比/ });
  const items = await menu.getByRole('menuitem').allTextContents();
  const index = items.findIndex((text) => text.includes('与上年对比'));
  for (let step = 0; step < index; step++) await page.keyboard.press('ArrowDown');
  await expect(item).toBeFocused();
  await page.keyboard.press('Enter');
}

/** Whether every item of the menu is what the mouse would hit (nothing drawn over it). */
async function menuOnTop(menu: Locator): Promise<string[]> {
  return menu.evaluate((element) =>
    [...element.querySelectorAll('[role="menuitem"]')].flatMap((item) => {
      const box = item.getBoundingClientRect();
      const points = [
        [box.left + 4, box.top + 4],
        [box.left + box.width / 2, box.top + box.height / 2],
        [box.right - 4, box.bottom - 4],
      ];
      return points.flatMap(([x = 0, y = 0]) => {
        const hit = document.elementFromPoint(x, y);
        return hit && item.contains(hit)
          ? []
          : [`${item.textContent ?? ''} 被 ${hit?.className || hit?.tagName || '空白'} 盖住`];
      });
    }),
  );
}

test.describe('与上年对比 at 1366×768', () => {
  test.beforeEach(async ({ app }) => {
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await app.page.addInitScript(() => {
      (window as unknown as { __jixiaoTestHooks: boolean }).__jixiaoTestHooks = true;
    });
    await app.start();
  });

  test('a rolled-forward document shows its changes at once; a change selects its project', async ({
    app,
  }) => {
    const page = app.page;
    // 新建下一年度… with the amounts kept, then two edits a clerk makes for the new year.
    await app.menu('rollForward');
    const roll = page.getByRole('dialog', { name: '新建下一年度' });
    await roll.getByLabel('保留金额').check();
    await roll.getByRole('button', { name: '生成新年度表格' }).click();
    await expect(roll).toHaveCount(0);
    const rolled = await documentOf(page);
    expect(rolled.previousYear?.year).toBe(2025);
    await typeInCell(page, 2, COLUMNS.fiscal, '200');
    await typeInCell(page, 5, COLUMNS.fiscal, '0');
    const edited = await documentOf(page);
    expect(edited.units[0]?.projects[1]?.money.fiscal).toBe(20000);

    await cell(page, 1, COLUMNS.name).click();
    await openCompareWithKeyboard(page);
    const view = page.getByRole('dialog', { name: '与上年对比' });
    await expect(view).toBeVisible();
    await expect(view.getByTestId('compare-source')).toContainText(
      '新建下一年度时保存的 2025 年度数据',
    );
    const changes = view.locator('button.compare-change');
    await expect(changes).toHaveCount(2);
    await expect(changes.first()).toContainText('160.00 → 200.00（+40.00，+25.00%）');
    await expect(changes.nth(1)).toContainText('-100.00%');
    // The first change has the keyboard; Tab walks the list, Esc closes and the grid has it back.
    await expect(changes.first()).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(changes.nth(1)).toBeFocused();
    await page.screenshot({ path: shot('compare-view-1366.png') });
    await page.keyboard.press('Escape');
    await expect(view).toHaveCount(0);
    await expect(cellEditor(page)).toBeFocused();
    expect(await activeRowId(page)).toBe(edited.units[0]?.projects[0]?.id);

    // Again, and a click on the second change selects that project (the fifth) in the grid.
    await openCompareWithKeyboard(page);
    await changes.nth(1).click();
    await expect(view).toHaveCount(0);
    expect(await activeRowId(page)).toBe(edited.units[0]?.projects[4]?.id);
    await expect(cellEditor(page)).toBeFocused();
    // Looking changed nothing.
    expect(await documentOf(page)).toEqual(edited);
  });

  test('after 新建下一年度 the menus draw over the 年份核对 box; 与上年对比… opens by mouse', async ({
    app,
  }) => {
    const page = app.page;
    await app.menu('rollForward');
    const roll = page.getByRole('dialog', { name: '新建下一年度' });
    await roll.getByRole('button', { name: '生成新年度表格' }).click();
    await expect(roll).toHaveCount(0);
    const review = page.locator('aside.roll-review');
    await expect(review).toBeVisible();

    // 更多 ▾ drops down over the box at the right (the box was drawn over the menu, and the
    // click on 与上年对比… landed on the box).
    await page.getByRole('button', { name: '更多' }).click();
    const menu = page.getByRole('menu');
    await expect(menu).toBeVisible();
    const [menuBox, reviewBox] = [await menu.boundingBox(), await review.boundingBox()];
    if (!menuBox || !reviewBox) throw new Error('no layout');
    expect(menuBox.y + menuBox.height, '菜单与年份核对框重叠').toBeGreaterThan(reviewBox.y);
    expect(menuBox.x + menuBox.width).toBeGreaterThan(reviewBox.x);
    expect(await menuOnTop(menu)).toEqual([]);
    await page.screenshot({ path: shot('roll-review-more-menu-1366.png') });
    await menu.getByRole('menuitem', { name: /对比/ }).click();
    const view = page.getByRole('dialog', { name: '与上年对比' });
    await expect(view).toBeVisible();
    await expect(view.getByTestId('compare-source')).toContainText('2025 年度数据');
    await page.keyboard.press('Escape');
    await expect(view).toHaveCount(0);

    // The right-click menu, opened by the side column, is drawn over the box as well.
    const target = cell(page, 1, COLUMNS.indicators);
    const box = await target.boundingBox();
    if (!box) throw new Error('no cell');
    await target.click({ button: 'right', position: { x: box.width - 8, y: 12 } });
    const context = page.getByRole('menu');
    await expect(context).toBeVisible();
    const contextBox = await context.boundingBox();
    if (!contextBox) throw new Error('no menu');
    expect(contextBox.x + contextBox.width).toBeGreaterThan(reviewBox.x);
    expect(contextBox.y, '菜单与年份核对框重叠').toBeLessThan(reviewBox.y + reviewBox.height);
    expect(await menuOnTop(context)).toEqual([]);
    await page.screenshot({ path: shot('roll-review-context-menu-1366.png') });
    await page.keyboard.press('Escape');
    await expect(context).toHaveCount(0);
    await expect(review).toBeVisible();
  });

  test('a document without last year asks for last year’s file and compares with it', async ({
    app,
  }) => {
    const page = app.page;
    const sample = JSON.parse(await readFile(join(ROOT, SAMPLE_FILE), 'utf8'));
    const [unit] = sample.units;
    const lastYear = {
      ...sample,
      fiscalYear: 2024,
      units: [
        {
          ...unit,
          projects: unit.projects
            .slice(0, 13)
            .map((project: { money: { fiscal: number } }, index: number) =>
              index === 0 ? { ...project, money: { ...project.money, fiscal: 60000 } } : project,
            ),
        },
      ],
    };
    const path = join(app.disk, '2024年绩效目标表.jixiao.json');
    await writeFile(path, JSON.stringify(lastYear));
    await openCompareWithKeyboard(page);
    const view = page.getByRole('dialog', { name: '与上年对比' });
    await expect(view.getByTestId('compare-source')).toContainText('没有保存上年数据');
    app.dialogs.openAnswers.push(path);
    await expect(view.getByRole('button', { name: '选择上年文件…' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(view.getByTestId('compare-source')).toContainText('2024年绩效目标表');
    const changes = view.locator('.compare-change');
    await expect(changes).toHaveCount(2);
    await expect(changes.first()).toContainText('600.00 → 638.00（+38.00，+6.33%）');
    await expect(changes.nth(1)).toContainText('新增项目');
    // 导出变动说明 Excel… compares with the picked file, not with anything kept in the document.
    const output = join(app.disk, '变动说明.xlsx');
    app.dialogs.exportAnswers.push(output);
    await view.getByRole('button', { name: '导出变动说明 Excel…' }).click();
    await expect(page.getByRole('status')).toContainText('已导出「变动说明.xlsx」');
    expect(app.dialogs.calls.at(-1)?.detail).toMatch(/（变动说明）\.xlsx\|xlsx$/);
    const book = XLSX.read(await readFile(output), { type: 'array' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]!]!, {
      header: 1,
      defval: '',
    });
    expect(rows.filter((row) => row[2] === '金额变动' || row[2] === '新增项目')).toEqual([
      [unit.name, unit.projects[0].name, '金额变动', '财政拨款', 600, 638, 38, '+6.33%', ''],
      [unit.name, unit.projects[13].name, '新增项目', '总计', '', 69.25, '', '', ''],
    ]);
    expect((await documentOf(page)).previousYear).toBeUndefined();
    await openCompareWithKeyboard(page);
    await view.getByRole('button', { name: '选择上年文件…' }).focus();
    app.dialogs.openAnswers.push(path);
    await page.keyboard.press('Enter');
    await changes.nth(1).click();
    const document = await documentOf(page);
    expect(await activeRowId(page)).toBe(document.units[0]?.projects[13]?.id);
  });
});
