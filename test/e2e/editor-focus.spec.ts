import type { Page } from '@playwright/test';
import { expect, test } from './harness';
import { shot } from './shots';
import { cell, COLUMNS, grandTotal } from './editor-steps';

/** The open document, read through the page's read-only test hook (renderer/src/testHook.ts). */
async function documentOf(page: Page) {
  const text = await page.evaluate(() =>
    (window as unknown as { __jixiaoTest: { document(): string } }).__jixiaoTest.document(),
  );
  return JSON.parse(text) as {
    moneyUnit: string;
    units: Array<{
      projects: Array<{
        id: string;
        name: string;
        money: { fiscal: number };
        indicators: Array<{ id: string; name: string; annual: { value: string } }>;
      }>;
    }>;
  };
}

function isFocused(element: Element): boolean {
  return element === document.activeElement;
}

/** Whether the element is wholly inside the visible part of the panel that scrolls it. */
function inSight(element: Element): boolean {
  const box = element.closest('.project-panel')?.getBoundingClientRect();
  const rect = element.getBoundingClientRect();
  return box !== undefined && rect.top >= box.top && rect.bottom <= box.bottom;
}

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

for (const size of SIZES) {
  test.describe(`focus at ${size.width}×${size.height}`, () => {
    test.beforeEach(async ({ app }) => {
      await app.page.setViewportSize(size);
      await app.page.addInitScript(() => {
        (window as unknown as { __jixiaoTestHooks: boolean }).__jixiaoTestHooks = true;
      });
      await app.start();
    });

    test('Tab from a panel field never reaches the grid: the project keeps its name', async ({
      app,
    }) => {
      const page = app.page;
      await cell(page, 2, COLUMNS.name).click();
      const before = await documentOf(page);
      const project = before.units[0]?.projects[1];
      const value = page.getByLabel('第 1 条实施周期指标值指标值');
      await value.click();
      await value.fill('98');
      // Tab, type, Enter as in the issue: the keys land in the panel's next field, not the grid.
      await page.keyboard.press('Tab');
      await page.keyboard.type('98');
      await page.keyboard.press('Enter');
      for (let index = 0; index < 40; index++) await page.keyboard.press('Tab');
      await page.keyboard.type('77');
      await page.keyboard.press('Enter');
      const after = await documentOf(page);
      expect(after.units[0]?.projects.map((entry) => entry.name)).toEqual(
        before.units[0]?.projects.map((entry) => entry.name),
      );
      expect(after.units[0]?.projects[1]?.id).toBe(project?.id);
      await expect(page.locator('textarea.cell-editor')).not.toBeFocused();
      // Esc returns to the grid at the same project, visibly.
      await page.keyboard.press('Escape');
      await expect(page.locator('textarea.cell-editor')).toBeFocused();
      await expect(cell(page, 2, COLUMNS.name)).toHaveAttribute('data-active');
      await page.screenshot({ path: shot(`focus-panel-${size.width}.png`) });
    });

    test('a dialog opened from the toolbar takes the keys, traps Tab, Esc closes and focus returns', async ({
      app,
    }) => {
      const page = app.page;
      await cell(page, 2, COLUMNS.fiscal).click();
      await page.getByRole('button', { name: '更多' }).click();
      await page.getByRole('menuitem', { name: /文档属性/ }).click();
      const dialog = page.getByRole('dialog', { name: '文档属性' });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByLabel('标题')).toBeFocused();
      await page.keyboard.type('999');
      for (let index = 0; index < 12; index++) await page.keyboard.press('Tab');
      expect(await dialog.evaluate((box) => box.contains(document.activeElement))).toBe(true);
      await page.screenshot({ path: shot(`focus-dialog-${size.width}.png`) });
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(page.locator('textarea.cell-editor')).toBeFocused();
      await expect(grandTotal(page)).toHaveText('4,791.93');
      expect((await documentOf(page)).units[0]?.projects[1]?.money.fiscal).toBe(16000);

      // Alt+Enter opens it too; Enter confirms the default button.
      await page.keyboard.press('Alt+Enter');
      await expect(dialog.getByLabel('标题')).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(dialog).toBeHidden();
      await expect(page.locator('textarea.cell-editor')).toBeFocused();
    });

    test('新增指标 focuses the new indicator: typing names it, not the project', async ({
      app,
    }) => {
      const page = app.page;
      await cell(page, 2, COLUMNS.name).click();
      const before = await documentOf(page);
      await page.keyboard.press('Control+Shift+Enter');
      const name = page.locator('.project-panel input.indicator-name').last();
      await expect(name).toBeFocused();
      await expect(name).toHaveAttribute('placeholder', /三级指标/);
      await expect(name).toBeInViewport();
      await page.keyboard.type('设备完好率');
      await page.keyboard.press('Enter');
      const after = await documentOf(page);
      const project = after.units[0]?.projects[1];
      expect(project?.name).toBe(before.units[0]?.projects[1]?.name);
      expect(project?.indicators.at(-1)?.name).toBe('设备完好率');
      await page.screenshot({ path: shot(`focus-new-indicator-${size.width}.png`) });
    });

    test('新增指标 from an indicator field: its text is written, then the next indicator takes the keys', async ({
      app,
    }) => {
      const page = app.page;
      await cell(page, 2, COLUMNS.name).click();
      const before = (await documentOf(page)).units[0]?.projects[1];
      const panel = page.getByRole('complementary', { name: '项目详情' });
      const last = before?.indicators.length ?? 0;
      const name = panel.getByLabel(`第 ${last} 条三级指标`);
      await name.click();
      await page.keyboard.press('Control+a');
      await page.keyboard.type('教学设备完好率');
      // The clerk types a list of indicators: Ctrl+Shift+Enter, a name, Ctrl+Shift+Enter, a name.
      await page.keyboard.press('Control+Shift+Enter');
      await page.keyboard.type('实验室开放时长');
      await page.keyboard.press('Control+Shift+Enter');
      await page.keyboard.type('学生满意度');
      await page.keyboard.press('Enter');
      await expect
        .poll(async () => (await documentOf(page)).units[0]?.projects[1]?.indicators.length)
        .toBe(last + 2);
      const after = (await documentOf(page)).units[0]?.projects[1];
      expect(after?.indicators.slice(last - 1).map((indicator) => indicator.name)).toEqual([
        '教学设备完好率',
        '实验室开放时长',
        '学生满意度',
      ]);
      // Nothing else moved: the earlier indicators and the project's name are as they were.
      expect(after?.name).toBe(before?.name);
      expect(after?.indicators.slice(0, last - 1)).toEqual(before?.indicators.slice(0, last - 1));
      await expect(panel.getByLabel(`第 ${last + 2} 条三级指标`)).toBeFocused();
      await page.screenshot({ path: shot(`focus-indicator-list-${size.width}.png`) });
    });

    test('F6 walks the open regions; the context menu keeps the keys until Esc', async ({
      app,
    }) => {
      const page = app.page;
      await cell(page, 3, COLUMNS.fiscal).click();
      await page.keyboard.press('F6');
      expect(await page.evaluate(() => !!document.activeElement?.closest('.project-panel'))).toBe(
        true,
      );
      await page.keyboard.press('F6');
      await expect(page.locator('textarea.cell-editor')).toBeFocused();
      await cell(page, 3, COLUMNS.fiscal).click({ button: 'right' });
      await expect(page.getByRole('menuitem').first()).toBeFocused();
      await page.keyboard.type('555');
      await page.keyboard.press('Escape');
      await expect(page.locator('textarea.cell-editor')).toBeFocused();
      expect((await documentOf(page)).units[0]?.projects[2]?.money.fiscal).toBe(77000);
    });

    test('arrow and Page keys on a panel button keep it in sight: the next Enter runs it where the clerk sees it', async ({
      app,
    }) => {
      // The keyboard monkey (seed 2): two ArrowUps on 第 2 条复制 scrolled the panel under it,
      // and the Enter that followed copied an indicator the clerk could not see; the panel was
      // still on another project than the grid's row, because F6 came before it followed.
      const page = app.page;
      await expect(cell(page, 3, COLUMNS.fiscal)).toBeVisible();
      const before = (await documentOf(page)).units[0]?.projects[2];
      // F6 at once after the click, before the panel followed the grid (120 ms): the panel
      // shows the clicked row's project, not the one before it (or none).
      await cell(page, 3, COLUMNS.fiscal).click();
      await page.keyboard.press('F6');
      const panel = page.getByRole('complementary', { name: '项目详情' });
      await expect(panel.getByRole('textbox', { name: '项目名称' })).toHaveValue(
        before?.name ?? '',
      );
      const copy = page.getByRole('button', { name: '第 2 条复制', exact: true });
      for (let index = 0; index < 80 && !(await copy.evaluate(isFocused)); index++) {
        await page.keyboard.press('Tab');
      }
      await expect(copy).toBeFocused();
      const indicators = before?.indicators ?? [];
      for (const key of ['ArrowUp', 'ArrowUp', 'PageUp', 'Home', 'ArrowDown', 'PageDown', 'End'])
        await page.keyboard.press(key);
      // A scroll animates for a moment: look once it would have ended.
      await page.waitForTimeout(400);
      expect(await copy.evaluate(inSight)).toBe(true);
      await page.keyboard.press('Enter');
      const after = (await documentOf(page)).units[0]?.projects[2]?.indicators ?? [];
      expect(after.map((indicator) => indicator.name)).toEqual([
        ...indicators.slice(0, 2).map((indicator) => indicator.name),
        indicators[1]?.name,
        ...indicators.slice(2).map((indicator) => indicator.name),
      ]);
    });

    test("Enter on the panel's 收起 gives the keyboard to the grid: the next amount typed lands there", async ({
      app,
    }) => {
      // The keyboard monkey: Enter on 收起 left the focus nowhere, the next Shift+Tab stopped on
      // the grid's scrolling box, and the keys typed there reached nothing.
      const page = app.page;
      await cell(page, 3, COLUMNS.fiscal).click();
      await page.keyboard.press('F6');
      const collapse = page.locator('.project-panel .panel-header button');
      for (
        let index = 0;
        index < 4 && !(await collapse.evaluate((b) => b === document.activeElement));
        index++
      ) {
        await page.keyboard.press('Shift+Tab');
      }
      await expect(collapse).toBeFocused();
      await page.keyboard.press('Enter');
      await page.keyboard.type('12');
      await page.keyboard.press('Enter');
      await expect(page.locator('.project-panel')).toHaveCount(0);
      expect((await documentOf(page)).units[0]?.projects[2]?.money.fiscal).toBe(1200);
    });
  });
}

