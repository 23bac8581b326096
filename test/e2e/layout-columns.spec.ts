import type { Page } from '@playwright/test';
import { expect, test } from './harness';
import { cell, COLUMNS, grandTotal, typeInCell } from './editor-steps';

/** Column widths of the grid's header, and whether the grid or the panel scroll sideways. */
async function measure(page: Page) {
  return page.evaluate(() => {
    const overflows = (element: Element | null) =>
      !element || element.scrollWidth > element.clientWidth + 1;
    const heads = document.querySelectorAll('table.disclosure thead tr:first-child th');
    return {
      columns: [...heads].map((th) => Math.round(th.getBoundingClientRect().width)),
      gridScrolls: overflows(document.querySelector('.grid-scroll')),
      panelScrolls: overflows(document.querySelector('.project-panel')),
    };
  });
}

for (const { width, height, indicators } of [
  { width: 1366, height: 768, indicators: 280 },
  { width: 1920, height: 1080, indicators: 520 },
]) {
  test(`with the project panel open at ${width}×${height}, 绩效指标 and 绩效目标 have the room`, async ({
    app,
  }) => {
    await app.page.setViewportSize({ width, height });
    await app.start();
    const page = app.page;
    await cell(page, 3, COLUMNS.name).click();
    const panel = page.getByRole('complementary', { name: '项目详情' });
    await expect(panel.getByRole('textbox', { name: '项目名称' })).toHaveValue(
      '市机电技师学院技能竞赛设备设施购置项目',
    );
    const { columns, gridScrolls, panelScrolls } = await measure(page);
    await page.screenshot({ path: `/tmp/columns-${width}.png` });
    expect(gridScrolls).toBe(false);
    expect(panelScrolls).toBe(false);
    const [name, ...rest] = columns;
    const goal = rest[4] ?? 0;
    const indicatorColumn = rest[5] ?? 0;
    expect(indicatorColumn).toBeGreaterThanOrEqual(indicators);
    // The two long-text columns get what is left, the indicators more than the goal.
    expect(indicatorColumn).toBeGreaterThan(goal);
    expect(goal).toBeGreaterThan(name ?? 0);
  });
}

// A city's table: totals of millions of 万元 ran out of their narrow columns into the next one.
test('a total of millions of 万元 stays inside its column at 1366×768', async ({ app }) => {
  await app.page.setViewportSize({ width: 1366, height: 768 });
  await app.start();
  const page = app.page;
  await typeInCell(page, 1, COLUMNS.fiscal, '98765432.1');
  await expect(grandTotal(page)).toContainText('98,7');
  const overflowing = await page.evaluate(() =>
    [...document.querySelectorAll('tr.total-row td.money')]
      .filter((td) => td.scrollWidth > td.clientWidth + 1)
      .map((td) => td.textContent),
  );
  expect(overflowing).toEqual([]);
});
