// The per-project form corpus (test/fixtures/forms, origins in test/fixtures/README.md): each
// fixture, as LibreOffice wrote it, imported through the host and compared field by field with a
// summary written by hand from its source (test/fixtures/forms/expected/*.json), plus what must be
// kept raw and what the report must tell the clerk.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summariseDocument } from '../../../electron/cli/summary';
import { importFromFile } from '../../../electron/host/importFile';
import { FORM_FIXTURES, fixtureHtml } from '../../../scripts/form-fixtures';

const FORMS = join(import.meta.dirname, '../../fixtures/forms');

interface Case {
  name: string;
  /** Texts kept raw on the projects, in order. */
  raw: string[];
  /** Report messages that must be there. */
  messages: string[];
}

const CASES: Case[] = [
  {
    name: 'national-2025-two-projects',
    raw: [],
    messages: ['跳过 1 个没有三级指标和指标值的空白占位行。'],
  },
  {
    name: 'jiaxian-shaanxi-template-2025',
    raw: [
      '单位职能概述',
      '承担技工教育、职业技能培训和技能竞赛集训任务',
      '项目实施进度计划',
      '项目实施内容',
      '开始时间',
      '完成时间',
      '1、耗材采购',
      '2025年3月',
      '2025年6月',
      '2、耗材验收与发放',
      '2025年6月',
      '2025年12月',
    ],
    messages: ['跳过 10 个没有三级指标和指标值的空白占位行。'],
  },
  {
    name: 'wuhan-qingshan-2020-infrastructure',
    raw: ['基础建设、修缮类'],
    messages: ['表中中期（长期）指标栏全部空白，实施周期指标值按年度指标值填写。'],
  },
  {
    name: 'wuhan-qingshan-2020-weak-schools',
    raw: [],
    messages: [
      '「上级资金」计入财政拨款。',
      '按含义识别的栏目：「项目主管部门」→ 主管部门、「项目执行单位」→ 实施单位。',
    ],
  },
  {
    name: 'ningxia-2019-sports-facilities',
    raw: [],
    messages: ['实施单位「【812033】宁夏长庆初级中学」去掉编码，按「宁夏长庆初级中学」归组。'],
  },
  {
    name: 'ningxiang-hunan-2021-town',
    raw: ['自有资金：0万元', '镇域内水利、道路、机关、学校及乡村振兴等基础设施建设'],
    messages: [
      '总额「10606.7522万元」等以万元计超过两位小数，文档金额单位采用元，全部金额按元读取。',
      '「上级财政资金」、「本级财政」是财政拨款的细分，不另计。',
      '跳过 4 个没有三级指标和指标值的空白占位行。',
    ],
  },
  {
    name: 'yongde-yunnan-2022-nutrition',
    raw: [],
    messages: ['指标性质、指标值和度量单位分列填写，已合并为指标值（如「≥95%」）。'],
  },
  {
    name: 'central-2021-implementation-period',
    raw: [],
    messages: [
      '指标「设备购置成本」的一级指标「成本指标」在指标体系中是「产出指标」下的二级指标，「成本指标 / 经济成本指标」归入「产出指标 / 成本指标」。',
    ],
  },
  {
    name: 'hunan-2021-cost-first-level',
    raw: [],
    messages: [
      '指标「人均安家补贴标准」的一级指标「成本指标」在指标体系中是「产出指标」下的二级指标，「成本指标 / 经济成本指标」归入「产出指标 / 成本指标」。',
      '跳过 1 个没有三级指标和指标值的空白占位行。',
    ],
  },
  {
    name: 'department-unit-labels-yuan',
    raw: ['填报人：财务科　　联系电话：（内线）'],
    messages: [
      '金额「692,500.00元」按 69.25 万元读取。',
      '按含义识别的栏目：「部门（单位）名称」→ 主管部门、「项目（支出）名称」→ 项目名称、「项目单位」→ 实施单位、「项目支出实施期」→ 项目期、「年度绩效目标」→ 年度目标。',
      '表头中没有年度，预算年度留空，请在文档信息中填写。',
    ],
  },
  {
    name: 'ninghe-tianjin-2020-kindergarten-rent',
    raw: [],
    messages: [
      '按含义识别的栏目：「主管预算部门」→ 主管部门。',
      '没有“其中：财政拨款”行，财政拨款按年度资金总额减其他资金计算。',
      '没有实施单位，项目按主管部门归入「天津市宁河区教育局」。',
    ],
  },
  {
    name: 'linyi-shandong-2025-primary-school',
    raw: [
      '根据鲁财科教（2024）67号文件，小学教育公用经费每生每年780元，县级财政负担20%计，主要用于学校教学与管理、校舍维修维护及日常办公等。',
    ],
    messages: [
      '没有实施单位，项目按主管部门归入「临邑县师范附属小学」。',
      '没有年度目标。',
      '资金总额「438.768」等以万元计超过两位小数，文档金额单位采用元，全部金额按元读取。',
      '指标「小学就读人数」的指标值「<=6962人」识别为「≤6962人」（原文保留）。',
    ],
  },
  {
    name: 'xiangxi-hunan-2023-special-school',
    raw: [],
    messages: [
      '部门「505_湘西州教育和体育局」去掉编码，按「湘西州教育和体育局」填写。',
      '指标「学生补助标准」的一级指标「成本指标」在指标体系中是「产出指标」下的二级指标，「成本指标 / 经济成本指标」归入「产出指标 / 成本指标」。',
      '跳过 5 个没有三级指标和指标值的空白占位行。',
      '表中只有资金总额 30.00 万元，记入财政拨款，请核对资金来源。',
      '没有绩效目标，请补填。',
    ],
  },
  {
    name: 'nanyue-hunan-2018-poverty-tourism',
    raw: ['(盖章)', '(盖章)', '(盖章)'],
    messages: [
      '10 个指标名称中有表格模板对指标值的提示（如「( ≥**个 )」），已从名称中去掉。',
      '实施单位「[610001]湖南省润山润水生态农业发展有限公司」去掉编码，按「湖南省润山润水生态农业发展有限公司」归组。',
      '表头中没有年度，预算年度留空，请在文档信息中填写。',
    ],
  },
  { name: 'guangzhou-2025-stacked-forms', raw: [], messages: [] },
  { name: 'reference-template-vertical-labels', raw: [], messages: [] },
];