// A slow office PC (the keyboard monkey, seed 8): 新增指标 right after a move waits for the new
// field with the focus on the panel, which still shows the project before. A Shift+Tab there
// reached that project's last button and the Enter after it deleted an indicator — of the
// project the panel then caught up with.
test('Shift+Tab and Enter while 新增指标 waits for its field change nothing else, on a slow machine', async ({
  app,
}) => {
  const { page, before } = await onSecondProject(app);
  await slowedDown(page, 20, async () => {
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Control+Shift+Enter');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
  });
  await expect
    .poll(async () => (await documentOf(page)).units[0]?.projects[2]?.indicators.length)
    .toBe((before[2]?.indicators.length ?? 0) + 1);
  const after = (await documentOf(page)).units[0]?.projects ?? [];
  const ids = (project: (typeof before)[number] | undefined) =>
    project?.indicators.map((indicator) => indicator.id) ?? [];
  // The new indicator went to the grid's row; no other indicator came or went anywhere.
  expect(ids(after[1])).toEqual(ids(before[1]));
  expect(ids(after[2]).slice(0, -1)).toEqual(ids(before[2]));
  expect(after[2]?.indicators.length).toBe((before[2]?.indicators.length ?? 0) + 1);
  // However late the panel caught up with the project, the keys end in the new indicator: its
  // name, or the field before it when the Shift+Tab came after the name had the focus (in a
  // loaded run they once stayed on the panel's box: the wait had run out of frames).
  const added = after[2]?.indicators.at(-1)?.id ?? '';
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          document.activeElement?.closest<HTMLElement>('[data-indicator-id]')?.dataset.indicatorId,
      ),
    )
    .toBe(added);
});

