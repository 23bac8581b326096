// Filled 绩效运行监控表 and 项目支出绩效自评表 (test/fixtures/stage-forms, origins in
// test/fixtures/README.md): each as LibreOffice wrote it (Excel, Word, PDF), imported through the
// host and compared field by field with a summary written by hand from the published table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFromFile } from '../../../electron/host/importFile';
import { fixtureHtml } from '../../../scripts/form-fixtures';
import { STAGE_FORM_FIXTURES } from '../../../scripts/stage-form-fixtures';
import { tableFromTexts } from '../../../shared/import/grid';
import { importGrid } from '../../../shared/import/recognise';
import {
  formatMoney,
  renderValue,
  type JixiaoDocument,
  type StageMoney,
} from '../../../shared/model';
import type { ImportReport } from '../../../shared/import/report';

const DIR = join(import.meta.dirname, '../../fixtures/stage-forms');

const money = (value: StageMoney | undefined) =>
  value
    ? {
        fiscal: formatMoney(value.fiscal, { separators: false }),
        carryover: formatMoney(value.carryover, { separators: false }),
        other: formatMoney(value.other, { separators: false }),
      }
    : null;

/** What a clerk would check on the form, in the shape of the hand-written expectations. */
function summarise(document: JixiaoDocument, report: ImportReport) {
  const stage = report.stage!;
  return {
    kind: stage.kind,
    ...(stage.asOf ? { asOf: stage.asOf } : {}),
    fiscalYear: document.fiscalYear,
    moneyUnit: document.moneyUnit,
    projects: document.units.flatMap((unit) =>
      unit.projects.map((project) => {
        const published = stage.projects.find((item) => item.projectId === project.id)!;
        const { projectId: _id, indicators: scores, source: _source, ...printed } = published;
        const executed = project.monitoring?.executed ?? project.evaluation?.executed;
        return {
          unit: unit.name,
          name: project.name,
          supervisor: project.supervisor ?? '',
          initial: money(project.yearBudget?.initial),
          adjusted: money(project.yearBudget?.adjusted),
          executed: money(executed),
          forecast: money(project.monitoring?.forecast),
          printed,
          goal: project.goals.annual,
          goalActual: project.monitoring?.goalProgress ?? project.evaluation?.goalActual ?? '',
          indicators: project.indicators.map((indicator) => {
            const monitoring = indicator.monitoring;
            const evaluation = indicator.evaluation;
            const score = scores.find((item) => item.indicatorId === indicator.id)?.score;
            const fields = {
              level1: indicator.level1,
              level2: indicator.level2,
              name: indicator.name,
              target: renderValue(indicator.annual),
              toDate: monitoring?.toDate,
              forecast: monitoring?.forecast,
              likelihood: monitoring?.likelihood,
              causes: monitoring?.causes.length ? monitoring.causes : undefined,
              causeText: monitoring?.causeText,
              corrective: monitoring?.corrective,
              remark: monitoring?.remark,
              actual: evaluation?.actual,
              points: evaluation?.points,
              score,
              analysis: evaluation?.analysis,
            };
            return Object.fromEntries(
              Object.entries(fields).filter(([, value]) => value !== undefined),
            );
          }),
        };
      }),
    ),
  };
}

const CASES = STAGE_FORM_FIXTURES.flatMap((fixture) =>
  fixture.targets.map((target) => ({ name: fixture.name, file: `${fixture.name}.${target}` })),
);

function expected(name: string): unknown {
  return JSON.parse(readFileSync(join(DIR, 'expected', `${name}.json`), 'utf8'));
}

