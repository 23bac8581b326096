import { expect, test } from './harness';
import { cell, COLUMNS, enableTestHook, indicatorsOf, pasteIntoGrid } from './editor-steps';
import { readDocument } from './monkey';

test.use({ viewport: { width: 1366, height: 768 } });

type Page = Parameters<typeof readDocument>[0];

/** The open document as JSON through the test hook, once the sample has opened. */
async function documentText(page: Page): Promise<string> {
  await expect.poll(() => readDocument(page)).not.toBeNull();
  return readDocument(page);
}

test.describe('grid pastes a clerk makes from published tables', () => {
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
});
