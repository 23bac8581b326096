import { join } from 'node:path';
import { expect, test, type AppFixture } from './harness';

const SEED_XLSX = join(import.meta.dirname, '../fixtures/seed-libreoffice.xlsx');

async function importFile(app: AppFixture, path: string) {
  app.dialogs.openAnswers.push(path);
  await app.menu('import');
  await expect(app.page.getByRole('dialog', { name: /导入往年表格/ })).toBeVisible();
}

test.describe('import dialog', () => {
  test('previews the import with its report, then opens it as a new document', async ({ app }) => {
    await app.start();
    await importFile(app, SEED_XLSX);
    const dialog = app.page.getByRole('dialog', { name: /导入往年表格/ });
    await expect(dialog.getByRole('heading', { name: /导入报告/ })).toContainText('14 个项目');
    await expect(dialog.locator('tr.import-project')).toHaveCount(14);
    await expect(dialog.getByTestId('import-total')).toContainText('合计 4,791.93 万元');
    await expect(dialog.locator('.report-group-recovered')).toContainText('已找回');
    await expect(dialog.locator('.entry-recovered .entry-where').first()).not.toBeEmpty();
    await app.page.screenshot({ path: '/tmp/import-dialog.png' });

    await dialog.getByRole('button', { name: /作为新文档打开/ }).click();
    await expect(dialog).toHaveCount(0);
    await expect(app.page.getByTestId('file-name')).toContainText('seed-libreoffice.jixiao.json');
    await expect(app.page.getByTestId('file-name')).toContainText('未保存');
    await expect(app.page.locator('tr.project-row')).toHaveCount(14);
    await expect(app.page.getByRole('heading', { name: /导入报告/ })).toBeVisible();
  });

  test('取消 changes nothing', async ({ app }) => {
    await app.start();
    await importFile(app, SEED_XLSX);
    await app.page.getByRole('button', { name: '取消' }).click();
    await expect(app.page.getByRole('dialog')).toHaveCount(0);
    await expect(app.page.locator('tr.project-row')).toHaveCount(14);
    await expect(app.page.getByTestId('file-name')).not.toContainText('未保存');
    // Escape cancels too.
    await importFile(app, SEED_XLSX);
    await app.page.keyboard.press('Escape');
    await expect(app.page.getByRole('dialog')).toHaveCount(0);
    await expect(app.page.locator('tr.project-row')).toHaveCount(14);
  });

  test('merging into the open sample asks about each duplicate; one undo step', async ({ app }) => {
    await app.start();
    const page = app.page;
    await expect(page.locator('tr.project-row')).toHaveCount(14);

    // All skipped: nothing added.
    await importFile(app, SEED_XLSX);
    await page.getByRole('button', { name: /并入当前文档/ }).click();
    await expect(page.locator('li.duplicate')).toHaveCount(14);
    await page.locator('.import-set-all').getByRole('button', { name: '跳过' }).click();
    await page.getByRole('button', { name: '并入', exact: true }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('status')).toContainText('没有并入任何项目');
    await expect(page.locator('tr.project-row')).toHaveCount(14);

    // One kept both: 15 projects, and one undo takes it back.
    await importFile(app, SEED_XLSX);
    await page.getByRole('button', { name: /并入当前文档/ }).click();
    await page.locator('.import-set-all').getByRole('button', { name: '跳过' }).click();
    const first = page.locator('li.duplicate select').first();
    await first.selectOption({ label: '保留两份' });
    await page.getByRole('button', { name: '并入', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('新增 1 个项目');
    await expect(page.locator('tr.project-row')).toHaveCount(15);
    await expect(page.getByTestId('file-name')).toContainText('未保存');
    await app.menu('undo');
    await expect(page.locator('tr.project-row')).toHaveCount(14);
    await expect(page.getByRole('status')).toContainText('已撤销：并入导入的表格');
  });

  test('复制上年 opens the new year with amounts cleared and lists years to review', async ({
    app,
  }) => {
    await app.start();
    const page = app.page;
    await importFile(app, SEED_XLSX);
    await page.getByRole('button', { name: /复制上年/ }).click();
    const year = page.getByLabel('新年度');
    // The seed's title names no year, but its names and goals say 2025: the next year is 2026.
    await expect(year).toHaveValue('2026');
    await expect(page.getByLabel('保留金额')).not.toBeChecked();
    await year.fill('2026');
    await page.getByRole('button', { name: '生成新年度表格' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByText('年度：2026')).toBeVisible();
    await expect(page.locator('tr.total-row td.money').first()).toHaveText('');
    await expect(page.locator('tr.project-row')).toHaveCount(14);
    await expect(page.getByTestId('file-name')).toContainText('未保存');
    const review = page.locator('.roll-review');
    await expect(review.getByRole('heading')).toContainText('请核对年份');
    await expect(review.locator('.review-year', { hasText: '2025' }).first()).toBeVisible();
    await expect(review.locator('.review-item').first()).toContainText('项目「');
    await page.screenshot({ path: '/tmp/roll-review.png' });
  });

  test("Enter on a report group's heading opens or closes the group, not the import", async ({
    app,
  }) => {
    await app.start();
    const page = app.page;
    await importFile(app, SEED_XLSX);
    const dialog = page.getByRole('dialog', { name: /导入往年表格/ });
    const group = dialog.locator('details.report-group-normalised');
    await expect(group).toHaveAttribute('open', '');
    // A click on 已规范（20 条） folds it and leaves the focus there; Enter unfolds it again.
    await group.locator('summary').click();
    await expect(group).not.toHaveAttribute('open', '');
    await page.keyboard.press('Enter');
    await expect(group).toHaveAttribute('open', '');
    await expect(dialog).toBeVisible();
    await expect(page.getByTestId('file-name')).not.toContainText('seed-libreoffice');
  });
});