describe('filled 监控表 and 自评表', () => {
  it('keeps the HTML each fixture was converted from as the script writes it', () => {
    for (const fixture of STAGE_FORM_FIXTURES) {
      const source = readFileSync(
        join(DIR, '../source/stage-forms', `${fixture.name}.html`),
        'utf8',
      );
      expect(source).toBe(fixtureHtml(fixture));
    }
  });

  it.each(CASES)('$file', async ({ name, file }) => {
    const { document, report } = await importFromFile(join(DIR, file));
    expect(summarise(document, report)).toEqual(expected(name));
    const projects = document.units.flatMap((unit) => unit.projects);
    expect(report.counts.indicators).toBe(
      projects.reduce((count, project) => count + project.indicators.length, 0),
    );
  });

  it('reports the placeholder rows it skipped, and no 执行率 to check when it agrees', async () => {
    const monitoring = await importFromFile(join(DIR, 'huangshi-2019-heritage-monitoring.xlsx'));
    expect(monitoring.report.entries.map((entry) => entry.message)).toContain(
      '跳过 2 个没有三级指标或没有填写内容的空白行。',
    );
    const evaluation = await importFromFile(
      join(DIR, 'yongde-yunnan-2022-nutrition-evaluation.xlsx'),
    );
    expect(evaluation.report.format).toBe('项目支出绩效自评表（Excel 工作簿（.xlsx））');
    expect(evaluation.report.entries.filter((entry) => /执行率/u.test(entry.message))).toEqual([]);
  });
});

describe('the template’s hints left in indicator names', () => {
  it('are taken out of the names, and the report says how many and shows one', async () => {
    const { document, report } = await importFromFile(
      join(DIR, 'suixi-anhui-2019-relief-evaluation.docx'),
    );
    expect(report.entries.map((entry) => entry.message)).toContain(
      '9 个指标名称中有表格模板对指标值的提示（如「(≥**人)」），已从名称中去掉。',
    );
    const names = document.units.flatMap((unit) =>
      unit.projects.flatMap((project) => project.indicators.map((indicator) => indicator.name)),
    );
    expect(names.filter((name) => /\*\*/u.test(name))).toEqual([]);
    expect(document.department).toBe('濉溪县民政局');
  });
});

describe('a printed 执行率 that does not agree with ours', () => {
  // The 鄂州市财政局 2019 自评表 of 购买第三方服务 (czj.ezhou.gov.cn): 287 / 287 / 171 prints 60%
  // (171 / 287 = 59.58 %, rounded to a whole percent: agrees). Typed here as tab-separated rows.
  const rows = (rate: string) =>
    [
      ['项目支出绩效自评表'],
      ['（2019年度）'],
      ['项目名称', '购买第三方服务'],
      ['主管部门', '市财政局', '实施单位', '市财政局'],
      ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      ['年度资金总额', '287', '287', '171', '10', rate, '6'],
      ['其中：当年财政拨款', '287', '287', '171'],
      [
        '一级指标',
        '二级指标',
        '三级指标',
        '年度指标值',
        '实际完成值',
        '分值',
        '得分',
        '偏差原因分析及改进措施',
      ],
      ['产出指标', '成本指标', '计划完成率', '90%', '60%', '20', '10', '部分项目延续至下年'],
      ['总分', '100', '90'],
    ].map((cells, index) => ({ line: index + 1, cells }));

  it('agrees at the printed precision, and is reported for the clerk to check when it does not', () => {
    const agreed = importGrid([tableFromTexts('文本', rows('60%'))], { container: '文本' });
    expect(agreed.report.entries.filter((entry) => /执行率/u.test(entry.message))).toEqual([]);
    expect(agreed.report.stage?.projects[0]?.total).toBe('90');
    const indicator = agreed.document.units[0]!.projects[0]!.indicators[0]!;
    expect(indicator.evaluation).toEqual({
      actual: '60%',
      points: '20',
      analysis: '部分项目延续至下年',
    });

    const wrong = importGrid([tableFromTexts('文本', rows('65%'))], { container: '文本' });
    const lines = wrong.report.entries.filter((entry) => /执行率/u.test(entry.message));
    expect(lines.map((entry) => [entry.kind, entry.message])).toEqual([
      ['warning', '表中执行率为「65%」，按执行数和全年预算数计算为 59.58%，请核对。'],
    ]);
    // Nothing was changed to fit the printed rate.
    const project = wrong.document.units[0]!.projects[0]!;
    expect(project.evaluation?.executed?.fiscal).toBe(17_100);
    expect(project.yearBudget?.adjusted?.fiscal).toBe(28_700);
  });
});

