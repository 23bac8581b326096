import type { Locator } from '@playwright/test';
import { expect, test } from './harness';
import { cell, COLUMNS } from './editor-steps';

/** Where the text box's selection is, and what it selects. */
async function selected(locator: Locator) {
  return locator.evaluate((element: HTMLInputElement | HTMLTextAreaElement) =>
    element.value.slice(element.selectionStart ?? 0, element.selectionEnd ?? 0),
  );
}

test.describe('find reveals fields the grid does not show', () => {
  test('an indicator name deep in a project: the panel opens there, scrolls to it and selects it', async ({
    app,
  }) => {
    await app.start();
    const page = app.page;
    await cell(page, 1, COLUMNS.name).click();
    const panel = page.getByRole('complementary', { name: '项目详情' });
    await page.getByRole('button', { name: '收起' }).click();
    await expect(panel).toHaveCount(0);

    await page.keyboard.press('Control+F');
    const box = page.getByRole('textbox', { name: '查找' });
    await box.fill('安全事故发生数量');
    await expect(page.locator('.find-count')).toHaveText(/^第 1 \/ \d+ 处$/);
    await box.press('Enter');
    // 市机电技师学院技能竞赛设备设施购置项目, its 14th of 15 indicators.
    await expect(cell(page, 3, COLUMNS.indicators)).toHaveAttribute('data-active');
    await expect(panel.getByRole('textbox', { name: '项目名称' })).toHaveValue(
      '市机电技师学院技能竞赛设备设施购置项目',
    );
    const name = panel.getByLabel('第 14 条三级指标');
    await expect(name).toHaveClass(/find-hit/);
    await expect(name).toBeInViewport();
    // The find bar keeps the keyboard, so Enter can go on to the next match.
    await expect(box).toBeFocused();
    await expect(panel.locator('.find-hit')).toHaveCount(1);

    await box.press('Escape');
    await expect(page.getByRole('search')).toHaveCount(0);
    await expect(name).toBeFocused();
    expect(await selected(name)).toBe('安全事故发生数量');
    await expect(name).not.toHaveClass(/find-hit/);
  });

  test('Esc pressed at once after Enter still lands on the revealed field, not in the grid', async ({
    app,
  }) => {
    await app.start();
    const page = app.page;
    await cell(page, 1, COLUMNS.name).click();
    const panel = page.getByRole('complementary', { name: '项目详情' });
    await page.keyboard.press('Control+F');
    const box = page.getByRole('textbox', { name: '查找' });
    await box.fill('安全事故发生数量');
    await expect(page.locator('.find-count')).toHaveText(/^第 1 \/ \d+ 处$/);
    // Enter and Esc in one go, before the panel has followed to p3.
    await box.press('Enter');
    await box.press('Escape');
    const name = panel.getByLabel('第 14 条三级指标');
    await expect(name).toBeFocused();
    expect(await selected(name)).toBe('安全事故发生数量');
  });

  test('in a stage view, Esc after a match its panel does not mark goes straight to the grid', async ({
    app,
  }) => {
    await app.start();
    const page = app.page;
    await cell(page, 1, COLUMNS.name).click();
    await page.keyboard.press('Alt+2');
    await page.keyboard.press('Control+F');
    const box = page.getByRole('textbox', { name: '查找' });
    await box.fill('安全事故发生数量');
    await box.press('Enter');
    await expect(page.locator('table.disclosure [data-active]')).toHaveAttribute('data-row', '3');
    await box.press('Escape');
    // Within a moment, not after a wait of seconds on the panel's box.
    await expect(page.getByRole('textbox', { name: '单元格编辑' })).toBeFocused({ timeout: 1500 });
  });

  test('an indicator value and the 实施期目标 are marked in the panel', async ({ app }) => {
    await app.start();
    const page = app.page;
    const panel = page.getByRole('complementary', { name: '项目详情' });
    // A 实施期目标 only the panel edits, on the first project.
    await cell(page, 1, COLUMNS.name).click();
    const periodGoal = panel.getByRole('textbox', { name: '实施期目标' });
    await periodGoal.fill('三年内建成平安校园示范点，师生安全感持续提升。');
    await periodGoal.press('Tab');

    await cell(page, 14, COLUMNS.name).click();
    await page.keyboard.press('Control+F');
    const box = page.getByRole('textbox', { name: '查找' });
    await box.fill('平安校园示范点');
    await expect(page.locator('.find-count')).toHaveText('第 1 / 1 处');
    await box.press('Enter');
    await expect(panel.getByRole('textbox', { name: '项目名称' })).toHaveValue(
      '市机电技师学院安保和物业管理服务经费',
    );
    await expect(panel.getByRole('textbox', { name: '实施期目标' })).toHaveClass(/find-hit/);
    await expect(panel.getByRole('textbox', { name: '实施期目标' })).toBeInViewport();

    // 89台套 is a value: the first match is the 实施周期 value of indicator 9 of project 3.
    await box.fill('89台套');
    await box.press('Enter');
    await expect(panel.getByRole('textbox', { name: '项目名称' })).toHaveValue(
      '市机电技师学院技能竞赛设备设施购置项目',
    );
    const period = panel
      .locator('tbody.indicator')
      .nth(8)
      .locator('[data-field="indicator.period"]');
    await expect(period).toHaveClass(/find-hit/);
    await expect(panel.locator('.find-hit')).toHaveCount(1);
    await box.press('Enter');
    await expect(
      panel.locator('tbody.indicator').nth(8).locator('[data-field="indicator.annual"]'),
    ).toHaveClass(/find-hit/);
    await box.press('Escape');
    const value = panel.getByRole('textbox', { name: '第 9 条年度指标值指标值' });
    await expect(value).toBeFocused();
    expect(await selected(value)).toBe('89');

    // A match the grid shows (年度目标) takes the mark away from the panel.
    await page.keyboard.press('Control+F');
    await box.fill('安保');
    await box.press('Enter');
    await expect(page.locator('table.disclosure [data-active]')).toContainText('安保');
    await expect(panel.locator('.find-hit')).toHaveCount(0);
  });
});
