import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './harness';

test.describe('打印预览 in the app', () => {
  test('opens from the toolbar on the sample, counts pages and exports a PDF', async ({ app }) => {
    await app.start();
    await app.page.getByRole('button', { name: '打印预览…' }).click();
    const preview = app.page.getByRole('dialog', { name: '打印预览' });
    await expect(preview).toBeVisible();
    await expect(preview.getByText(/^共 \d+ 页$/)).toBeVisible({ timeout: 20_000 });
    const pages = Number((await preview.getByText(/^共 \d+ 页$/).textContent())?.match(/\d+/)?.[0]);
    expect(pages).toBeGreaterThan(3);
    const target = join(app.disk, '公开表.pdf');
    app.dialogs.exportAnswers.push(target);
    await preview.getByRole('button', { name: '导出 PDF…' }).click();
    await expect(preview.getByRole('status').filter({ hasText: '已导出' })).toContainText(
      '公开表.pdf',
    );
    expect((await readFile(target)).subarray(0, 5).toString()).toBe('%PDF-');
    await preview.getByRole('button', { name: '关闭' }).click();
    await expect(preview).toHaveCount(0);
  });

  test('the 文件 menu command opens it too', async ({ app }) => {
    await app.start();
    await app.menu('printPreview');
    await expect(app.page.getByRole('dialog', { name: '打印预览' })).toBeVisible();
  });
});
