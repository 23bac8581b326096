import { join } from 'node:path';
import { expect, test } from './harness';
import { cell, COLUMNS } from './editor-steps';

/** A provincial annual form in 元 whose 指标值说明 column LibreOffice kept (test/fixtures). */
const FORM = join(import.meta.dirname, '../fixtures/form-annual-yuan.xlsx');

test.describe('指标值说明 in the project panel', () => {
  test('shows the notes an imported form brought, edits them as one undo step, find reveals them', async ({
    app,
  }) => {
    await app.start();
    const page = app.page;
    app.dialogs.openAnswers.push(FORM);
    await app.menu('import');
    await page.getByRole('button', { name: /作为新文档打开/ }).click();
    await cell(page, 1, COLUMNS.name).click();
    const panel = page.getByRole('complementary', { name: '项目详情' });
    const first = panel.getByRole('textbox', { name: '第 1 条指标值说明' });
    await expect(first).toHaveValue('按在籍在校学生名单核定');
    await expect(panel.getByRole('textbox', { name: '第 2 条指标值说明' })).toHaveValue('');
    await expect(panel.getByRole('button', { name: '填写指标值说明' })).toHaveCount(0);

    await first.fill('按学籍系统在校学生名单核定');
    await first.press('Enter');
    await expect(page.getByTestId('file-name')).toContainText('未保存');
    await app.menu('undo');
    await expect(first).toHaveValue('按在籍在校学生名单核定');

    // A note is a field only the panel edits: find opens it there, closing find focuses it.
    await page.keyboard.press('Control+F');
    const box = page.getByRole('textbox', { name: '查找' });
    await box.fill('抽样问卷');
    await box.press('Enter');
    const survey = panel.getByRole('textbox', { name: '第 5 条指标值说明' });
    await expect(survey).toHaveClass(/find-hit/);
    await box.press('Escape');
    await expect(survey).toBeFocused();
  });

  test('a project without notes offers the field on request', async ({ app }) => {
    await app.start();
    const page = app.page;
    await cell(page, 1, COLUMNS.name).click();
    const panel = page.getByRole('complementary', { name: '项目详情' });
    await expect(panel.getByRole('textbox', { name: '第 1 条指标值说明' })).toHaveCount(0);
    await panel.getByRole('button', { name: '填写指标值说明' }).click();
    const note = panel.getByRole('textbox', { name: '第 1 条指标值说明' });
    await note.fill('以政府采购合同为准');
    await note.press('Tab');
    await expect(note).toHaveValue('以政府采购合同为准');
    await expect(panel.getByRole('button', { name: '填写指标值说明' })).toHaveCount(0);
  });
});
