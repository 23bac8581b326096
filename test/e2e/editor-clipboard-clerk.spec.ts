import { expect, test } from './harness';
import type { JixiaoDocument, Project } from '../../shared/model';
import {
  cell,
  COLUMNS,
  enableTestHook,
  indicatorsOf,
  pasteIntoGrid,
  typeInCell,
} from './editor-steps';
import { readDocument } from './monkey';

test.use({ viewport: { width: 1366, height: 768 } });

type Page = Parameters<typeof readDocument>[0];

/** The open document as JSON through the test hook, once the sample has opened. */
async function documentText(page: Page): Promise<string> {
  await expect.poll(() => readDocument(page)).not.toBeNull();
  return readDocument(page);
}

/** The open document's projects by id. */
async function projects(page: Page): Promise<Map<string, Project>> {
  const document = JSON.parse(await documentText(page)) as JixiaoDocument;
  return new Map(
    document.units.flatMap((unit) => unit.projects).map((project) => [project.id, project]),
  );
}

/** Rows copied from a published table's indicator columns: 一级, 二级, 三级, 实施周期, 年度. */
const PUBLISHED_ROWS =
  '产出指标\t数量指标\t培训人数\t≥100人次\t≥100人次\r\n' +
  '产出指标\t质量指标\t合格率\t≥95%\t≥95%\r\n' +
  '效益指标\t社会效益指标\t就业率\t≥90%\t≥90%';

test.describe('grid pastes a clerk makes from published tables', () => {
  test('indicator rows pasted on a 绩效指标 cell are added to that project only, one undo step', async ({
    app,
  }) => {
    await enableTestHook(app.page);
    await app.start();
    const page = app.page;
    const before = await projects(page);
    expect(before.get('p2')?.indicators).toHaveLength(4);
    await cell(page, 2, COLUMNS.indicators).click();
    await pasteIntoGrid(page, { text: PUBLISHED_ROWS });
    await expect(page.getByRole('status')).toContainText('添加 3 条绩效指标');
    const after = await projects(page);
    expect(after.get('p2')?.indicators).toHaveLength(7);
    expect((await indicatorsOf(page, '教学实训设备维修维护')).slice(4)).toEqual([
      '产出指标/数量指标/培训人数/≥100人次/≥100人次',
      '产出指标/质量指标/合格率/≥95%/≥95%',
      '效益指标/社会效益指标/就业率/≥90%/≥90%',
    ]);
    expect(after.get('p2')?.raw).toEqual(before.get('p2')?.raw);
    for (const id of ['p1', 'p3', 'p4', 'p5']) expect(after.get(id)).toEqual(before.get(id));
    await page.keyboard.press('Control+Z');
    await expect.poll(async () => (await projects(page)).get('p2')).toEqual(before.get('p2'));
  });

  test('a 绩效指标 cell of which nothing reads is refused and the indicators stay', async ({
    app,
  }) => {
    await enableTestHook(app.page);
    await app.start();
    const page = app.page;
    const before = await documentText(page);
    await cell(page, 2, COLUMNS.indicators).click();
    await pasteIntoGrid(page, { text: '以上指标由学院审核确定' });
    await expect(page.getByRole('alert')).toContainText(
      '没有读出任何绩效指标，项目原有的指标未改动',
    );
    expect(await documentText(page)).toBe(before);

    // The form the refusal names is read, with or without its number.
    await pasteIntoGrid(page, { text: '产出指标；数量指标；培训人数；≥100人次' });
    await expect(page.getByRole('status')).toContainText('只写了一个指标值');
    expect(await indicatorsOf(page, '教学实训设备维修维护')).toEqual([
      '产出指标/数量指标/培训人数/≥100人次/≥100人次',
    ]);
  });

  test('a paste on 总计 is refused, says why and leaves Ctrl+Z to the edit before it', async ({
    app,
  }) => {
    await enableTestHook(app.page);
    await app.start();
    const page = app.page;
    const original = await documentText(page);
    await typeInCell(page, 3, COLUMNS.fiscal, '111');
    await expect(cell(page, 3, COLUMNS.fiscal)).toHaveText('111.00');
    const typed = await documentText(page);
    expect(typed).not.toBe(original);
    await cell(page, 2, COLUMNS.total).click();
    await pasteIntoGrid(page, { text: '500' });
    await expect(page.getByRole('alert')).toContainText(
      '总计由财政拨款、财政专户拨款和其他资金相加得出',
    );
    await expect(page.getByText(/已粘贴/u)).toHaveCount(0);
    expect(await documentText(page)).toBe(typed);

    // A paste of what the cell already holds changes nothing and says so, not 已粘贴.
    await cell(page, 2, COLUMNS.fiscal).click();
    await pasteIntoGrid(page, { text: '160.00' });
    await expect(page.getByRole('status')).toContainText('没有改动');
    expect(await documentText(page)).toBe(typed);
    await page.keyboard.press('Control+Z');
    await expect.poll(() => readDocument(page)).toBe(original);
  });

  test('a pasted 总计 that differs from its parts is said, and the total is their sum', async ({
    app,
  }) => {
    await enableTestHook(app.page);
    await app.start();
    const page = app.page;
    await cell(page, 2, COLUMNS.name).click();
    await pasteIntoGrid(page, { text: '新项目甲\t100.00\t60.00\t\t\t目标甲' });
    await expect(page.getByRole('status')).toContainText(
      '总计 100.00 与财政拨款、财政专户拨款、其他资金之和 60.00 不符，总计按各项之和计为 60.00',
    );
    const p2 = (await projects(page)).get('p2');
    expect(p2?.name).toBe('新项目甲');
    expect(p2?.money).toMatchObject({ fiscal: 6000, specialAccount: 0, other: 0 });
    await expect(cell(page, 2, COLUMNS.total)).toHaveText('60.00');
  });

  test("a whole row pasted with a blank 绩效指标 keeps the project's indicators and says so", async ({
    app,
  }) => {
    await enableTestHook(app.page);
    await app.start();
    const page = app.page;
    const before = (await projects(page)).get('p2');
    await cell(page, 2, COLUMNS.name).click();
    await pasteIntoGrid(page, { text: '新名称\t\t12.00\t\t\t新目标\t' });
    await expect(page.getByRole('status')).toContainText(
      '「绩效指标」为空，对应项目原有的指标未改动',
    );
    const after = (await projects(page)).get('p2');
    expect(after?.name).toBe('新名称');
    expect(after?.money.fiscal).toBe(1200);
    expect(after?.indicators).toEqual(before?.indicators);
  });
});
