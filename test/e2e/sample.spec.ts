import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JixiaoDocument } from '../../shared/model';
import { expect, test } from './harness';

const SAMPLE = join(import.meta.dirname, '../../resources/sample/guangzhou-2025.jixiao.json');

test.describe('sample document', () => {
  test('the first start shows the sample with real data', async ({ app }) => {
    await app.start();
    const page = app.page;
    await expect(
      page.getByRole('heading', { name: '项目支出绩效目标表（含转移支付项目）' }),
    ).toBeVisible();
    await expect(page.getByText('部门名称：广州市人力资源和社会保障局')).toBeVisible();
    await expect(page.locator('tr.total-row td.money').first()).toHaveText('4,791.93');
    await expect(page.locator('tr.project-row')).toHaveCount(14);
    // 89 indicators; each cell shows a project's first five and 「另有 N 条」 for the rest.
    const sample = JSON.parse(await readFile(SAMPLE, 'utf8')) as JixiaoDocument;
    const counts = sample.units.flatMap((unit) => unit.projects.map((p) => p.indicators.length));
    expect(counts.reduce((total, count) => total + count, 0)).toBe(89);
    await expect(page.locator('tr.project-row ol.indicators > li')).toHaveCount(
      counts.reduce((total, count) => total + Math.min(count, 5), 0),
    );
    await expect(page.locator('tr.project-row .indicators-more')).toHaveCount(
      counts.filter((count) => count > 5).length,
    );
    await expect(page.getByText('2024年智慧校园管理系统升级改造项目')).toBeVisible();
  });

  test('saving the sample asks for a new file and never touches the shipped one', async ({
    app,
  }) => {
    const shipped = await readFile(SAMPLE, 'utf8');
    await app.start();
    const target = join(app.disk, '我的表');
    app.dialogs.saveAnswers.push(target);
    await app.page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(app.page.getByRole('status')).toContainText('已保存「我的表.jixiao.json」');
    expect(app.dialogs.calls).toEqual([
      // The suggested name carries the year (issue #12).
      { kind: 'save', detail: '2025年项目支出绩效目标表（含转移支付项目）.jixiao.json' },
    ]);
    const saved = JSON.parse(await readFile(`${target}.jixiao.json`, 'utf8'));
    expect(saved.units[0].projects).toHaveLength(14);
    expect(await readFile(SAMPLE, 'utf8')).toBe(shipped);
    // The saved file is now the document: a second save writes it without asking.
    await app.page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(app.page.getByRole('status')).toContainText('已保存「我的表.jixiao.json」');
    expect(app.dialogs.calls).toHaveLength(1);
  });

  test('打开示例 from the menu reopens the sample after closing', async ({ app }) => {
    await app.start();
    await app.page.getByRole('button', { name: '关闭' }).click();
    await expect(app.page.getByRole('button', { name: '打开示例' })).toBeVisible();
    await app.menu('openSample');
    await expect(app.page.locator('tr.project-row')).toHaveCount(14);
  });

  test('importing the seed text shows the import report', async ({ app }) => {
    await app.start();
    app.dialogs.openAnswers.push(
      join(import.meta.dirname, '../fixtures/seed-guangzhou-2025-jidian-disclosure.txt'),
    );
    await app.menu('import');
    const dialog = app.page.getByRole('dialog', { name: /导入/ });
    await expect(dialog.getByRole('heading', { name: /导入报告/ })).toContainText(
      '1 个单位，14 个项目，89 条指标',
    );
    await expect(dialog.locator('.entry-recovered')).toContainText('定向培养职业教育硕士补贴');
    await expect(dialog.getByTestId('import-file-name')).toContainText('未保存');
    await dialog.getByRole('button', { name: '作为新文档打开' }).click();
    await expect(app.page.getByRole('dialog')).toHaveCount(0);
    await expect(app.page.getByTestId('file-name')).toContainText('未保存');
    await expect(app.page.getByRole('heading', { name: /导入报告/ })).toContainText('14 个项目');
  });
});
