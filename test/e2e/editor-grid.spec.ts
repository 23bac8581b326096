import { expect, test } from './harness';
import type { JixiaoDocument } from '../../shared/model';
import {
  activeRowId,
  cell,
  cellEditor,
  COLUMNS,
  enableTestHook,
  grandTotal,
  typeInCell,
} from './editor-steps';
import { readDocument } from './monkey';

test.describe('editing the disclosure table', () => {
  test('typing an amount updates 总计, the unit row and 合计; undo and redo step back and forth', async ({
    app,
  }) => {
    await app.start();
    const page = app.page;
    await expect(grandTotal(page)).toHaveText('4,791.93');
    await typeInCell(page, 2, COLUMNS.fiscal, '170.5');
    await expect(cell(page, 2, COLUMNS.fiscal)).toHaveText('170.50');
    await expect(cell(page, 2, COLUMNS.total)).toHaveText('170.50');
    await expect(cell(page, 0, COLUMNS.total)).toHaveText('4,802.43');
    await expect(grandTotal(page)).toHaveText('4,802.43');
    // Enter confirmed and moved down, as in a spreadsheet.
    await expect(cell(page, 3, COLUMNS.fiscal)).toHaveAttribute('data-active');
    await expect(page.getByTestId('file-name')).toContainText('未保存');
    await expect(page).toHaveTitle(/^● .+ - 绩效目标表编辑器$/);

    await page.keyboard.press('Control+Z');
    await expect(grandTotal(page)).toHaveText('4,791.93');
    await expect(cell(page, 2, COLUMNS.fiscal)).toHaveText('160.00');
    await page.keyboard.press('Control+Y');
    await expect(grandTotal(page)).toHaveText('4,802.43');
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+Shift+Z');
    await expect(grandTotal(page)).toHaveText('4,802.43');
    await page.getByRole('button', { name: '撤销' }).click();
    await expect(grandTotal(page)).toHaveText('4,791.93');
  });

  test('undo and redo take the cursor to the project they changed, out of sight or not, but not from the panel', async ({
    app,
  }) => {
    const page = app.page;
    await enableTestHook(page);
    await app.start();
    const fiscalOf = async (id: string) =>
      (JSON.parse(await readDocument(page)) as JixiaoDocument).units
        .flatMap((unit) => unit.projects)
        .find((project) => project.id === id)?.money.fiscal;
    // An amount far down the table (p13), then back to the top.
    await cell(page, 13, COLUMNS.fiscal).click();
    const project = await activeRowId(page);
    const before = await fiscalOf(project as string);
    await page.keyboard.type('12.5');
    await page.keyboard.press('Enter');
    expect(await fiscalOf(project as string)).toBe(1250);
    await cell(page, 1, COLUMNS.name).click();
    await expect(cell(page, 13, COLUMNS.fiscal)).not.toBeInViewport();
    // Ctrl+Z puts the amount back and shows where: the cursor is on p13 again, in sight.
    await page.keyboard.press('Control+Z');
    expect(await fiscalOf(project as string)).toBe(before);
    expect(await activeRowId(page)).toBe(project);
    await expect(cell(page, 13, COLUMNS.name)).toHaveAttribute('data-active');
    await expect(cell(page, 13, COLUMNS.name)).toBeInViewport();
    // Redo from elsewhere goes there too.
    await cell(page, 2, COLUMNS.name).click();
    await page.keyboard.press('Control+Y');
    expect(await fiscalOf(project as string)).toBe(1250);
    expect(await activeRowId(page)).toBe(project);
    // From a field of the project panel the cursor stays: the panel keeps its project.
    await cell(page, 2, COLUMNS.name).click();
    const p2 = await activeRowId(page);
    const panel = page.getByRole('complementary', { name: '项目详情' });
    await panel.getByRole('textbox', { name: '项目名称', exact: true }).focus();
    await page.keyboard.press('Control+Z');
    expect(await fiscalOf(project as string)).toBe(before);
    expect(await activeRowId(page)).toBe(p2);
  });

  test('arrows, Tab and Shift+Tab move; Enter/F2 edit; Esc cancels; Delete clears', async ({
    app,
  }) => {
    await app.start();
    const page = app.page;
    await cell(page, 1, COLUMNS.name).click();
    await page.keyboard.press('ArrowRight');
    await expect(cell(page, 1, COLUMNS.total)).toHaveAttribute('data-active');
    await page.keyboard.press('Tab');
    await expect(cell(page, 1, COLUMNS.fiscal)).toHaveAttribute('data-active');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await expect(cell(page, 2, COLUMNS.fiscal)).toHaveAttribute('data-active');
    await page.keyboard.press('ArrowUp');

    // Enter opens the cell with its amount; Esc leaves it as it was.
    await page.keyboard.press('Enter');
    await expect(cellEditor(page)).toHaveValue('638.00');
    await page.keyboard.type('9');
    await page.keyboard.press('Escape');
    await expect(cell(page, 1, COLUMNS.fiscal)).toHaveText('638.00');

    // F2, then a typo: the amount is refused with a reason and the editor stays open.
    await page.keyboard.press('F2');
    await page.keyboard.type('元');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toContainText('不是有效的金额');
    await expect(cellEditor(page)).toHaveAttribute('data-grid-editor', 'editing');
    await page.keyboard.press('Escape');

    await page.keyboard.press('Delete');
    await expect(cell(page, 1, COLUMNS.fiscal)).toHaveText('');
    await expect(grandTotal(page)).toHaveText('4,153.93');
    // 总计 is derived: typing there changes nothing and says why.
    await cell(page, 1, COLUMNS.total).click();
    await page.keyboard.type('5');
    await expect(page.getByRole('status')).toContainText('自动相加');
    await expect(grandTotal(page)).toHaveText('4,153.93');
  });

  test("one cell, the cursor's, is marked active through moves, a range, an edit and a scroll", async ({
    app,
  }) => {
    await app.start();
    const page = app.page;
    const marked = page.locator('.grid-scroll [data-active]');
    const expectActive = async (row: number, column: number) => {
      await expect(marked).toHaveCount(1);
      await expect(marked).toHaveAttribute('data-row', String(row));
      await expect(marked).toHaveAttribute('data-col', String(column));
    };
    await cell(page, 2, COLUMNS.fiscal).click();
    await expectActive(2, COLUMNS.fiscal);
    // A range: its cells are selected, the active one is where the keys went.
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    await expect(page.locator('.grid-scroll .selected')).toHaveCount(4);
    await expectActive(3, COLUMNS.specialAccount);
    await page.keyboard.press('ArrowLeft');
    await expect(page.locator('.grid-scroll .selected')).toHaveCount(0);
    await expectActive(3, COLUMNS.fiscal);
    // An amount confirmed renders its row again; Enter moves down.
    await page.keyboard.type('12');
    await page.keyboard.press('Enter');
    await expect(cell(page, 3, COLUMNS.fiscal)).toHaveText('12.00');
    await expectActive(4, COLUMNS.fiscal);
    // To the end and back, as a spreadsheet: the first cell of the table.
    await page.keyboard.press('Control+End');
    await expect(marked).toHaveCount(1);
    await page.keyboard.press('Control+Home');
    await expectActive(0, COLUMNS.name);
  });

  test('a goal with line breaks (Alt+Enter) and a new project name typed in Chinese', async ({
    app,
  }) => {
    await app.start();
    const page = app.page;
    await cell(page, 12, COLUMNS.goal).click();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('培养职业教育硕士2名。');
    await page.keyboard.press('Alt+Enter');
    await page.keyboard.insertText('提升师资学历层次。');
    await page.keyboard.press('Enter');
    await expect(cell(page, 12, COLUMNS.goal)).toHaveText(
      '培养职业教育硕士2名。\n提升师资学历层次。',
    );
    await cell(page, 12, COLUMNS.name).click();
    await page.keyboard.insertText('定向培养职业教育硕士补贴（2025年）');
    await page.keyboard.press('Tab');
    await expect(cell(page, 12, COLUMNS.name)).toContainText('定向培养职业教育硕士补贴（2025年）');
    // Tab passes the summed 总计.
    await expect(cell(page, 12, COLUMNS.fiscal)).toHaveAttribute('data-active');
    // Two gestures, two undo steps.
    await page.keyboard.press('Control+Z');
    await expect(cell(page, 12, COLUMNS.name)).toContainText(
      '广州市机电技师学院定向培养职业教育硕士补贴',
    );
    await expect(cell(page, 12, COLUMNS.goal)).toContainText('提升师资学历层次。');
  });
});
