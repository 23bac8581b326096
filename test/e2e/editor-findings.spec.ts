import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './harness';
import { cell, COLUMNS } from './editor-steps';

test.describe('检查 panel', () => {
  test('counts, filter, click to select, a fix as an undoable action', async ({ app }) => {
    await app.start();
    const page = app.page;
    await page.getByRole('button', { name: '检查', exact: true }).click();
    const panel = page.getByRole('complementary', { name: '检查结果' });
    // The seed was accepted and published: warnings only.
    await expect(panel.locator('.findings-counts')).toHaveText(/^错误 0 · 警告 \d+$/);
    const warnings = Number(
      /警告 (\d+)/.exec((await panel.locator('.findings-counts').textContent()) ?? '')?.[1],
    );
    expect(warnings).toBeGreaterThan(0);
    await panel.getByRole('radio', { name: '错误' }).check();
    await expect(panel.getByText('没有发现问题。')).toBeVisible();
    await panel.getByRole('radio', { name: '全部' }).check();

    // R2: 智慧校园 has no 满意度 indicator; clicking selects the project and marks its row. The
    // reviewer's wording leads; the rule code is only in the tooltip.
    const r2 = panel
      .locator('.finding')
      .filter({ hasText: '2024年智慧校园管理系统升级改造项目' })
      .filter({ has: page.locator('[data-rule="R2"]') });
    await expect(r2.locator('.finding-target')).toHaveAttribute('title', /R2/);
    await expect(r2).toContainText('建议增加满意度指标');
    await expect(panel.locator('.finding', { hasText: '评审意见：其他' })).toHaveCount(0);
    await expect(panel.locator('.finding-target').first()).not.toContainText(/\bR\d+\b/);
    await r2.locator('.finding-target').click();
    await expect(page.locator('table.disclosure [data-active]')).toHaveAttribute('data-row', '11');
    await expect(cell(page, 11, COLUMNS.name)).toHaveClass(/mark-warning/);

    const fixable = panel.locator('.finding-fix').first();
    await fixable.click();
    await expect(panel.locator('.findings-counts')).toHaveText(`错误 0 · 警告 ${warnings - 1}`);
    await expect(page.getByTestId('file-name')).toContainText('未保存');
    await page.getByRole('button', { name: '撤销' }).click();
    await expect(panel.locator('.findings-counts')).toHaveText(`错误 0 · 警告 ${warnings}`);

    // 提交前检查 report, written by the host where the clerk chooses.
    const target = join(app.disk, '提交前检查报告.txt');
    app.dialogs.exportAnswers.push(target);
    await panel.getByRole('button', { name: '导出检查报告…' }).click();
    await expect(page.getByRole('status')).toContainText(
      '已导出提交前检查报告「提交前检查报告.txt」',
    );
    const report = await readFile(target, 'utf8');
    expect(report).toContain('2024年智慧校园管理系统升级改造项目');
  });
});
