import { expect, test } from './harness';
import { cell, COLUMNS } from './editor-steps';

test.describe('查找 and 替换', () => {
  test('Ctrl+F finds across the whole document and selects each match', async ({ app }) => {
    await app.start();
    const page = app.page;
    await cell(page, 1, COLUMNS.name).click();
    await page.keyboard.press('Control+F');
    const box = page.getByRole('textbox', { name: '查找' });
    await expect(box).toBeFocused();
    await box.fill('智慧校园');
    await expect(page.locator('.find-count')).toHaveText(/^第 1 \/ \d+ 处$/);
    await box.press('Enter');
    const active = page.locator('table.disclosure [data-active]');
    await expect(active).toContainText('智慧校园');
    const first = await active.getAttribute('data-row');
    await box.press('Enter');
    await expect(page.locator('.find-count')).toHaveText(/^第 2 \/ \d+ 处$/);
    await expect(page.locator('table.disclosure [data-active]')).toContainText('智慧校园');
    expect(first).not.toBeNull();
    await box.fill('没有这个词');
    await expect(page.locator('.find-count')).toHaveText('无结果');
  });

  test('a search starts at the active row, as in Word and Excel, and wraps to the top', async ({
    app,
  }) => {
    await app.start();
    const page = app.page;
    // 维修 is in p1's goal, p2 (name, goal, an indicator) and p6's name.
    await cell(page, 3, COLUMNS.name).click();
    await page.keyboard.press('Control+F');
    const box = page.getByRole('textbox', { name: '查找' });
    await box.fill('维修');
    await expect(page.locator('.find-count')).toHaveText('第 6 / 6 处');
    await box.press('Enter');
    const active = page.locator('table.disclosure [data-active]');
    await expect(active).toHaveAttribute('data-row', '6');
    await expect(active).toContainText('维修');
    // Past the last match it goes on from the top.
    await box.press('Enter');
    await expect(page.locator('.find-count')).toHaveText('第 1 / 6 处');
    await expect(active).toHaveAttribute('data-row', '1');
  });

  test('after the clerk moves, the next search goes on from the cursor, not from the match left behind', async ({
    app,
  }) => {
    await app.start();
    const page = app.page;
    await cell(page, 1, COLUMNS.name).click();
    await page.keyboard.press('Control+F');
    const box = page.getByRole('textbox', { name: '查找' });
    await box.fill('维修');
    await box.press('Enter');
    const active = page.locator('table.disclosure [data-active]');
    await expect(active).toHaveAttribute('data-row', '1');
    // A click further down, then 下一处 again: the first match from there (p6), not p2's.
    await cell(page, 4, COLUMNS.name).click();
    await box.press('Enter');
    await expect(active).toHaveAttribute('data-row', '6');
    await expect(page.locator('.find-count')).toHaveText('第 6 / 6 处');
    // Back up with the arrows, then 上一处: the last match above the cursor (p2's).
    await cell(page, 6, COLUMNS.name).click();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await box.press('Shift+Enter');
    await expect(active).toHaveAttribute('data-row', '2');
    await expect(page.locator('.find-count')).toHaveText('第 5 / 6 处');
  });

  test('typed at speed on a slow PC, Ctrl+H, the text, Tab on to 替换为, the replacement: each lands in its box', async ({
    app,
  }) => {
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await app.start();
    const page = app.page;
    await cell(page, 1, COLUMNS.name).click();
    // A slow office PC: the matches are counted while the keys come in.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.keyboard.press('Control+H');
    await page.keyboard.type('物业');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: '上一个' })).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('物管');
    await expect(page.getByRole('textbox', { name: '查找' })).toHaveValue('物业');
    await expect(page.getByRole('textbox', { name: '替换为' })).toHaveValue('物管');
  });

  test('Ctrl+H replaces all matches as one undo step, including indicator values', async ({
    app,
  }) => {
    await app.start();
    const page = app.page;
    await cell(page, 1, COLUMNS.name).click();
    await page.keyboard.press('Control+H');
    await page.getByRole('textbox', { name: '查找' }).fill('≥90%');
    const count = await page.locator('.find-count').textContent();
    const total = Number(/\/ (\d+)/.exec(count ?? '')?.[1]);
    expect(total).toBeGreaterThan(1);
    await page.getByRole('textbox', { name: '替换为' }).fill('≥95%');
    await page.getByRole('button', { name: '全部替换' }).click();
    await expect(page.getByRole('status')).toContainText(`已替换 ${total} 处`);
    await expect(page.locator('.find-count')).toHaveText('无结果');
    await expect(page.locator('table.disclosure')).toContainText('年度指标值：≥95%');
    await page.getByRole('button', { name: '撤销' }).click();
    await expect(page.locator('.find-count')).toHaveText(`第 1 / ${total} 处`);

    // 替换 one at a time: as in Word, the first click shows the match, the next replaces it.
    await page.getByRole('textbox', { name: '替换为' }).fill('≥92%');
    const replaceOne = page.getByRole('search').getByRole('button', { name: '替换', exact: true });
    await replaceOne.click();
    await expect(page.locator('.find-count')).toHaveText(`第 1 / ${total} 处`);
    await replaceOne.click();
    await expect(page.locator('.find-count')).toHaveText(`第 1 / ${total - 1} 处`);
  });
});
