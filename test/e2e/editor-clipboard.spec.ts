import { expect, test } from './harness';
import { shot } from './shots';
import type { JixiaoDocument } from '../../shared/model';
import {
  cell,
  COLUMNS,
  copyFromGrid,
  enableTestHook,
  grandTotal,
  indicatorsOf,
  pasteIntoGrid,
} from './editor-steps';
import { readDocument } from './monkey';

/** Two rows copied in Excel 2016 (name, 总计, 财政拨款, 财政专户拨款, 其他资金, 绩效目标), trimmed. */
const EXCEL_HTML = `<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset=utf-8>
<style><!--.xl65{mso-number-format:"\\#\\,\\#\\#0\\.00";}--></style></head><body>
<table border=0 cellpadding=0 cellspacing=0 width=900>
<!--StartFragment-->
 <tr height=36>
  <td height=36 class=xl66 width=200>高层次人才安家补贴</td>
  <td class=xl65 align=right x:num>60.00</td>
  <td class=xl65 align=right x:num>60.00</td>
  <td class=xl65></td>
  <td class=xl65></td>
  <td class=xl66 style='white-space:normal'>引进高层次人才3名；<br style='mso-data-placement:same-cell;' />稳定师资队伍。</td>
 </tr>
 <tr height=18>
  <td height=18 class=xl66>技能大师工作室建设项目</td>
  <td class=xl65 align=right x:num>1,250.50</td>
  <td class=xl65 align=right x:num>1,200.50</td>
  <td class=xl65 align=right x:num>50</td>
  <td class=xl65></td>
  <td class=xl66>建成技能大师工作室2个。</td>
 </tr>
<!--EndFragment-->
</table></body></html>`;