// A slow office PC (the keyboard monkey, seed 2 in CI): the grid moved to the next project and F6
// came before the panel had followed. The keyboard went to the button it had last used (第 2 条
// 复制) of the project the panel still showed, and the Enter after it copied an indicator of a
// project the clerk no longer had in the grid.
test("F6 right after a move enters the panel on the grid's project, on a slow machine", async ({
  app,
}) => {
  const { page, panel, before } = await onSecondProject(app);
  // The clerk last used the second indicator's 复制 in the panel, then went back to the grid.
  await panel.getByRole('button', { name: '第 2 条复制' }).focus();
  await page.keyboard.press('Escape');
  await expect(page.locator('textarea.cell-editor')).toBeFocused();
  await slowedDown(page, 20, async () => {
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('F6');
    await page.keyboard.press('Enter');
  });
  await expect
    .poll(async () => (await documentOf(page)).units[0]?.projects[2]?.indicators.length)
    .toBe((before[2]?.indicators.length ?? 0) + 1);
  const after = (await documentOf(page)).units[0]?.projects ?? [];
  // The copy is of the grid's project's second indicator, right after it; the project the panel
  // showed before is untouched.
  expect(after[1]).toEqual(before[1]);
  const copy = after[2]?.indicators[2];
  expect(copy?.name).toBe(before[2]?.indicators[1]?.name);
  expect(copy?.id).not.toBe(before[2]?.indicators[1]?.id);
  await expect(panel.getByRole('textbox', { name: '项目名称' })).toHaveValue(before[2]?.name ?? '');
});

