import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, ROOT, test } from './harness';
import { cell, COLUMNS, grandTotal } from './editor-steps';
import { SAMPLE_FILE } from '../../electron/host/sample';

/**
 * A colleague's file: the sample's unit with the repair project re-budgeted (160.00 → 200.00)
 * and one new project, saved as this program's document.
 */
async function writeColleagueFile(folder: string): Promise<string> {
  const sample = JSON.parse(await readFile(join(ROOT, SAMPLE_FILE), 'utf8'));
  const [unit] = sample.units;
  const repair = unit.projects.find((project: { id: string }) => project.id === 'p2');
  const document = {
    ...sample,
    units: [
      {
        id: 'colleague-unit',
        name: unit.name,
        projects: [
          { ...repair, money: { fiscal: 20000, specialAccount: 0, other: 0 } },
          {
            ...repair,
            id: 'colleague-new',
            name: '数控实训中心耗材补充项目',
            money: { fiscal: 3550, specialAccount: 0, other: 0 },
            goals: { annual: '补充数控实训耗材，保障实训教学正常开展。' },
          },
        ],
      },
    ],
  };
  const path = join(folder, '实训中心（王老师）.jixiao.json');
  await writeFile(path, JSON.stringify(document, null, 2));
  return path;
}

test.describe('合并同事的文件…', () => {
  test('goes straight to the merge step, asks about the duplicate, merges as one undo step', async ({
    app,
  }) => {
    const path = await writeColleagueFile(app.disk);
    await app.start();
    const page = app.page;
    app.dialogs.openAnswers.push(path);
    await page.getByRole('toolbar').getByRole('button', { name: '合并同事的文件…' }).click();
    const dialog = page.getByRole('dialog', { name: /合并同事的文件/ });
    await expect(dialog).toBeVisible();
    expect(app.dialogs.calls.at(-1)).toEqual({ kind: 'open', detail: 'import' });
    await expect(dialog.getByTestId('import-file-name')).toContainText('实训中心（王老师）');
    // No 作为新文档打开 / 复制上年 choice: the merge step is shown at once.
    await expect(dialog.getByRole('button', { name: /作为新文档打开/ })).toHaveCount(0);
    await expect(dialog.getByText('以下 1 个项目在当前文档中已有同名项目')).toBeVisible();
    const duplicate = dialog.locator('li.duplicate');
    await expect(duplicate).toHaveCount(1);
    await expect(duplicate).toContainText(
      '广州市机电技师学院 › 市机电技师学院教学实训设备维修维护工作经费项目',
    );
    await expect(duplicate.getByRole('combobox')).toHaveValue('keep-both');
    await duplicate.getByRole('combobox').selectOption({ label: '替换' });
    await dialog.getByRole('button', { name: '并入', exact: true }).click();

    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('status')).toContainText(
      '已并入：新增 1 个项目，替换 1 个，跳过 0 个。',
    );
    await expect(page.locator('tr.project-row')).toHaveCount(15);
    await expect(cell(page, 2, COLUMNS.fiscal)).toHaveText('200.00');
    await expect(cell(page, 15, COLUMNS.name)).toContainText('数控实训中心耗材补充项目');
    // 4,791.93 − 160.00 + 200.00 + 35.50
    await expect(grandTotal(page)).toHaveText('4,867.43');
    await expect(page.getByTestId('file-name')).toContainText('未保存');

    await page.keyboard.press('Control+Z');
    await expect(page.getByRole('status')).toContainText('已撤销：合并同事的文件');
    await expect(page.locator('tr.project-row')).toHaveCount(14);
    await expect(cell(page, 2, COLUMNS.fiscal)).toHaveText('160.00');
    await expect(grandTotal(page)).toHaveText('4,791.93');
  });

  test('the menu command does nothing without an open document', async ({ app }) => {
    const path = await writeColleagueFile(app.disk);
    await app.start();
    const page = app.page;
    // The sample opens after the page connects: close it only once it is there (closing before
    // is a no-op, and the sample would then open under the merge command).
    await expect(page.locator('tr.project-row').first()).toBeVisible();
    await app.menu('close');
    await expect(page.getByRole('button', { name: '打开示例' })).toBeVisible();
    app.dialogs.openAnswers.push(path);
    await app.menu('merge');
    await page.waitForTimeout(300);
    expect(app.dialogs.calls.filter((call) => call.kind === 'open')).toHaveLength(0);
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  test('an amount the merge sets to 0 stays on screen as a warning to read', async ({ app }) => {
    // A colleague's file in 元 whose 财政拨款 is not a whole number of hundredths of 万元.
    const sample = JSON.parse(await readFile(join(ROOT, SAMPLE_FILE), 'utf8'));
    const [unit] = sample.units;
    const document = {
      ...sample,
      moneyUnit: '元',
      units: [
        {
          id: 'colleague-unit',
          name: unit.name,
          projects: [
            {
              ...unit.projects[1],
              id: 'colleague-new',
              name: '数控实训中心耗材补充项目',
              money: { fiscal: 38_766_462, specialAccount: 0, other: 0 },
            },
          ],
        },
      ],
    };
    const path = join(app.disk, '耗材（元）.jixiao.json');
    await writeFile(path, JSON.stringify(document, null, 2));
    await app.start();
    const page = app.page;
    app.dialogs.openAnswers.push(path);
    await page.getByRole('toolbar').getByRole('button', { name: '合并同事的文件…' }).click();
    const dialog = page.getByRole('dialog', { name: /合并同事的文件/ });
    await dialog.getByRole('button', { name: '并入', exact: true }).click();
    const notice = page.getByRole('status');
    await expect(notice).toContainText(
      '项目「数控实训中心耗材补充项目」的财政拨款 387,664.62 元 换算成万元会丢失数字，已按 0 计并保留原数，请手工填写。',
    );
    // Not the four seconds of a plain confirmation.
    await expect(notice).toHaveClass(/notice-warning/);
    await page.waitForTimeout(5000);
    await expect(notice).toContainText('请手工填写');
  });
});