describe('a 万元 stage form with an amount of four decimals', () => {
  // The 鄂州 自评表 above with 全年执行数 written 171.0456 万元 (1,710,456.00 元): 万元 would
  // lose its last two digits, so the document goes to 元 and the report says which amount did it.
  const rows = [
    ['项目支出绩效自评表'],
    ['（2019年度）'],
    ['项目名称', '购买第三方服务'],
    ['主管部门', '市财政局', '实施单位', '市财政局'],
    ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    ['年度资金总额', '287', '287', '171.0456', '10', '60%', '6'],
    ['其中：当年财政拨款', '287', '287', '171.0456'],
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
    ['产出指标', '成本指标', '计划完成率', '90%', '60%', '20', '10'],
    ['总分', '100', '90'],
  ].map((cells, index) => ({ line: index + 1, cells }));

  it('reads every amount in 元, exactly, and names the amount that needed it', () => {
    const { document, report } = importGrid([tableFromTexts('文本', rows)], { container: '文本' });
    expect(document.moneyUnit).toBe('元');
    const project = document.units[0]!.projects[0]!;
    expect(project.evaluation?.executed).toEqual({ fiscal: 171_045_600, carryover: 0, other: 0 });
    expect(project.yearBudget).toEqual({
      initial: { fiscal: 287_000_000, carryover: 0, other: 0 },
      adjusted: { fiscal: 287_000_000, carryover: 0, other: 0 },
    });
    expect(project.raw).toEqual([]);
    const lines = report.entries.filter((entry) => entry.message.includes('采用元'));
    expect(lines).toEqual([
      {
        kind: 'normalised',
        message: '执行数「171.0456」等以万元计超过两位小数，文档金额单位采用元，全部金额按元读取。',
        source: expect.anything(),
      },
    ]);
  });
});

