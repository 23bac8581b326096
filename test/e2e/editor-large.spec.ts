import type { Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JixiaoDocument } from '../../shared/model';
import { generateDocument } from '../bench/generate';
import { activeRowId, cell, COLUMNS, enableTestHook } from './editor-steps';
import { expect, test } from './harness';
import { readDocument } from './monkey';

/**
 * A department of 1,200 projects: above 150 rows the grid renders a window of rows that moves a
 * block at a time (rowWindow.ts, useRowVirtualizer.ts); every other e2e test opens documents
 * small enough to be rendered whole. Keys as a clerk presses them; the document is checked.
 */
test.use({ viewport: { width: 1366, height: 768 } });

/** The grid's rows as the document orders them: each unit's row, then its projects. */
function gridRows(document: JixiaoDocument): Array<{ id: string; name: string }> {
  return document.units.flatMap((unit) => [
    { id: unit.id, name: unit.name },
    ...unit.projects.map((project) => ({ id: project.id, name: project.name })),
  ]);
}

/** Every rendered row's name cell shows the row the document has at its index. */
async function renderedRowsMatch(page: Page, rows: Array<{ name: string }>): Promise<number> {
  const shown = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.grid-scroll [data-col="0"][data-row]')].map(
      (element) => ({ row: Number(element.dataset.row), text: element.textContent ?? '' }),
    ),
  );
  for (const { row, text } of shown) expect(text).toContain(rows[row]?.name);
  // Rendered rows are one block without gaps.
  const indexes = shown.map(({ row }) => row);
  expect(indexes).toEqual(indexes.map((_, offset) => (indexes[0] as number) + offset));
  return shown.length;
}

async function activeCellOnScreen(page: Page): Promise<void> {
  const grid = await page.locator('.grid-scroll').boundingBox();
  const active = await page.locator('.grid-scroll [data-active]').boundingBox();
  expect(grid && active).toBeTruthy();
  expect(active!.y).toBeGreaterThanOrEqual(grid!.y);
  expect(active!.y).toBeLessThan(grid!.y + grid!.height);
}

test('1,200 projects: arrows, Ctrl+End and back, an amount typed far down', async ({ app }) => {
  test.setTimeout(120_000);
  const page = app.page;
  await enableTestHook(page);
  const generated = generateDocument(1200, 6, 7);
  const path = join(app.disk, '部门绩效目标表.jixiao.json');
  await writeFile(path, JSON.stringify(generated));
  await app.start();
  app.dialogs.openAnswers.push(path);
  await page.keyboard.press('Control+o');
  await expect(page.locator('.grid-scroll [data-row="1200"]')).toHaveCount(0);
  await expect
    .poll(async () => JSON.parse(await readDocument(page)).units.length)
    .toBe(generated.units.length);
  const rows = gridRows(generated);
  expect(rows.length).toBeGreaterThan(1200);

  await cell(page, 1, COLUMNS.fiscal).click();
  expect(await activeRowId(page)).toBe(rows[1]?.id);
  // Far fewer rows are built than the document has.
  expect(await renderedRowsMatch(page, rows)).toBeLessThan(120);

  // Down 60 rows one key at a time: the window moves in blocks and the cell stays in sight.
  for (let step = 0; step < 60; step++) await page.keyboard.press('ArrowDown');
  expect(await activeRowId(page)).toBe(rows[61]?.id);
  await activeCellOnScreen(page);
  await renderedRowsMatch(page, rows);

  // An amount typed there lands in that project, exactly.
  await page.keyboard.type('1234.56');
  await page.keyboard.press('Enter');
  const target = rows[61] as { id: string };
  await expect
    .poll(async () => {
      const document = JSON.parse(await readDocument(page)) as JixiaoDocument;
      return document.units.flatMap((unit) => unit.projects).find((p) => p.id === target.id)?.money
        .fiscal;
    })
    .toBe(123456);

  // To the last row and back to the first, as in Excel.
  await page.keyboard.press('Control+End');
  await expect.poll(() => activeRowId(page)).toBe(rows.at(-1)?.id);
  await activeCellOnScreen(page);
  await renderedRowsMatch(page, rows);
  await page.keyboard.press('Control+Home');
  await expect.poll(() => activeRowId(page)).toBe(rows[0]?.id);
  await activeCellOnScreen(page);
  await renderedRowsMatch(page, rows);

  // Up from row 200 after a jump: the rows above are built as the window comes back.
  for (let step = 0; step < 200; step++) await page.keyboard.press('ArrowDown');
  for (let step = 0; step < 45; step++) await page.keyboard.press('ArrowUp');
  expect(await activeRowId(page)).toBe(rows[155]?.id);
  await activeCellOnScreen(page);
  await renderedRowsMatch(page, rows);
});