function expected(name: string): unknown {
  return JSON.parse(readFileSync(join(FORMS, 'expected', `${name}.json`), 'utf8'));
}

const files = CASES.flatMap((item) =>
  // A .txt is the table copied off the web page (tab-separated, merged cells on their first row).
  (['docx', 'xlsx', 'txt'] as const)
    .filter((extension) => existsSync(join(FORMS, `${item.name}.${extension}`)))
    .map((extension) => ({ ...item, file: `${item.name}.${extension}` })),
);

describe('per-project form corpus', () => {
  it('has at least twelve templates, each with its expected summary', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(12);
    expect(new Set(files.map((item) => item.name)).size).toBe(CASES.length);
    expect(FORM_FIXTURES.map((fixture) => fixture.name).sort()).toEqual(
      CASES.map((item) => item.name).sort(),
    );
  });

  it('keeps the HTML each fixture was converted from as the script writes it', () => {
    for (const fixture of FORM_FIXTURES) {
      const source = readFileSync(join(FORMS, '../source/forms', `${fixture.name}.html`), 'utf8');
      expect(source).toBe(fixtureHtml(fixture));
    }
  });

  it.each(files)('$file', async ({ file, name, raw, messages }) => {
    const { document, report } = await importFromFile(join(FORMS, file));
    expect(summariseDocument(document)).toEqual(expected(name));
    const projects = document.units.flatMap((unit) => unit.projects);
    expect(projects.flatMap((project) => project.raw.map((note) => note.text))).toEqual(raw);
    // Every raw text is in the report with its place.
    const rawEntries = report.entries.filter((entry) => entry.kind === 'raw');
    expect(rawEntries.length).toBeGreaterThanOrEqual(raw.length);
    for (const entry of rawEntries) expect(entry.source).toBeDefined();
    const said = report.entries.map((entry) => entry.message);
    for (const message of messages) expect(said).toContain(message);
    expect(report.counts.indicators).toBe(
      projects.reduce((count, project) => count + project.indicators.length, 0),
    );
  });
});

// The same forms as a clerk receives them most often: printed to PDF by LibreOffice. Read through
// the PDF reader (ruling lines → the neutral grid), they must give the same summary as the source.
const pdfs = CASES.filter((item) => existsSync(join(FORMS, `${item.name}.pdf`))).map((item) => ({
  ...item,
  file: `${item.name}.pdf`,
}));

describe('per-project form corpus as PDF', () => {
  it('has at least four templates as PDF', () => {
    expect(pdfs.length).toBeGreaterThanOrEqual(4);
  });

  it.each(pdfs)('$file', async ({ name, file }) => {
    const { document } = await importFromFile(join(FORMS, file));
    expect(summariseDocument(document)).toEqual(withKnownPdfLoss(name, expected(name)));
  });
});

/**
 * What the PDF reader still loses, written down so the test fails the day it is mended: in the
 * 佳县 form LibreOffice sets the narrow space of `2. 满足` so tight that it reads as a font-change
 * gap, and the space is dropped (`2.满足`).
 */
function withKnownPdfLoss(name: string, summary: unknown): unknown {
  if (name !== 'jiaxian-shaanxi-template-2025') return summary;
  const copy = structuredClone(summary) as { units: Array<{ projects: Array<{ goal: string }> }> };
  const project = copy.units[0]!.projects[0]!;
  project.goal = project.goal.replace(/；(\d)\. /g, '；$1.');
  return copy;
}
