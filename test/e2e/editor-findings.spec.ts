import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './harness';
import { shot } from './shots';
import { cell, COLUMNS, enableTestHook, indicatorsOf } from './editor-steps';

/**
 * True when the whole of `field` shows in the project panel: inside the panel's box and below
 * its sticky heading, not merely somewhere in the panel's scrolled-away content.
 */
async function inPanelView(page: Page, field: Locator): Promise<boolean> {
  const panel = await page.locator('.project-panel').boundingBox();
  const heading = await page.locator('.project-panel > .panel-header').boundingBox();
  const box = await field.boundingBox();
  if (!panel || !heading || !box) return false;
  return (
    box.y >= heading.y + heading.height &&
    box.y + box.height <= panel.y + panel.height &&
    box.x >= panel.x &&
    box.x + box.width <= panel.x + panel.width
  );
}

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

  test('修复 pressed from the keyboard: the keys go on in the list, at the finding now in its place', async ({
    app,
  }) => {
    await app.start();
    const page = app.page;
    await page.getByRole('button', { name: '检查', exact: true }).click();
    const panel = page.getByRole('complementary', { name: '检查结果' });
    const counts = panel.locator('.findings-counts');
    await expect(counts).toHaveText(/警告 \d+/);
    const before = await counts.textContent();
    const fix = panel.locator('.finding-fix').first();
    const at = await fix.evaluate((button) =>
      [...document.querySelectorAll('.findings-list > li')].indexOf(button.closest('li')!),
    );
    await fix.focus();
    await page.keyboard.press('Enter');
    await expect(counts).not.toHaveText(before ?? '');
    // The focus is on the finding that took the fixed one's place, not on 全部 at the top.
    const focused = page.locator('.findings-list > li').nth(at).locator('.finding-target');
    await expect(focused).toBeFocused();
    // And the next Enter shows that finding in the table.
    const target = (await focused.textContent()) ?? '';
    await page.keyboard.press('Enter');
    const name = await page
      .locator('table.disclosure [data-active]')
      .evaluate(
        (active) => active.closest('tr')?.querySelector('[data-col="0"]')?.textContent ?? '',
      );
    expect(target).toContain(name.replace(/^⠿\s*/, '').trim().slice(0, 6));
  });

  test('a finding about an indicator far down the list scrolls the panel to it', async ({
    app,
  }) => {
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await enableTestHook(app.page);
    await app.start();
    const page = app.page;
    await page.getByRole('button', { name: '检查', exact: true }).click();
    const findings = page.getByRole('complementary', { name: '检查结果' });
    const panel = page.locator('.project-panel');
    const finding = (project: string, indicator: string, rule: string) =>
      findings
        .locator('.finding')
        .filter({ hasText: project })
        .filter({ hasText: `「${indicator}」` })
        .filter({ has: page.locator(`[data-rule="${rule}"]`) });

    // V12 on the 14th of 技能竞赛's 15 indicators: 「0」 of a 反向指标 written without ≤ or ＝.
    const accident = finding('技能竞赛设备设施购置项目', '重大安全事故发生数量', 'V12');
    await accident.locator('.finding-target').click();
    await expect(panel.getByLabel('第 14 条三级指标', { exact: true })).toHaveValue(
      '重大安全事故发生数量',
    );
    const period = panel.getByLabel('第 14 条实施周期指标值符号', { exact: true });
    const annual = panel.getByLabel('第 14 条年度指标值符号', { exact: true });
    await expect.poll(() => inPanelView(page, period)).toBe(true);
    await expect.poll(() => inPanelView(page, annual)).toBe(true);
    await page.screenshot({ path: shot('findings-panel-scroll-1366.png') });
    // The clerk corrects it right there, as the fix proposes (＝0起); the finding goes.
    for (const which of ['实施周期指标值', '年度指标值']) {
      await panel.getByLabel(`第 14 条${which}符号`, { exact: true }).selectOption('＝');
      await panel.getByLabel(`第 14 条${which}单位`, { exact: true }).click();
      await page.keyboard.type('起');
      await page.keyboard.press('Enter');
    }
    await expect
      .poll(async () => (await indicatorsOf(page, '技能竞赛设备设施购置项目'))[13])
      .toBe('效益指标/社会效益指标/重大安全事故发生数量/＝0起/＝0起');
    await expect(accident).toHaveCount(0);

    // Another project's 11th of 13: the panel follows the grid to it, then scrolls.
    await finding('智慧校园管理系统升级改造项目', '应用类系统可用率', 'V9')
      .locator('.finding-target')
      .click();
    await expect(panel.getByLabel('第 11 条三级指标', { exact: true })).toHaveValue(
      '应用类系统可用率',
    );
    await expect
      .poll(() =>
        inPanelView(page, panel.getByLabel('第 11 条实施周期指标值指标值', { exact: true })),
      )
      .toBe(true);

    // Back up the list to a 二级 that is wrong: its drop-down is in sight.
    await finding('技能竞赛设备设施购置项目', '实训室使用率', 'V11')
      .locator('.finding-target')
      .click();
    await expect(panel.getByLabel('第 11 条三级指标', { exact: true })).toHaveValue('实训室使用率');
    const level2 = panel.getByLabel('第 11 条二级指标', { exact: true });
    await expect(level2).toHaveValue('经济效益指标');
    await expect.poll(() => inPanelView(page, level2)).toBe(true);
    await page.screenshot({ path: shot('findings-panel-level2-1366.png') });
  });
});
