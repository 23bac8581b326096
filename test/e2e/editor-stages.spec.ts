import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { documentSchema, type JixiaoDocument } from '../../shared/model';
import { scoreProject, scoringRulesFor } from '../../shared/scoring';
import { expect, test } from './harness';
import { cell, COLUMNS } from './editor-steps';
import { readDocument } from './monkey';
import { shot } from './shots';

/**
 * A clerk's year in one document (issue 17): the sample's first project (安保和物业管理服务经费,
 * 638.00 万元) through 监控 in July and 自评 after the year, typed with the keyboard; the target
 * fields stay locked until 目标调整 is unlocked, and undoing everything gives the sample back.
 */
test.use({ viewport: { width: 1366, height: 768 } });

async function withTestHook(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { __jixiaoTestHooks: boolean }).__jixiaoTestHooks = true;
  });
}

const documentNow = async (page: Page): Promise<JixiaoDocument> =>
  documentSchema.parse(JSON.parse(await readDocument(page)));

test('监控 and 自评 typed with the keyboard, scores computed, targets locked, all undone', async ({
  app,
}) => {
  test.setTimeout(120_000);
  const page = app.page;
  await withTestHook(page);
  await app.start();
  await cell(page, 1, COLUMNS.name).click();
  const original = await readDocument(page);
  const panel = page.getByRole('complementary', { name: '项目详情' });

  // 监控 with the keyboard: Alt+2 from the grid; the panel shows the monitoring fields.
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('radio', { name: '监控' })).toHaveAttribute('aria-checked', 'true');
  const asOf = panel.getByRole('textbox', { name: '监控时点', exact: true });
  await asOf.click();
  await page.keyboard.type('7月');
  // Tab walks the money table: 年初预算数 ×3, 全年预算数 ×3, then 截至监控时点执行数.
  for (let step = 0; step < 7; step++) await page.keyboard.press('Tab');
  await expect(
    panel.getByRole('textbox', { name: '截至监控时点执行数当年财政拨款', exact: true }),
  ).toBeFocused();
  await page.keyboard.type('191.4');
  await page.keyboard.press('Tab');
  await page.screenshot({ path: shot('stage-monitoring-top.png') });

  // The second indicator (设备设施修复完好率, 年度指标值 90%): its fields in Tab order.
  const second = panel.getByRole('textbox', { name: '第 2 条截至监控时点完成值', exact: true });
  await second.focus();
  await page.keyboard.type('60%');
  await page.keyboard.press('Tab');
  await expect(
    panel.getByRole('textbox', { name: '第 2 条全年预计完成值', exact: true }),
  ).toBeFocused();
  await page.keyboard.type('85%');
  await page.keyboard.press('Tab');
  await expect(
    panel.getByRole('combobox', { name: '第 2 条完成目标可能性', exact: true }),
  ).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(
    panel.getByRole('checkbox', { name: '第 2 条偏差原因：人员保障', exact: true }),
  ).toBeFocused();
  await page.keyboard.press('Space');
  for (let step = 0; step < 3; step++) await page.keyboard.press('Tab');
  await expect(
    panel.getByRole('textbox', { name: '第 2 条偏差原因说明', exact: true }),
  ).toBeFocused();
  await page.keyboard.type('维修人员暑期轮休');
  await page.keyboard.press('Tab');
  await page.keyboard.type('9月前补齐维修');
  await page.keyboard.press('Tab');
  // 目标进展情况 beside the approved 年度目标 (read-only while the targets are locked).
  await panel.getByRole('textbox', { name: '目标进展情况', exact: true }).focus();
  await page.keyboard.type('维修已完成六成');
  await page.keyboard.press('Tab');
  await page.screenshot({ path: shot('stage-monitoring.png') });

  let document = await documentNow(page);
  const project = () => document.units[0]!.projects[0]!;
  expect(project().monitoring).toEqual({
    asOf: '2025-07',
    executed: { fiscal: 19_140, carryover: 0, other: 0 },
    goalProgress: '维修已完成六成',
  });
  expect(project().indicators[1]!.monitoring).toEqual({
    toDate: '60%',
    forecast: '85%',
    likelihood: '有可能',
    causes: ['人员保障'],
    causeText: '维修人员暑期轮休',
    corrective: '9月前补齐维修',
  });

  // 自评: 全年执行数 and the actual values; the scores are computed from what was typed.
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('radio', { name: '自评' })).toHaveAttribute('aria-checked', 'true');
  await panel.getByRole('textbox', { name: '全年执行数当年财政拨款', exact: true }).fill('638');
  await panel
    .getByRole('combobox', { name: '第 1 条完成等级', exact: true })
    .selectOption('达成年度指标');
  await page.screenshot({ path: shot('stage-evaluation-top.png') });
  const actuals = ['88%', '0', '92%', '89%'];
  for (const [offset, value] of actuals.entries()) {
    const field = panel.getByRole('textbox', { name: `第 ${offset + 2} 条实际完成值` });
    await field.focus();
    await page.keyboard.type(value);
    await page.keyboard.press('Tab');
  }
  // 88% of a 90% target scores 88/90 × 25 = 24.44; 89% of 90% scores 89/90 × 5 = 4.94.
  await expect(panel.locator('output[aria-label="第 2 条得分"]')).toHaveText('24.44');
  await expect(panel.locator('output[aria-label="总分"]')).toHaveText('99.38');
  await panel.getByRole('textbox', { name: '实际完成情况', exact: true }).focus();
  await page.keyboard.type('全年维修完成');
  await page.keyboard.press('Tab');
  document = await documentNow(page);
  expect(project().evaluation?.goalActual).toBe('全年维修完成');
  await page.screenshot({ path: shot('stage-evaluation.png') });

  // Target fields refuse edits while locked: the panel's field is read-only, the grid says why.
  const annual = panel.getByRole('textbox', { name: '第 2 条年度指标值', exact: true });
  await annual.focus();
  await page.keyboard.type('95');
  await expect(annual).toHaveValue('90%');
  await cell(page, 1, COLUMNS.name).click();
  await page.keyboard.type('改名');
  await expect(page.getByText(/目标已锁定：/)).toBeVisible();
  const before = await readDocument(page);

  // 目标调整: unlocked with who and why, the edit and its record are kept in the document.
  await page.getByRole('button', { name: '目标调整…' }).click();
  const dialog = page.getByRole('dialog', { name: '目标调整' });
  await dialog.getByRole('textbox', { name: '调整人', exact: true }).fill('李会计');
  await dialog.getByRole('textbox', { name: '调整原因', exact: true }).fill('年中预算调整');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await annual.fill('≥88%');
  await annual.press('Enter');
  await page.screenshot({ path: shot('stage-adjusted.png') });

  // Saved through the host: the file holds the stage data and the adjustment record.
  const target = join(app.disk, '2025年全年');
  app.dialogs.saveAnswers.push(target);
  await app.menu('save');
  await expect(page.getByTestId('file-name')).not.toContainText('未保存');
  const saved = documentSchema.parse(JSON.parse(await readFile(`${target}.jixiao.json`, 'utf8')));
  document = saved;
  expect(before).not.toContain('改名');
  expect(project().evaluation?.executed).toEqual({ fiscal: 63_800, carryover: 0, other: 0 });
  expect(project().indicators.map((indicator) => indicator.evaluation?.actual)).toEqual([
    undefined,
    '88%',
    '0',
    '92%',
    '89%',
  ]);
  expect(project().indicators[1]!.annual).toEqual({ sign: '≥', value: '88', unit: '%' });
  const [record] = saved.targetAdjustments ?? [];
  expect(record).toMatchObject({ by: '李会计', stage: 'evaluation', reason: '年中预算调整' });
  expect(record!.changes).toEqual([
    {
      projectId: 'p1',
      indicatorId: 'i2',
      subject: '设备设施修复完好率',
      field: '年度指标值',
      before: '90%',
      after: '≥88%',
    },
  ]);
  // The scores of the saved document: 88% now meets ≥88%, so the total is 99.38 + 0.56.
  const score = scoreProject(saved, 'p1', scoringRulesFor(saved))!;
  expect(score.lines.map((line) => line.score)).toEqual([2500, 2500, 3000, 500, 494]);
  expect(score.total).toBe(9994);
  await expect(panel.locator('output[aria-label="总分"]')).toHaveText('99.94');

  // Undo everything: the sample comes back exactly.
  const undo = page.locator('.toolbar button[data-action="undo"]');
  while (await undo.isEnabled()) await app.menu('undo');
  expect(await readDocument(page)).toBe(original);
});

// A slow office PC: the panel re-rendered an edited project late (deferred), so a drop-down
// changed by two quick ArrowDowns was reset between them and the second key was lost.
test('two quick keys on a panel drop-down both count, on a slow machine', async ({ app }) => {
  const page = app.page;
  await withTestHook(page);
  await app.start();
  await cell(page, 1, COLUMNS.name).click();
  const panel = page.getByRole('complementary', { name: '项目详情' });
  await page.keyboard.press('Alt+2');
  const likelihood = panel.getByRole('combobox', { name: '第 2 条完成目标可能性', exact: true });
  await likelihood.focus();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
  try {
    for (let round = 0; round < 3; round++) {
      // '' → 确定能 → 有可能, then back up to ''.
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await expect
        .poll(
          async () => (await documentNow(page)).units[0]!.projects[0]!.indicators[1]!.monitoring,
        )
        .toMatchObject({ likelihood: '有可能' });
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      await expect
        .poll(
          async () =>
            (await documentNow(page)).units[0]!.projects[0]!.indicators[1]!.monitoring
              ?.likelihood ?? '',
        )
        .toBe('');
    }
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
});
