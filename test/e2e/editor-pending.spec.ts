import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { JixiaoDocument } from '../../shared/model';
import { expect, test } from './harness';
import { cell, COLUMNS, enableTestHook } from './editor-steps';
import { readDocument } from './monkey';

/**
 * Typing not yet confirmed with Enter or Tab — in a grid cell or a panel field — is written before
 * a save, a close or another command, as Excel does with a cell being edited: a saved file never
 * leaves out what is on the screen, and a close never throws it away without asking.
 */

const panelOf = (page: Page) => page.getByRole('complementary', { name: '项目详情' });
const documentOf = async (page: Page) => JSON.parse(await readDocument(page)) as JixiaoDocument;
const projects = (document: JixiaoDocument) => document.units.flatMap((unit) => unit.projects);

async function savedFile(path: string): Promise<JixiaoDocument> {
  return JSON.parse(await readFile(`${path}.jixiao.json`, 'utf8')) as JixiaoDocument;
}

test.describe('typing in progress', () => {
  test('Ctrl+S while a cell is being typed in saves the typed amount', async ({ app }) => {
    await enableTestHook(app.page);
    await app.start();
    const page = app.page;
    const target = join(app.disk, '进行中');
    app.dialogs.saveAnswers.push(target);
    // p2 (row 2) has 160.00 in 财政拨款.
    await cell(page, 2, COLUMNS.fiscal).click();
    await page.keyboard.type('99');
    await page.keyboard.press('Control+S');
    await expect(page.getByRole('status')).toContainText('已保存');
    expect(projects(await savedFile(target))[1]?.money.fiscal).toBe(9900);
    await expect(cell(page, 2, COLUMNS.fiscal)).toHaveText('99.00');
  });

  test('Ctrl+S while a panel field is being typed in saves the field', async ({ app }) => {
    await enableTestHook(app.page);
    await app.start();
    const page = app.page;
    const target = join(app.disk, '编码');
    app.dialogs.saveAnswers.push(target);
    await cell(page, 1, COLUMNS.name).click();
    await panelOf(page).getByRole('textbox', { name: '项目编码', exact: true }).click();
    await page.keyboard.type('CODE-001');
    await page.keyboard.press('Control+S');
    await expect(page.getByRole('status')).toContainText('已保存');
    expect(projects(await savedFile(target))[0]?.code).toBe('CODE-001');
  });

  test('closing the window with a cell or a field being typed in asks to save', async ({ app }) => {
    await enableTestHook(app.page);
    await app.start();
    const page = app.page;
    app.dialogs.saveAnswers.push(join(app.disk, '关闭'));
    await app.menu('save');
    await expect(page.getByRole('status')).toContainText('已保存');
    await cell(page, 3, COLUMNS.fiscal).click();
    await page.keyboard.type('5');
    await app.requestClose();
    await expect
      .poll(() => app.dialogs.calls.filter((call) => call.kind === 'confirm'))
      .toHaveLength(1);
    expect(app.windowClosed()).toBe(false);
    expect(projects(await documentOf(page))[2]?.money.fiscal).toBe(500);

    await cell(page, 1, COLUMNS.name).click();
    // The panel follows the grid after a short pause: wait until it shows p1.
    await expect(panelOf(page).getByRole('textbox', { name: '项目名称', exact: true })).toHaveValue(
      /安保和物业管理服务经费/,
    );
    await panelOf(page).getByRole('textbox', { name: '实施单位', exact: true }).click();
    await page.keyboard.type('教务处');
    await app.requestClose();
    await expect
      .poll(() => app.dialogs.calls.filter((call) => call.kind === 'confirm'))
      .toHaveLength(2);
    expect(projects(await documentOf(page))[0]?.implementer).toBe('教务处');
  });

  test('a stage switch or 新增项目 writes the cell once, to the project it was typed in', async ({
    app,
  }) => {
    await enableTestHook(app.page);
    await app.start();
    const page = app.page;
    await cell(page, 2, COLUMNS.fiscal).click();
    await page.keyboard.type('55');
    // Alt+2 is a command and a stage switch: the cell must be written once, not once and then
    // again as empty.
    await page.keyboard.press('Alt+2');
    await expect.poll(async () => projects(await documentOf(page))[1]?.money.fiscal).toBe(5500);
    await page.keyboard.press('Alt+1');
    await cell(page, 3, COLUMNS.fiscal).click();
    await page.keyboard.type('66');
    await page.getByRole('button', { name: '新增项目' }).click();
    const after = projects(await documentOf(page));
    expect(after[2]?.money.fiscal).toBe(6600);
    expect(after).toHaveLength(15);
    expect(after[3]?.money.fiscal ?? 0).toBe(0);
  });

  test('text a field refuses keeps the stage from changing, and stays to be fixed', async ({
    app,
  }) => {
    await enableTestHook(app.page);
    await app.start();
    const page = app.page;
    await cell(page, 1, COLUMNS.name).click();
    await page.keyboard.press('Alt+2');
    // 监控时点 is empty: 目标进展情况 is refused until it is filled.
    const progress = panelOf(page).getByRole('textbox', { name: '目标进展情况', exact: true });
    await progress.click();
    await page.keyboard.type('已完成采购');
    await page.keyboard.press('Alt+3');
    await expect(page.getByRole('alert')).toContainText('输入的内容未能写入');
    await expect(page.getByRole('radio', { name: '监控' })).toBeChecked();
    await expect(progress).toHaveValue('已完成采购');
  });

  test('Ctrl+Z on a drop-down undoes, as everywhere else', async ({ app }) => {
    await enableTestHook(app.page);
    await app.start();
    const page = app.page;
    await cell(page, 1, COLUMNS.name).click();
    const original = await readDocument(page);
    const panel = panelOf(page);
    await panel.getByRole('textbox', { name: '项目编码', exact: true }).click();
    await page.keyboard.type('A01');
    await page.keyboard.press('Tab');
    await page.keyboard.type('B02');
    await page.keyboard.press('Tab');
    await page.keyboard.type('C03');
    await page.keyboard.press('Tab');
    await expect(panel.getByRole('combobox', { name: '项目属性' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => projects(await documentOf(page))[0]?.attribute).toBe('新增');
    for (let step = 0; step < 4; step += 1) await page.keyboard.press('Control+Z');
    await expect.poll(() => readDocument(page)).toBe(original);
  });

  test('Ctrl+Shift+Enter and Ctrl+Enter on a drop-down add an indicator and a project', async ({
    app,
  }) => {
    await enableTestHook(app.page);
    await app.start();
    const page = app.page;
    await cell(page, 2, COLUMNS.name).click();
    const panel = panelOf(page);
    await panel.getByRole('combobox', { name: '项目属性' }).focus();
    await page.keyboard.press('Control+Shift+Enter');
    await expect.poll(async () => projects(await documentOf(page))[1]?.indicators.length).toBe(5);
    // The new indicator's name has the keyboard, as after the shortcut anywhere else.
    await page.keyboard.type('培训人数');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => projects(await documentOf(page))[1]?.indicators[4]?.name)
      .toBe('培训人数');
    await panel.getByRole('combobox', { name: '项目属性' }).focus();
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => projects(await documentOf(page)).length).toBe(15);
  });

  test('a new indicator typed with Tab: digits on the sign go to the value, a sign typed first is read', async ({
    app,
  }) => {
    await enableTestHook(app.page);
    await app.start();
    const page = app.page;
    await cell(page, 2, COLUMNS.name).click();
    await page.keyboard.press('Control+Shift+Enter');
    await page.keyboard.type('培训人数');
    await page.keyboard.press('Tab');
    const panel = panelOf(page);
    await expect(panel.getByRole('combobox', { name: '第 5 条实施周期指标值符号' })).toBeFocused();
    // The clerk means the value: it was swallowed by the list's type-ahead.
    await page.keyboard.type('100');
    await page.keyboard.press('Tab');
    await page.keyboard.type('人次');
    await page.keyboard.press('Tab');
    // On the next sign, > chooses ＞; then a value typed with its sign in front.
    await expect(panel.getByRole('combobox', { name: '第 5 条年度指标值符号' })).toBeFocused();
    await page.keyboard.type('>');
    await expect(panel.getByRole('combobox', { name: '第 5 条年度指标值符号' })).toHaveValue('＞');
    await page.keyboard.type('=');
    await expect(panel.getByRole('combobox', { name: '第 5 条年度指标值符号' })).toHaveValue('≥');
    await page.keyboard.press('Tab');
    await page.keyboard.type('≥95');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => projects(await documentOf(page))[1]?.indicators[4]?.annual)
      .toEqual({ sign: '≥', value: '95', unit: '' });
    const indicator = projects(await documentOf(page))[1]?.indicators[4];
    expect(indicator?.name).toBe('培训人数');
    expect(indicator?.period).toEqual({ sign: '', value: '100', unit: '人次' });
    // On a filled value, digits typed on the sign replace the value, as a Tab into it would.
    await panel.getByRole('combobox', { name: '第 5 条实施周期指标值符号' }).focus();
    await page.keyboard.type('98');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => projects(await documentOf(page))[1]?.indicators[4]?.period)
      .toEqual({ sign: '', value: '98', unit: '人次' });
  });

  test('typing on the 绩效指标 cell with the panel open says where indicators are edited', async ({
    app,
  }) => {
    await enableTestHook(app.page);
    await app.start();
    const page = app.page;
    await cell(page, 2, COLUMNS.indicators).click();
    const original = await readDocument(page);
    await page.keyboard.type('12.5');
    await expect(page.getByRole('status')).toContainText('绩效指标在右侧「项目详情」中逐条编辑');
    await page.keyboard.press('Enter');
    expect(await readDocument(page)).toBe(original);
  });

  test('the panel stays on its project while a field holds text it refused', async ({ app }) => {
    await enableTestHook(app.page);
    await app.start();
    const page = app.page;
    const panel = panelOf(page);
    const name = panel.getByRole('textbox', { name: '项目名称', exact: true });
    await cell(page, 1, COLUMNS.name).click();
    await expect(name).toHaveValue(/安保和物业管理服务经费/);
    const fiscal = panel.getByRole('textbox', { name: '财政拨款', exact: true });
    await fiscal.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('12O');
    await page.keyboard.press('Tab');
    await expect(fiscal).toHaveAttribute('aria-invalid', 'true');
    // The clerk clicks another project: the panel keeps p1 and the typed text, and says why.
    await cell(page, 3, COLUMNS.name).click();
    await expect(page.getByRole('status')).toContainText('「财政拨款」中的输入未能写入');
    await expect(name).toHaveValue(/安保和物业管理服务经费/);
    await expect(fiscal).toHaveValue('12O');
    expect(projects(await documentOf(page))[0]?.money.fiscal).toBe(63800);
    // Esc drops it; the next move is followed.
    await fiscal.click();
    await page.keyboard.press('Escape');
    await cell(page, 4, COLUMNS.name).click();
    await expect(name).not.toHaveValue(/安保和物业管理服务经费/);
  });

  test('a refused panel field, fixed, lets the panel follow the grid again', async ({ app }) => {
    await enableTestHook(app.page);
    await app.start();
    const page = app.page;
    const panel = panelOf(page);
    const name = panel.getByRole('textbox', { name: '项目名称', exact: true });
    await cell(page, 1, COLUMNS.name).click();
    const fiscal = panel.getByRole('textbox', { name: '财政拨款', exact: true });
    await fiscal.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('12O');
    await page.keyboard.press('Tab');
    await cell(page, 3, COLUMNS.name).click();
    await expect(name).toHaveValue(/安保和物业管理服务经费/);
    await fiscal.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('12');
    await page.keyboard.press('Enter');
    expect(projects(await documentOf(page))[0]?.money.fiscal).toBe(1200);
    // Back to the grid's row (still p3): the panel follows it.
    await cell(page, 3, COLUMNS.name).click();
    await expect(name).toHaveValue(/技能竞赛设备设施购置项目/);
  });

  test('a refused cell keeps the cursor: a click elsewhere does not leave it open out of sight', async ({
    app,
  }) => {
    await enableTestHook(app.page);
    await app.start();
    const page = app.page;
    await cell(page, 1, COLUMNS.fiscal).click();
    const original = await readDocument(page);
    await page.keyboard.type('12O');
    await page.keyboard.press('Enter');
    await expect(page.locator('.cell-error')).toBeVisible();
    // A click on another project's cell: the refused cell stays active, its text and reason
    // with it (it used to stay open behind the new cell, and the next Enter wrote it to p1).
    await cell(page, 3, COLUMNS.name).click();
    await expect(cell(page, 1, COLUMNS.fiscal)).toHaveAttribute('data-active', '');
    await expect(page.locator('.cell-error')).toBeVisible();
    await expect(page.getByRole('textbox', { name: '单元格编辑' })).toHaveValue('12O');
    // Fixed, it is written to p1 and the next click goes where it points.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('12');
    await page.keyboard.press('Enter');
    await cell(page, 3, COLUMNS.other).click();
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    const before = projects(JSON.parse(original) as JixiaoDocument);
    const after = projects(await documentOf(page));
    expect(after[0]?.money.fiscal).toBe(1200);
    expect(after[2]?.money.other).toBe(700);
    expect(after.map((project) => project.name)).toEqual(before.map((project) => project.name));
  });

  test('a right-click elsewhere while a refused cell stays open opens no menu for the wrong row', async ({
    app,
  }) => {
    await enableTestHook(app.page);
    await app.start();
    const page = app.page;
    await cell(page, 1, COLUMNS.fiscal).click();
    await page.keyboard.type('12O');
    await page.keyboard.press('Enter');
    await expect(page.locator('.cell-error')).toBeVisible();
    await cell(page, 3, COLUMNS.name).click({ button: 'right' });
    await expect(page.getByRole('menu')).toHaveCount(0);
    await expect(cell(page, 1, COLUMNS.fiscal)).toHaveAttribute('data-active', '');
    // On the refused cell itself the menu opens as usual.
    await cell(page, 1, COLUMNS.fiscal).click({ button: 'right' });
    await expect(page.getByRole('menu')).toBeVisible();
  });

  test('an undo that removes a row above a refused cell moves the cursor with its project', async ({
    app,
  }) => {
    await enableTestHook(app.page);
    await app.start();
    const page = app.page;
    await cell(page, 1, COLUMNS.name).click();
    await page.keyboard.press('Control+Enter');
    await expect(cell(page, 2, COLUMNS.name)).toHaveAttribute('data-active', '');
    // p3 is row 4 now: a refused amount there, then 撤销 from the toolbar removes the new row.
    await cell(page, 4, COLUMNS.fiscal).click();
    await page.keyboard.type('12O');
    await page.keyboard.press('Enter');
    await expect(page.locator('.cell-error')).toBeVisible();
    await page.getByRole('button', { name: /^撤销/ }).click();
    await expect(cell(page, 3, COLUMNS.fiscal)).toHaveAttribute('data-active', '');
    await expect(page.getByRole('textbox', { name: '单元格编辑' })).toHaveValue('12O');
    await cell(page, 3, COLUMNS.fiscal).click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('12');
    await page.keyboard.press('Enter');
    const after = projects(await documentOf(page));
    expect(after).toHaveLength(14);
    expect(after[2]?.money.fiscal).toBe(1200);
  });
});
