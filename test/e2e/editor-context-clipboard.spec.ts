import { expect, test } from './harness';
import { cell, COLUMNS, grandTotal } from './editor-steps';

test.describe('复制 / 剪切 / 粘贴 from the context menu', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('copy an amount and paste it on another project; cut a goal and paste it; undo', async ({
    app,
  }) => {
    await app.start();
    const page = app.page;
    const menuItem = (name: string) =>
      page.getByRole('menuitem', { name: new RegExp(`^${name} Ctrl`) });

    // 财政拨款 of 市机电技师学院安保和物业管理服务经费: 638.00.
    await cell(page, 1, COLUMNS.fiscal).click({ button: 'right' });
    await expect(menuItem('剪切')).toContainText('Ctrl+X');
    await menuItem('复制').click();
    await expect(page.getByRole('status')).toContainText('已复制 1 行 1 列');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('638.00\r\n');
    const html = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return item ? (await item.getType('text/html')).text() : '';
    });
    expect(html).toContain('<table');

    // Right-clicking another cell selects it; 粘贴 writes there (160.00 → 638.00).
    await cell(page, 2, COLUMNS.fiscal).click({ button: 'right' });
    await menuItem('粘贴').click();
    await expect(cell(page, 2, COLUMNS.total)).toHaveText('638.00');
    await expect(grandTotal(page)).toHaveText('5,269.93');
    await expect(page.getByRole('status')).toContainText('已粘贴');

    // 剪切 the 年度目标 of project 2 and paste it on project 3.
    const goal = await cell(page, 2, COLUMNS.goal).textContent();
    await cell(page, 2, COLUMNS.goal).click({ button: 'right' });
    await menuItem('剪切').click();
    await expect(cell(page, 2, COLUMNS.goal)).toHaveText('');
    await cell(page, 3, COLUMNS.goal).click({ button: 'right' });
    await menuItem('粘贴').click();
    await expect(cell(page, 3, COLUMNS.goal)).toHaveText(goal ?? '');

    // Each is one undo step: paste, cut, paste.
    await page.keyboard.press('Control+Z');
    await expect(cell(page, 3, COLUMNS.goal)).not.toHaveText(goal ?? '');
    await page.keyboard.press('Control+Z');
    await expect(cell(page, 2, COLUMNS.goal)).toHaveText(goal ?? '');
    await page.keyboard.press('Control+Z');
    await expect(grandTotal(page)).toHaveText('4,791.93');
  });

  test('a refused clipboard read says so in Chinese and changes nothing', async ({ app }) => {
    await app.start();
    const page = app.page;
    await page.evaluate(() => {
      const refuse = () =>
        Promise.reject(new DOMException('Read permission denied.', 'NotAllowedError'));
      Object.assign(navigator.clipboard, { read: refuse, readText: refuse });
    });
    await cell(page, 2, COLUMNS.fiscal).click({ button: 'right' });
    await page.getByRole('menuitem', { name: /^粘贴/ }).click();
    await expect(page.getByRole('alert')).toHaveText(
      /程序没有获得读取剪贴板的权限，无法从菜单粘贴。请按 Ctrl\+V 粘贴。/,
    );
    await expect(grandTotal(page)).toHaveText('4,791.93');
  });
});
