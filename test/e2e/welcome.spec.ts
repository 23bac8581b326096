import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './harness';

test.describe('welcome screen', () => {
  test.beforeEach(async ({ app }) => {
    // A user who has opened a file before gets the welcome screen, not the sample.
    await mkdir(join(app.disk, 'userData'), { recursive: true });
    await writeFile(
      join(app.disk, 'userData/settings.json'),
      JSON.stringify({
        version: 1,
        recent: [
          { path: join(app.disk, '去年.jixiao.json'), openedAt: '2026-01-05T00:00:00.000Z' },
        ],
      }),
    );
  });

  test('renders in Chinese with the four ways in and the recent files', async ({ app }) => {
    await app.start();
    const page = app.page;
    await expect(page.getByRole('heading', { name: '绩效目标表编辑器' })).toBeVisible();
    for (const label of ['新建', '打开…', '导入往年表格…', '打开示例']) {
      await expect(page.getByRole('button', { name: label, exact: true })).toBeVisible();
    }
    await expect(page.getByRole('heading', { name: '最近打开' })).toBeVisible();
    await expect(page.getByText('去年.jixiao.json')).toBeVisible();
    await expect(page).toHaveTitle('绩效目标表编辑器');
  });

  test('打开… asks the host to show its open dialog', async ({ app }) => {
    await app.start();
    await app.page.getByRole('button', { name: '打开…' }).click();
    await expect.poll(() => app.dialogs.calls).toEqual([{ kind: 'open', detail: 'document' }]);
    // Cancelling the dialog leaves the welcome screen as it was, with no error.
    await expect(app.page.getByRole('button', { name: '新建' })).toBeVisible();
    await expect(app.page.getByRole('alert')).toHaveCount(0);
  });

  test('导入往年表格… asks the host for a file to import', async ({ app }) => {
    await app.start();
    await app.page.getByRole('button', { name: '导入往年表格…' }).click();
    await expect.poll(() => app.dialogs.calls).toEqual([{ kind: 'open', detail: 'import' }]);
  });

  test('a recent file that no longer exists gives a Chinese message and leaves the list', async ({
    app,
  }) => {
    await app.start();
    await app.page.getByText('去年.jixiao.json').click();
    await expect(app.page.getByRole('alert')).toContainText('找不到文件');
    await expect(app.page.locator('.recent-name')).toHaveCount(0);
  });

  test('新建 opens an empty document', async ({ app }) => {
    await app.start();
    await app.page.getByRole('button', { name: '新建' }).click();
    await expect(app.page.getByTestId('file-name')).toContainText('未命名.jixiao.json');
    await expect(app.page.getByText('文档中还没有单位和项目。')).toBeVisible();
  });
});
