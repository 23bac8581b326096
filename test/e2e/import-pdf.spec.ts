import { join } from 'node:path';
import { expect, test } from './harness';

const SEED_PDF = join(import.meta.dirname, '../fixtures/pdf/seed-print-chromium.pdf');

test.describe('import a PDF', () => {
  test('the seed printed to PDF opens through the import dialog as the same table', async ({
    app,
  }) => {
    await app.start();
    app.dialogs.openAnswers.push(SEED_PDF);
    await app.menu('import');
    const dialog = app.page.getByRole('dialog', { name: /导入往年表格/ });
    await expect(dialog).toBeVisible({ timeout: 30_000 });
    await expect(dialog.getByRole('heading', { name: /导入报告/ })).toContainText('14 个项目');
    await expect(dialog.getByTestId('import-total')).toContainText('合计 4,791.93 万元');
    await app.page.screenshot({ path: '/tmp/import-pdf.png' });
    await dialog.getByRole('button', { name: /作为新文档打开/ }).click();
    await expect(app.page.getByTestId('file-name')).toContainText(
      'seed-print-chromium.jixiao.json',
    );
    await expect(app.page.locator('tr.project-row')).toHaveCount(14);
  });
});