// A clerk on the grid moves to the next project and adds an indicator at once, typing its name
// straight after Ctrl+Shift+Enter. The panel followed the grid only after its pause, and the
// keys typed meanwhile waited on the panel's box and were lost.
test('a move, 新增指标 and its name typed at once: every key lands in the new indicator', async ({
  app,
}) => {
  const { page, before } = await onSecondProject(app);
  await slowedDown(page, 4, async () => {
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Control+Shift+Enter');
    await page.keyboard.type('图书借阅量');
    await page.keyboard.press('Enter');
  });
  await expect
    .poll(async () => (await documentOf(page)).units[0]?.projects[2]?.indicators.at(-1)?.name)
    .toBe('图书借阅量');
  const after = (await documentOf(page)).units[0]?.projects ?? [];
  expect(after[1]).toEqual(before[1]);
  expect(after[2]?.indicators.length).toBe((before[2]?.indicators.length ?? 0) + 1);
  expect(after[2]?.indicators.slice(0, -1)).toEqual(before[2]?.indicators);
  await page.screenshot({ path: shot('focus-new-indicator-typed-1366.png') });
});

/**
 * Opens the sample at 1366×768 with the read-only test hook, on the second project's name with
 * the panel showing it; `before` is the first unit's projects as they were.
 */
async function onSecondProject(app: { page: Page; start(): Promise<void> }) {
  const page = await startSmall(app);
  await cell(page, 2, COLUMNS.name).click();
  const panel = page.getByRole('complementary', { name: '项目详情' });
  const before = (await documentOf(page)).units[0]?.projects ?? [];
  await expect(panel.getByRole('textbox', { name: '项目名称' })).toHaveValue(before[1]?.name ?? '');
  return { page, panel, before };
}

/** Runs `keys` with the page `rate` times slower (CPU throttling), as on a slow office PC. */
async function slowedDown(page: Page, rate: number, keys: () => Promise<void>): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  try {
    await keys();
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
}

/** Opens the sample at 1366×768 with the read-only test hook. */
async function startSmall(app: { page: Page; start(): Promise<void> }): Promise<Page> {
  const page = app.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.addInitScript(() => {
    (window as unknown as { __jixiaoTestHooks: boolean }).__jixiaoTestHooks = true;
  });
  await app.start();
  return page;
}

// The keyboard monkey (seed 8): an undo from a panel field removed the project the panel showed;
// the lost focus went back to the panel's first control, 收起, and the next Enter closed the
// panel — the keys after it then typed into the grid.
test('an undo that removes the panel’s project leaves the keys in the panel: Enter and typing change nothing', async ({
  app,
}) => {
  const page = await startSmall(app);
  await cell(page, 2, COLUMNS.name).click();
  const original = await documentOf(page);
  await page.keyboard.press('Control+Enter');
  await expect
    .poll(async () => (await documentOf(page)).units[0]?.projects.length)
    .toBe((original.units[0]?.projects.length ?? 0) + 1);
  const added = (await documentOf(page)).units[0]?.projects[2];
  const panel = page.getByRole('complementary', { name: '项目详情' });
  await expect(panel.locator(`[data-project-id="${added?.id}"]`)).toBeVisible();
  await page.keyboard.press('F6');
  const code = panel.getByRole('textbox', { name: '项目编码' });
  for (let index = 0; index < 6 && !(await code.evaluate(isFocused)); index++) {
    await page.keyboard.press('Tab');
  }
  await expect(code).toBeFocused();
  // Nothing typed in the field: Ctrl+Z undoes the document's last step, the new project.
  await page.keyboard.press('Control+z');
  await expect
    .poll(async () => (await documentOf(page)).units[0]?.projects.length)
    .toBe(original.units[0]?.projects.length);
  await page.keyboard.press('Enter');
  await page.keyboard.type('12');
  await page.keyboard.press('Enter');
  expect(await documentOf(page)).toEqual(original);
  await expect(panel).toBeVisible();
});

