import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './harness';

/** The seed as copied out of a PDF: one cell a line, page headers repeated (test/fixtures). */
const CELL_LINES = join(import.meta.dirname, '../fixtures/seed-cell-lines.txt');

test.describe('粘贴表格导入…', () => {
  test('imports a table pasted as one cell a line, through the same import dialog', async ({
    app,
  }) => {
    await app.start();
    const page = app.page;
    await app.menu('importPaste');
    const paste = page.getByRole('dialog', { name: '粘贴表格导入' });
    await expect(paste).toBeVisible();
    const box = paste.getByRole('textbox', { name: '表格文字' });
    await expect(box).toBeFocused();
    await expect(paste.getByRole('button', { name: '导入' })).toBeDisabled();

    // Prose is refused with a Chinese message; what was pasted stays for the clerk.
    const prose = '这是一段说明文字，\n不是表格。';
    await box.fill(prose);
    await paste.getByRole('button', { name: '导入' }).click();
    await expect(paste.getByRole('alert')).toContainText('表头');
    await expect(box).toHaveValue(prose);
    await expect(page.locator('tr.project-row')).toHaveCount(14);

    // The real thing: the seed as PDF text; the count line follows the text.
    const text = await readFile(CELL_LINES, 'utf8');
    await box.fill(text);
    await expect(paste.getByRole('alert')).toHaveCount(0);
    await expect(paste.locator('.paste-import-count')).toContainText(
      `${text.length.toLocaleString('zh-CN')} 个字符`,
    );
    await box.press('Control+Enter');
    await expect(paste).toHaveCount(0);
    const dialog = page.getByRole('dialog', { name: /导入往年表格/ });
    await expect(dialog.getByTestId('import-file-name')).toContainText('粘贴的表格.jixiao.json');
    await expect(dialog.locator('tr.import-project')).toHaveCount(14);
    await expect(dialog.getByTestId('import-total')).toContainText('合计 4,791.93 万元');
    await dialog.getByRole('button', { name: /作为新文档打开/ }).click();
    await expect(page.getByTestId('file-name')).toContainText('粘贴的表格.jixiao.json');
    await expect(page.getByTestId('file-name')).toContainText('未保存');
    await expect(page.locator('tr.project-row')).toHaveCount(14);
  });

  test('pastes from the clipboard on the welcome screen; 取消 and Escape change nothing and keep the text', async ({
    app,
  }) => {
    await app.start();
    const page = app.page;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await expect(page.locator('tr.project-row').first()).toBeVisible();
    await app.menu('close');
    await page.getByRole('button', { name: '粘贴表格导入…' }).click();
    const paste = page.getByRole('dialog', { name: '粘贴表格导入' });
    await page.evaluate(() =>
      navigator.clipboard.writeText('项目名称\t年度目标\n示例项目\t示例目标'),
    );
    await page.keyboard.press('Control+V');
    await expect(paste.getByRole('textbox')).toHaveValue('项目名称\t年度目标\n示例项目\t示例目标');
    await expect(paste.locator('.paste-import-count')).toContainText('2 行');
    await paste.getByRole('button', { name: '取消' }).click();
    await expect(paste).toHaveCount(0);
    await expect(page.getByRole('button', { name: '打开示例' })).toBeVisible();

    // What was pasted is kept for the next opening, selected: a new paste replaces it.
    await app.menu('importPaste');
    await expect(paste.getByRole('textbox')).toHaveValue('项目名称\t年度目标\n示例项目\t示例目标');
    await page.evaluate(() => navigator.clipboard.writeText('项目名称\t年度目标\n第二个\t目标'));
    await page.keyboard.press('Control+V');
    await expect(paste.getByRole('textbox')).toHaveValue('项目名称\t年度目标\n第二个\t目标');
    await page.keyboard.press('Escape');
    await expect(paste).toHaveCount(0);
    await expect(page.getByRole('button', { name: '打开示例' })).toBeVisible();
  });
});
