import { expect, test } from './harness';
import { cell, cellEditor, COLUMNS } from './editor-steps';

/**
 * A pinyin IME as Chromium sees it, driven over CDP: imeSetComposition shows the candidate
 * text, a key the IME consumes arrives as keyCode 229, insertText confirms the candidate.
 */
test.describe('typing Chinese with an input method', () => {
  test('the first keystroke of a composition opens the cell; Enter and Tab that confirm a candidate never commit or move', async ({
    app,
  }) => {
    await app.start();
    const page = app.page;
    const cdp = await page.context().newCDPSession(page);
    const imeKey = (key: 'Enter' | 'Tab') =>
      cdp.send('Input.dispatchKeyEvent', {
        type: 'rawKeyDown',
        key,
        code: key,
        windowsVirtualKeyCode: 229,
        nativeVirtualKeyCode: 229,
      });

    await cell(page, 1, COLUMNS.name).click();
    await expect(cellEditor(page)).toHaveAttribute('data-grid-editor', 'navigating');
    // The very first pinyin letter starts editing and is not lost.
    await cdp.send('Input.imeSetComposition', { text: 'a', selectionStart: 1, selectionEnd: 1 });
    await expect(cellEditor(page)).toHaveAttribute('data-grid-editor', 'editing');
    await cdp.send('Input.imeSetComposition', {
      text: 'anbao',
      selectionStart: 5,
      selectionEnd: 5,
    });
    await expect(cellEditor(page)).toHaveValue('anbao');
    await imeKey('Enter');
    await cdp.send('Input.insertText', { text: '安保' });
    await expect(cellEditor(page)).toHaveValue('安保');
    await expect(cellEditor(page)).toHaveAttribute('data-grid-editor', 'editing');
    await expect(cell(page, 1, COLUMNS.name)).toContainText('市机电技师学院安保和物业管理服务经费');

    await cdp.send('Input.imeSetComposition', { text: 'fuwu', selectionStart: 4, selectionEnd: 4 });
    await imeKey('Tab');
    await cdp.send('Input.insertText', { text: '服务' });
    await expect(cellEditor(page)).toHaveValue('安保服务');
    await expect(cell(page, 1, COLUMNS.name)).toHaveAttribute('data-active');

    // Now a plain Enter confirms the cell and moves down.
    await page.keyboard.press('Enter');
    await expect(cell(page, 1, COLUMNS.name)).toHaveText(/安保服务$/);
    await expect(cell(page, 2, COLUMNS.name)).toHaveAttribute('data-active');
    await page.keyboard.press('Control+Z');
    await expect(cell(page, 1, COLUMNS.name)).toContainText('市机电技师学院安保和物业管理服务经费');
  });

  test('a composition in a goal cell and in the project panel keeps every character', async ({
    app,
  }) => {
    await app.start();
    const page = app.page;
    const cdp = await page.context().newCDPSession(page);
    await cell(page, 5, COLUMNS.goal).click();
    await cdp.send('Input.imeSetComposition', { text: 'zi', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.insertText', { text: '资助' });
    await cdp.send('Input.imeSetComposition', {
      text: 'xuesheng',
      selectionStart: 8,
      selectionEnd: 8,
    });
    await cdp.send('Input.insertText', { text: '学生' });
    await page.keyboard.press('Enter');
    await expect(cell(page, 5, COLUMNS.goal)).toHaveText('资助学生');

    const code = page.getByRole('textbox', { name: '项目编码' });
    await cell(page, 5, COLUMNS.name).click();
    await code.click();
    await cdp.send('Input.imeSetComposition', { text: 'zhu', selectionStart: 3, selectionEnd: 3 });
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'rawKeyDown',
      key: 'Enter',
      code: 'Enter',
      windowsVirtualKeyCode: 229,
      nativeVirtualKeyCode: 229,
    });
    await cdp.send('Input.insertText', { text: '助学金' });
    await page.keyboard.insertText('-2025');
    await page.keyboard.press('Enter');
    await cell(page, 6, COLUMNS.name).click();
    await cell(page, 5, COLUMNS.name).click();
    await expect(page.getByRole('textbox', { name: '项目编码' })).toHaveValue('助学金-2025');
  });
});
