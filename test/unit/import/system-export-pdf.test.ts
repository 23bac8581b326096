// The 湖南 budget system's export as published by 湘西州民族特殊教育学校 (2023年项目支出绩效目标表公开,
// xxztx.com/tzgg/1064.html), printed to PDF the way the published page is printed: the title and
// the `部门：… 金额单位：万元` line above the table, A4 landscape, the table running onto a second
// page with the project's and the groups' merged cells continued there (test/fixtures/README.md).
// Both prints must give the summary written by hand from the published table
// (forms/expected/xiangxi-hunan-2023-special-school.json, the same table as the .xlsx fixture).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summariseDocument } from '../../../electron/cli/summary';
import { importFromFile } from '../../../electron/host/importFile';

const FORMS = join(import.meta.dirname, '../../fixtures/forms');
const expected = JSON.parse(
  readFileSync(join(FORMS, 'expected/xiangxi-hunan-2023-special-school.json'), 'utf8'),
) as unknown;

describe('the 湖南 system export printed to PDF', () => {
  it.each([
    // Chromium: the page break falls inside the 社会效益指标 group; the 一级 and 二级 cells and the
    // project's cells go on at the top of page 2 without their text.
    'xiangxi-hunan-2023-special-school-chromium.pdf',
    // Chromium with its running header and footer (date, title; file address, page 2/2): the
    // table on page 2 stands under the header line and is read as a table of its own.
    'xiangxi-hunan-2023-special-school-chromium-header.pdf',
    // LibreOffice Writer: the break cuts the 残疾学生生活质量 row (`…一般得8` / `分，差得0分`); the
    // two rows after it sit under the merged cells continued on page 2.
    'xiangxi-hunan-2023-special-school-libreoffice.pdf',
  ])('%s', async (file) => {
    const { document, report } = await importFromFile(join(FORMS, file));
    expect(summariseDocument(document)).toEqual(expected);
    const said = report.entries.map((entry) => entry.message);
    expect(said).toContain(
      '部门「505_湘西州教育和体育局」去掉编码，按「湘西州教育和体育局」填写。',
    );
    expect(said).toContain('跳过 5 个没有三级指标和指标值的空白占位行。');
    expect(said).toContain('表中只有资金总额 30.00 万元，记入财政拨款，请核对资金来源。');
    // No amount was read out of an indicator's text.
    expect(said.filter((message) => message.includes('记为 0'))).toEqual([]);
  });
});
