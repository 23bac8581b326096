import type { Page } from '@playwright/test';
import { expect, test } from './harness';
import { cell, COLUMNS, dragRow, grandTotal } from './editor-steps';

const unitNames = async (page: Page) =>
  (await page.locator('tr.unit-row th').allTextContents()).map((name) => name.replace('⠿', ''));

/** Adds a second unit 广州市轻工技师学院 after the sample's unit, with one new project. */
async function addSecondUnit(page: Page) {
  await cell(page, 14, COLUMNS.name).click();
  await page.getByRole('button', { name: '新增单位' }).click();
  await page.keyboard.insertText('广州市轻工技师学院');
  await page.keyboard.press('Enter');
  await cell(page, 15, COLUMNS.name).click();
  await page.keyboard.press('Control+Enter');
  await page.keyboard.insertText('实训耗材采购项目');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('12');
  await page.keyboard.press('Enter');
  await expect(grandTotal(page)).toHaveText('4,803.93');
  expect(await unitNames(page)).toEqual(['广州市机电技师学院', '广州市轻工技师学院']);
}

test.describe('units', () => {
  test('dragging a unit above another reorders units with their projects; undo puts it back', async ({
    app,
  }) => {
    await app.start();
    const page = app.page;
    await addSecondUnit(page);
    await dragRow(page, page.locator('tr.unit-row').nth(1), cell(page, 0, COLUMNS.goal));
    expect(await unitNames(page)).toEqual(['广州市轻工技师学院', '广州市机电技师学院']);
    // The unit moved with its project: the first tbody is the moved unit.
    const first = page.locator('table.disclosure tbody').first();
    await expect(first.locator('tr.project-row')).toHaveCount(1);
    await expect(first.locator('tr.unit-row td.money').first()).toHaveText('12.00');
    await expect(cell(page, 0, COLUMNS.name)).toHaveAttribute('data-active');
    await expect(grandTotal(page)).toHaveText('4,803.93');

    await page.keyboard.press('Control+Z');
    expect(await unitNames(page)).toEqual(['广州市机电技师学院', '广州市轻工技师学院']);
    await expect(page.getByRole('status')).toContainText('已撤销');
    await page.keyboard.press('Control+Y');
    expect(await unitNames(page)).toEqual(['广州市轻工技师学院', '广州市机电技师学院']);
  });

  test('Ctrl+Delete on a unit row deletes it with its projects; Ctrl+Z restores it', async ({
    app,
  }) => {
    await app.start();
    const page = app.page;
    await addSecondUnit(page);
    await cell(page, 0, COLUMNS.fiscal).click();
    await page.keyboard.press('Control+Delete');
    await expect(page.getByRole('status')).toContainText(
      '已删除单位「广州市机电技师学院」及其 14 个项目，可撤销（Ctrl+Z）',
    );
    expect(await unitNames(page)).toEqual(['广州市轻工技师学院']);
    await expect(page.locator('tr.project-row')).toHaveCount(1);
    await expect(grandTotal(page)).toHaveText('12.00');

    await page.keyboard.press('Control+Z');
    expect(await unitNames(page)).toEqual(['广州市机电技师学院', '广州市轻工技师学院']);
    await expect(page.locator('tr.project-row')).toHaveCount(15);
    await expect(grandTotal(page)).toHaveText('4,803.93');
  });

  test('deleting the only unit leaves an empty document; undo brings all 14 projects back', async ({
    app,
  }) => {
    await app.start();
    const page = app.page;
    await cell(page, 0, COLUMNS.name).click();
    await page.keyboard.press('Control+Delete');
    await expect(page.getByText('文档中还没有单位和项目。')).toBeVisible();
    await expect(page.getByTestId('file-name')).toContainText('未保存');
    await page.keyboard.press('Control+Z');
    await expect(page.locator('tr.project-row')).toHaveCount(14);
    await expect(grandTotal(page)).toHaveText('4,791.93');
  });
});