describe('the national 监控表 layout (财预〔2019〕136号): 偏差原因 in five group columns', () => {
  // Layout of the central template with illustrative content (no filled copy of this layout was
  // found published): two header rows, 偏差原因分析 over 经费保障 … 其他, marks and texts in them.
  const rows = [
    ['项目支出绩效目标执行监控表'],
    ['（2025年度）'],
    ['项目名称', '实训设备购置'],
    ['主管部门及代码', '某局', '实施单位', '某学院'],
    ['项目资金（万元）', '年初预算数', '全年预算数', '1-7月执行数', '执行率', '全年预计执行数'],
    ['年度资金总额', '100', '120', '48', '40%', '120'],
    ['其中：当年财政拨款', '100', '100', '40', '', '100'],
    ['上年结转资金', '', '20', '8', '', '20'],
    ['年度总体目标', '预期目标', '进展情况'],
    ['', '完成实训设备采购', '已完成招标，部分设备到货'],
    [
      '一级指标',
      '二级指标',
      '三级指标',
      '年度指标值',
      '1-7月实际完成值',
      '全年预计完成值',
      '偏差原因分析',
      '',
      '',
      '',
      '',
      '完成目标可能性',
      '纠偏措施',
      '备注',
    ],
    [
      '',
      '',
      '',
      '',
      '',
      '',
      '经费保障',
      '制度保障',
      '人员保障',
      '硬件条件保障',
      '其他',
      '',
      '',
      '',
    ],
    [
      '产出指标',
      '数量指标',
      '实训设备数量',
      '≥20台',
      '8台',
      '20台',
      '',
      '',
      '',
      '',
      '',
      '确定能',
      '',
      '',
    ],
    [
      '产出指标',
      '时效指标',
      '设备到货及时率',
      '≥95%',
      '60%',
      '90%',
      '√',
      '',
      '',
      '√',
      '供应商延迟交货',
      '有可能',
      '督促供应商按期交货',
      '',
    ],
    [
      '效益指标',
      '社会效益指标',
      '学生实训开出率',
      '≥90%',
      '50%',
      '85%',
      '',
      '',
      '',
      '',
      '',
      '不可能',
      '调整实训计划',
      '设备未到',
    ],
  ].map((cells, index) => ({ line: index + 1, cells }));

  it('reads every column by meaning', () => {
    const { document, report } = importGrid([tableFromTexts('文本', rows)], { container: '文本' });
    expect(report.stage).toMatchObject({ kind: 'monitoring', asOf: '2025-07' });
    const project = document.units[0]!.projects[0]!;
    expect(project.yearBudget).toEqual({
      initial: { fiscal: 10_000, carryover: 0, other: 0 },
      adjusted: { fiscal: 10_000, carryover: 2_000, other: 0 },
    });
    expect(project.monitoring).toEqual({
      asOf: '2025-07',
      executed: { fiscal: 4_000, carryover: 800, other: 0 },
      forecast: { fiscal: 10_000, carryover: 2_000, other: 0 },
      goalProgress: '已完成招标，部分设备到货',
    });
    expect(project.goals.annual).toBe('完成实训设备采购');
    expect(project.indicators.map((indicator) => indicator.monitoring)).toEqual([
      { toDate: '8台', forecast: '20台', likelihood: '确定能', causes: [] },
      {
        toDate: '60%',
        forecast: '90%',
        likelihood: '有可能',
        causes: ['经费保障', '硬件条件保障', '其他'],
        causeText: '其他：供应商延迟交货',
        corrective: '督促供应商按期交货',
      },
      {
        toDate: '50%',
        forecast: '85%',
        likelihood: '完全不可能',
        causes: [],
        corrective: '调整实训计划',
        remark: '设备未到',
      },
    ]);
    // 48 / 120 = 40 %: the printed 执行率 agrees, so nothing to check.
    expect(report.entries.filter((entry) => /执行率/u.test(entry.message))).toEqual([]);
  });
});

describe('a stage form it cannot read', () => {
  it('says it found the 自评表 and what it missed, not that no 目标表 was there', () => {
    const rows = [
      ['2020年度县级专项资金绩效目标自评表'],
      ['资金名目', '县级储备粮'],
      ['考核内容', '完成值'],
      ['储备到位率', '100%'],
    ].map((cells, index) => ({ line: index + 1, cells }));
    expect(() => importGrid([tableFromTexts('文本', rows)], { container: '文本' })).toThrow(
      '文本中有「2020年度县级专项资金绩效目标自评表」，但没有读出其中的项目：没有找到“项目名称”一栏，或没有“一级指标、二级指标、三级指标”表头。',
    );
  });
});

describe('a published 自评表 with the template’s instructions still in it (青神 2023)', () => {
  it('reads none of them as content, says so once, and keeps 合计 of the 权重 out of 总分', async () => {
    const { document, report } = await importFromFile(
      join(DIR, 'qingshen-sichuan-2023-wages-evaluation.xlsx'),
    );
    const project = document.units[0]!.projects[0]!;
    expect(project.evaluation?.goalActual ?? '').toBe('');
    expect(project.raw).toEqual([]);
    expect(project.indicators.map((indicator) => indicator.name)).toEqual([
      '发放（缴纳）覆盖率',
      '足额保障率（参保率）',
    ]);
    expect(report.stage?.projects[0]?.total).toBeUndefined();
    expect(report.entries.map((entry) => entry.message)).toContain(
      '表中有 4 处是表格模板的填写说明（如「对照年度目标，说明相关任务目标的完成情况（100字以内）」），没有作为内容导入。',
    );
  });
});
