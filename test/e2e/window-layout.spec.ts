import type { Page } from '@playwright/test';
import { expect, test } from './harness';
import { shot } from './shots';
import { cell, COLUMNS } from './editor-steps';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

/** Boxes of the elements matching `selector`, in page coordinates. */
function boxes(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const rect = element.getBoundingClientRect();
      return {
        top: rect.top,
        bottom: rect.bottom,
        left: rect.left,
        right: rect.right,
        text: element.textContent ?? '',
      };
    }),
  );
}

for (const size of SIZES) {
  test.describe(`the window at ${size.width}×${size.height}`, () => {
    test.beforeEach(async ({ app }) => {
      await app.page.setViewportSize(size);
      await app.start();
      await expect(cell(app.page, 1, COLUMNS.name)).toBeVisible();
    });

    test('one toolbar line with text labels; at least three projects visible', async ({ app }) => {
      const page = app.page;
      const buttons = await boxes(page, '.toolbar > button, .toolbar .menu-button > button');
      expect(buttons.length).toBeGreaterThan(10);
      const tops = new Set(buttons.map((box) => Math.round(box.top)));
      expect(tops.size, '工具栏按钮在同一行').toBe(1);
      for (const button of buttons) {
        // A label, not a bare symbol such as ⇤ ⊠ ×.
        expect(button.text).toMatch(/[\u4e00-\u9fa5A-Za-z]/);
        expect(button.right).toBeLessThanOrEqual(size.width);
      }
      const grid = (await boxes(page, '.grid-scroll'))[0];
      const rows = await boxes(page, 'table.disclosure tr.project-row');
      const whole = rows.filter(
        (row) => row.top >= (grid?.top ?? 0) && row.bottom <= (grid?.bottom ?? 0),
      );
      expect(whole.length, '不滚动即可看到的完整项目行').toBeGreaterThanOrEqual(3);
      // The panel's buttons carry words too.
      const panelButtons = await boxes(page, '.project-panel button');
      for (const button of panelButtons) expect(button.text).toMatch(/[\u4e00-\u9fa5A-Za-z]/);
      await page.screenshot({ path: shot(`layout-${size.width}.png`) });
    });

    test('检查 and 项目详情 both open: 绩效目标 and 绩效指标 stay in view; drop-downs show their text', async ({
      app,
    }) => {
      const page = app.page;
      await cell(page, 3, COLUMNS.fiscal).click();
      await page.getByRole('button', { name: '检查', exact: true }).click();
      await expect(page.locator('.findings-panel')).toBeVisible();
      const grid = (await boxes(page, '.grid-scroll'))[0];
      const headers = await boxes(page, 'table.disclosure thead tr:first-child th');
      for (const label of ['绩效目标', '绩效指标']) {
        const header = headers.find((box) => box.text === label);
        expect(header, label).toBeDefined();
        expect(header?.left).toBeGreaterThanOrEqual((grid?.left ?? 0) - 1);
        expect(header?.right).toBeLessThanOrEqual((grid?.right ?? 0) + 1);
      }
      // Each drop-down is wide enough for its chosen text (measured in its own font) and arrow.
      const clipped = await page.locator('.project-panel select').evaluateAll((selects) => {
        const context = document.createElement('canvas').getContext('2d');
        if (!context) return ['no canvas'];
        return selects
          .filter((select) => {
            const element = select as HTMLSelectElement;
            const text = element.selectedOptions[0]?.textContent ?? '';
            context.font = getComputedStyle(element).font;
            return element.clientWidth < context.measureText(text).width + 22;
          })
          .map((select) => select.getAttribute('aria-label'));
      });
      expect(clipped).toEqual([]);
      await page.screenshot({ path: shot(`layout-both-panels-${size.width}.png`) });
    });

    test('the panel edge drags at any scroll of the panel; 新建下一年度 then leaves the grid its width', async ({
      app,
    }) => {
      const page = app.page;
      const panel = page.locator('.project-panel');
      await cell(page, 2, COLUMNS.name).click();
      // The clerk has scrolled down to the indicators: the edge is still there to drag.
      await expect(panel.locator('.indicator-table')).toBeVisible();
      await panel.hover();
      await page.mouse.wheel(0, 1500);
      await expect.poll(() => panel.evaluate((element) => element.scrollTop)).toBeGreaterThan(300);
      const before = (await panel.boundingBox())?.width ?? 0;
      const edge = page.getByRole('separator', { name: /项目详情的宽度/ });
      const box = await edge.boundingBox();
      if (!box) throw new Error('no panel edge');
      expect(box.height).toBeGreaterThan(300);
      await page.mouse.move(box.x + 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x - 40, box.y + box.height / 2, { steps: 4 });
      await page.mouse.up();
      const after = (await panel.boundingBox())?.width ?? 0;
      expect(after).toBeGreaterThan(before + 30);
      expect(await page.evaluate(() => getSelection()?.toString() ?? '')).toBe('');

      // With the width dragged, 新建下一年度: the years to check sit in the side column, wrapped
      // to its width, and the grid keeps its room (it was left 2 px wide).
      await app.menu('rollForward');
      const roll = page.getByRole('dialog', { name: '新建下一年度' });
      await roll.getByRole('button', { name: '生成新年度表格' }).click();
      await expect(roll).toHaveCount(0);
      const review = page.locator('.roll-review');
      await expect(review).toBeVisible();
      const grid = await page.locator('.grid-scroll').boundingBox();
      const column = await page.locator('.side-column').boundingBox();
      const reviewBox = await review.boundingBox();
      if (!grid || !column || !reviewBox) throw new Error('no layout');
      expect(grid.width).toBeGreaterThan(size.width - after - 80);
      expect(column.x + column.width).toBeLessThanOrEqual(size.width);
      expect(reviewBox.x + reviewBox.width).toBeLessThanOrEqual(size.width);
      await expect(review.getByRole('button', { name: '收起' })).toBeInViewport({ ratio: 1 });
      await page.screenshot({ path: shot(`layout-roll-review-${size.width}.png`) });
    });

    test('the panel is resized by dragging its edge and keeps the width after a restart', async ({
      app,
    }) => {
      const page = app.page;
      const panel = page.locator('.project-panel');
      const before = (await panel.boundingBox())?.width ?? 0;
      const edge = page.getByRole('separator', { name: /项目详情的宽度/ });
      const box = await edge.boundingBox();
      if (!box) throw new Error('no panel edge');
      await page.mouse.move(box.x + 2, box.y + 200);
      await page.mouse.down();
      await page.mouse.move(box.x - 60, box.y + 200, { steps: 4 });
      await page.mouse.move(box.x - 120, box.y + 200, { steps: 4 });
      await page.mouse.up();
      const after = (await panel.boundingBox())?.width ?? 0;
      expect(after).toBeGreaterThan(before + 100);
      // Remembered by the host's settings: a new start opens at the same width.
      await page.waitForTimeout(400);
      await app.restart();
      await expect(cell(page, 1, COLUMNS.name)).toBeVisible();
      await expect.poll(async () => (await panel.boundingBox())?.width ?? 0).toBeCloseTo(after, -1);
    });

    test('a unit box shows 人次 whole; the export dialog keeps its width; 保留金额 sits by its box', async ({
      app,
    }) => {
      const page = app.page;
      await cell(page, 3, COLUMNS.name).click();
      const unit = page
        .locator('.project-panel')
        .getByLabel('第 2 条年度指标值单位', { exact: true });
      await expect(unit).toHaveValue('人次');
      const clipped = await unit.evaluate(
        (element) => element.scrollWidth > (element as HTMLInputElement).clientWidth,
      );
      expect(clipped, '单位框显示完整的「人次」').toBe(false);

      // The longest choices, a warning and the font note: wrapped in a dialog of reading width.
      await page.getByRole('button', { name: '导出 Excel…' }).click();
      const exportDialog = page.getByRole('dialog', { name: '导出 Excel' });
      await exportDialog.getByRole('radio', { name: /绩效目标执行监控表/ }).check();
      await expect(exportDialog.getByRole('note', { name: '导出前请注意：' })).toBeVisible();
      expect((await exportDialog.boundingBox())?.width).toBeLessThanOrEqual(700);
      await page.screenshot({ path: shot(`layout-export-${size.width}.png`) });
      await exportDialog.getByRole('button', { name: '取消' }).click();

      await app.menu('rollForward');
      const roll = page.getByRole('dialog', { name: '新建下一年度' });
      // One line: the box beside its words, not above them.
      const line = await roll.getByRole('checkbox', { name: '保留金额' }).evaluate((box) => {
        const words = document.createRange();
        words.selectNodeContents(box.parentElement as HTMLElement);
        words.setStartAfter(box);
        const [check, text] = [box.getBoundingClientRect(), words.getBoundingClientRect()];
        return {
          overlap: Math.min(check.bottom, text.bottom) - Math.max(check.top, text.top),
          gap: text.left - check.right,
        };
      });
      expect(line.overlap, '复选框与文字同一行').toBeGreaterThan(0);
      expect(line.gap).toBeGreaterThanOrEqual(0);
      expect(line.gap).toBeLessThan(16);
    });
  });
}

test('a 1024×700 window: every toolbar button in sight, no sideways scrolling of the page', async ({
  app,
}) => {
  const page = app.page;
  await page.setViewportSize({ width: 1024, height: 700 });
  await app.start();
  await expect(cell(page, 1, COLUMNS.name)).toBeVisible();
  await expect(page.getByRole('button', { name: '更多 ▾' })).toBeInViewport({ ratio: 1 });
  const buttons = await boxes(page, '.toolbar > button, .toolbar .menu-button > button');
  for (const button of buttons) expect(button.right, button.text).toBeLessThanOrEqual(1024);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
  const rows = await boxes(page, 'table.disclosure tr.project-row');
  expect(rows.filter((row) => row.bottom <= 700).length).toBeGreaterThanOrEqual(2);
  await page.screenshot({ path: shot('layout-1024.png') });
});