test.describe('clipboard', () => {
  test('pasting a block from Excel fills rows, adds a project and is one undo step', async ({
    app,
  }) => {
    await app.start();
    const page = app.page;
    // p14 is the last project: the second pasted row becomes a new project.
    await cell(page, 14, COLUMNS.name).click();
    await pasteIntoGrid(page, { html: EXCEL_HTML, text: 'ignored when HTML has a table' });
    await expect(page.locator('tr.project-row')).toHaveCount(15);
    await expect(cell(page, 14, COLUMNS.name)).toContainText('高层次人才安家补贴');
    await expect(cell(page, 14, COLUMNS.goal)).toHaveText('引进高层次人才3名；\n稳定师资队伍。');
    await expect(cell(page, 15, COLUMNS.name)).toContainText('技能大师工作室建设项目');
    await expect(cell(page, 15, COLUMNS.total)).toHaveText('1,250.50');
    // 4,791.93 − 69.25 + 60 + 1,250.50
    await expect(grandTotal(page)).toHaveText('6,033.18');
    await page.keyboard.press('Control+Z');
    await expect(page.locator('tr.project-row')).toHaveCount(14);
    await expect(grandTotal(page)).toHaveText('4,791.93');
  });

  test('cells of a column pasted on a cell go down the rows, as in Excel, and the notice says how far', async ({
    app,
  }) => {
    await app.start();
    const page = app.page;
    const goals = [2, 3, 4].map((row) => cell(page, row, COLUMNS.goal));
    const before = await Promise.all(goals.map((goal) => goal.textContent()));
    await goals[0]!.click();
    // A column of three cells as Excel puts it on the clipboard: the text and an HTML table.
    await pasteIntoGrid(page, {
      text: '第一行目标\r\n第二行目标\r\n第三行目标\r\n',
      html: '<table><tr><td>第一行目标</td></tr><tr><td>第二行目标</td></tr><tr><td>第三行目标</td></tr></table>',
    });
    // Three projects changed, not one: the notice says 3 rows, and one undo puts all back.
    await expect(page.getByRole('status')).toContainText('已粘贴 3 行 1 列');
    await page.screenshot({ path: shot('paste-lines-notice.png') });
    await expect(goals[0]!).toHaveText('第一行目标');
    await expect(goals[2]!).toHaveText('第三行目标');
    await page.keyboard.press('Control+Z');
    for (const [index, goal] of goals.entries()) await expect(goal).toHaveText(before[index] ?? '');
  });

  test('paragraphs from Word or a PDF pasted on one 绩效目标 cell are that one goal', async ({
    app,
  }) => {
    await app.start();
    const page = app.page;
    const goals = [2, 3, 4].map((row) => cell(page, row, COLUMNS.goal));
    const before = await Promise.all(goals.map((goal) => goal.textContent()));
    await goals[0]!.click();
    await pasteIntoGrid(page, {
      text: '1. 维修实训设备。\r\n2. 保障教学正常开展。\r\n3. 设备完好率达到95%。\r\n',
      html: '<p>1. 维修实训设备。</p><p>2. 保障教学正常开展。</p><p>3. 设备完好率达到95%。</p>',
    });
    await expect(goals[0]!).toHaveText(
      '1. 维修实训设备。\n2. 保障教学正常开展。\n3. 设备完好率达到95%。',
    );
    await expect(goals[1]!).toHaveText(before[1] ?? '');
    await expect(goals[2]!).toHaveText(before[2] ?? '');
    // A numbered list from Word: its plain text has a tab after each number.
    await goals[1]!.click();
    await pasteIntoGrid(page, {
      text: '1.\t加强设备维护。\r\n2.\t提高使用率。\r\n',
      html: '<ol><li>加强设备维护。</li><li>提高使用率。</li></ol>',
    });
    await expect(goals[1]!).toHaveText('1. 加强设备维护。\n2. 提高使用率。');
    await expect(goals[2]!).toHaveText(before[2] ?? '');
  });

  test('pasting TSV from WPS with a quoted multi-line goal', async ({ app }) => {
    await app.start();
    const page = app.page;
    await cell(page, 2, COLUMNS.fiscal).click();
    await pasteIntoGrid(page, {
      text: '200\t\t10\t"维修教学设备；\r\n保障实训教学正常开展。"\r\n',
    });
    await expect(cell(page, 2, COLUMNS.total)).toHaveText('210.00');
    await expect(cell(page, 2, COLUMNS.goal)).toHaveText('维修教学设备；\n保障实训教学正常开展。');
    await expect(grandTotal(page)).toHaveText('4,841.93');
  });

  test('a paste with a cell that is not an amount changes nothing and says where', async ({
    app,
  }) => {
    await app.start();
    const page = app.page;
    await cell(page, 2, COLUMNS.fiscal).click();
    await pasteIntoGrid(page, { text: '200\r\n三百\r\n' });
    await expect(page.getByRole('alert')).toContainText('粘贴内容第 2 行「财政拨款」');
    await expect(grandTotal(page)).toHaveText('4,791.93');
  });

  test('copying a range gives TSV and an HTML table', async ({ app }) => {
    await app.start();
    const page = app.page;
    await cell(page, 1, COLUMNS.name).click();
    await cell(page, 2, COLUMNS.fiscal).click({ modifiers: ['Shift'] });
    const copied = await copyFromGrid(page);
    expect(copied.text).toBe(
      '市机电技师学院安保和物业管理服务经费\t638.00\t638.00\r\n市机电技师学院教学实训设备维修维护工作经费项目\t160.00\t160.00\r\n',
    );
    expect(copied.html).toContain('<td');
    expect(copied.html).toContain('市机电技师学院教学实训设备维修维护工作经费项目');
    await expect(page.getByRole('status')).toContainText('已复制 2 行 3 列');
  });

  test('a 绩效指标 cell pasted from another table keeps the words it cannot read and says so', async ({
    app,
  }) => {
    await enableTestHook(app.page);
    await app.start();
    const page = app.page;
    // Row 2 is p2, 市机电技师学院教学实训设备维修维护工作经费项目.
    await cell(page, 2, COLUMNS.indicators).click();
    await pasteIntoGrid(page, {
      text:
        '"1、1-产出指标；11-数量指标；维修设备台数；实施周期指标值：≥50台；年度指标值：≥50台。\r\n' +
        '以上指标由学院审核确定"',
    });
    const notice = page.getByRole('status');
    await expect(notice).toContainText('请核对绩效指标（1 处）');
    await expect(notice).toContainText('「以上指标由学院审核确定」已原样保留在项目的未识别内容中');
    await page.screenshot({ path: shot('paste-indicators-notes.png') });
    await expect
      .poll(() => indicatorsOf(page, '教学实训设备维修维护'))
      .toEqual(['产出指标/数量指标/维修设备台数/≥50台/≥50台']);
    const document = JSON.parse(await readDocument(page)) as JixiaoDocument;
    const p2 = document.units[0]?.projects.find((project) => project.id === 'p2');
    expect(p2?.raw.map((note) => note.text)).toContain('以上指标由学院审核确定');
  });
});