// A field of the panel renders again only when its text changes; the project it writes to must
// follow the panel all the same, also to a project whose field reads the same.
test('a panel field writes to the project the panel shows, after a move to one whose field reads the same', async ({
  app,
}) => {
  const page = await startSmall(app);
  await cell(page, 2, COLUMNS.name).click();
  const before = (await documentOf(page)).units[0]?.projects ?? [];
  const field = '主管部门及代码';
  const panel = page.getByRole('complementary', { name: '项目详情' });
  const supervisor = panel.getByRole('textbox', { name: field });
  await expect(supervisor).toHaveValue((before[1] as { supervisor?: string }).supervisor ?? '');
  // The sample's projects share their 主管部门: the field's text stays the same on the move.
  expect((before[2] as { supervisor?: string }).supervisor).toBe(
    (before[1] as { supervisor?: string }).supervisor,
  );
  await page.keyboard.press('ArrowDown');
  await expect(panel.getByRole('textbox', { name: '项目名称' })).toHaveValue(before[2]?.name ?? '');
  await supervisor.fill('市教育局（101001）');
  await supervisor.press('Enter');
  const after = (await documentOf(page)).units[0]?.projects ?? [];
  expect((after[2] as { supervisor?: string }).supervisor).toBe('市教育局（101001）');
  expect((after[1] as { supervisor?: string }).supervisor).toBe(
    (before[1] as { supervisor?: string }).supervisor,
  );
});

// The keyboard monkey (seed 7): the first 新增指标 after a move waits with the keys on the panel's
// box while the panel catches up; a second one in that moment went to the project the panel
// still showed, and its field never came (the keys then stayed nowhere after a dialog). Fails
// without the fix in every run: a clerk's two quick presses beat the panel's pause.
test('新增指标 twice right after a move: each goes to the grid’s row, none elsewhere', async ({
  app,
}) => {
  const page = await startSmall(app);
  await cell(page, 2, COLUMNS.name).click();
  const panel = page.getByRole('complementary', { name: '项目详情' });
  const before = (await documentOf(page)).units[0]?.projects ?? [];
  await expect(panel.getByRole('textbox', { name: '项目名称' })).toHaveValue(before[1]?.name ?? '');
  const count = (projects: typeof before) =>
    projects.reduce((sum, project) => sum + project.indicators.length, 0);
  // Quicker than the panel's pause before it follows the grid (120 ms).
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Control+Shift+Enter');
  await page.keyboard.press('Control+Shift+Enter');
  // Each 新增指标 adds one to the grid's row, unless the first one's name field had the focus by
  // then (a text field keeps Ctrl+Shift+Enter): one or two, all on that row, none elsewhere.
  const focusedIndicator = () =>
    page.evaluate(
      () =>
        document.activeElement?.closest<HTMLElement>('[data-indicator-id]')?.dataset.indicatorId,
    );
  await expect
    .poll(focusedIndicator)
    .toBe(await documentOf(page).then((doc) => doc.units[0]?.projects[2]?.indicators.at(-1)?.id));
  const after = (await documentOf(page)).units[0]?.projects ?? [];
  const ids = (project: (typeof before)[number] | undefined) =>
    project?.indicators.map((indicator) => indicator.id) ?? [];
  const added = ids(after[2]).length - ids(before[2]).length;
  expect([1, 2]).toContain(added);
  expect(count(after)).toBe(count(before) + added);
  expect(ids(after[1])).toEqual(ids(before[1]));
  expect(ids(after[2]).slice(0, ids(before[2]).length)).toEqual(ids(before[2]));
  expect(await focusedIndicator()).toBe(ids(after[2]).at(-1));
});
