// The program's own filled 监控表 and 自评表 read back: the chizhou document is exported with the
// export service (as `jixiao export --layout monitoring|self-evaluation` does), the file is read
// and merged into a copy of the document without its stage data (as `jixiao merge-stage` does),
// and every stage field must come back as the chizhou fixture has it, with no report line to check.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderExport } from '../../../electron/host/exportService';
import { importFromFile } from '../../../electron/host/importFile';
import { mergeStageValues } from '../../../shared/import/stages/merge';
import type { JixiaoDocument, Project } from '../../../shared/model';

const CHIZHOU = join(import.meta.dirname, '../../fixtures/stage/chizhou-2022.jixiao.json');
const GRADE = '达成年度指标';

let original: JixiaoDocument;
let folder: string;

beforeAll(async () => {
  original = (await importFromFile(CHIZHOU)).document;
  folder = await mkdtemp(join(tmpdir(), 'jixiao-stage-roundtrip-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The chizhou document without any 监控 or 自评 data: what a clerk has before merging. */
function bare(document: JixiaoDocument): JixiaoDocument {
  const copy = structuredClone(document);
  for (const unit of copy.units)
    for (const project of unit.projects) {
      delete project.monitoring;
      delete project.evaluation;
      delete project.yearBudget;
      for (const indicator of project.indicators) {
        delete indicator.monitoring;
        delete indicator.evaluation;
      }
    }
  return copy;
}

/** Exports the document in a stage layout, reads the file back and merges it into its bare copy. */
async function roundTrip(
  layout: 'monitoring' | 'self-evaluation',
  format: 'xlsx' | 'docx',
  source: JixiaoDocument = original,
) {
  const bytes = await renderExport(source, { format, layout });
  const file = join(folder, `chizhou-${layout}.${format}`);
  await writeFile(file, bytes);
  const table = await importFromFile(file);
  expect(table.report.stage?.kind).toBe(layout === 'monitoring' ? 'monitoring' : 'evaluation');
  const merged = mergeStageValues(bare(source), table.document, table.report.stage!);
  const projects = merged.document.units.flatMap((unit) => unit.projects);
  const byName = (name: string): Project => projects.find((project) => project.name === name)!;
  return { table, merged, byName };
}

const all = (entries: ReadonlyArray<{ message: string }>) => entries.map((entry) => entry.message);
const messages = (entries: ReadonlyArray<{ kind: string; message: string }>) =>
  entries.filter((entry) => entry.kind === 'warning').map((entry) => entry.message);

/**
 * The chizhou document exported as `layout` and merged back: the table's report only says it is
 * read in 元, the merge's report is empty, every project and indicator matched, and 委托业务项目's
 * 全年预算数 (财政拨款 899,740.00 元) as before.
 */
async function mergedWhole(
  layout: 'monitoring' | 'self-evaluation',
  format: 'xlsx' | 'docx',
): Promise<Awaited<ReturnType<typeof roundTrip>> & { entrusted: Project }> {
  const trip = await roundTrip(layout, format);
  // 899,740.00 元 is 89.974 万元, three decimals (the 执行数 too: 等), so the table is read in 元.
  const written = format === 'xlsx' ? '899740' : '899,740.00';
  expect(all(trip.table.report.entries)).toEqual([
    `全年预算数「${written}」等以万元计超过两位小数，文档金额单位采用元，全部金额按元读取。`,
  ]);
  expect(trip.table.document.moneyUnit).toBe('元');
  expect(all(trip.merged.report.entries)).toEqual([]);
  expect(trip.merged.report.matched).toEqual({ units: 1, projects: 2, indicators: 17 });
  expect(trip.merged.report.unmatched).toEqual({ projects: 0, indicators: 0 });
  const entrusted = trip.byName('委托业务项目');
  expect(entrusted.yearBudget).toEqual({
    adjusted: { fiscal: 89_974_000, carryover: 0, other: 0 },
  });
  return { ...trip, entrusted };
}

describe.each(['xlsx', 'docx'] as const)('the exported 监控表 (%s) merged back', (format) => {
  it('gives back every monitoring field of both projects, with nothing to check', async () => {
    const { merged, byName, entrusted } = await mergedWhole('monitoring', format);
    expect(entrusted.monitoring).toEqual({
      asOf: '2022-07',
      executed: { fiscal: 53_984_400, carryover: 0, other: 0 },
      goalProgress: '已完成委托业务 31 项，报告合格率 100%，2 份报告延期。',
    });
    const sure = { likelihood: '确定能', causes: [] };
    expect(entrusted.indicators.map((indicator) => [indicator.name, indicator.monitoring])).toEqual(
      [
        ['基建工程委托业务项目数量', { toDate: '31个', forecast: '50个', ...sure }],
        ['委托业务报告合格率', { toDate: '100百分比', forecast: '100百分比', ...sure }],
        ['经费支出合规性', { toDate: '按进度推进', forecast: '严格执行相关制度规定', ...sure }],
        [
          '提交报告及时性',
          {
            toDate: '2份报告延期',
            forecast: '在项目计划完成时间内完成',
            likelihood: '有可能',
            causes: ['人员保障'],
            causeText: '委托机构人员变动，2份报告延期提交',
            corrective: '约谈委托机构，按周报送进度',
          },
        ],
        ['项目总成本', { toDate: '54万元', forecast: '90万元', ...sure }],
        ['单项业务成本', { toDate: '按进度推进', forecast: '符合相关规定', ...sure }],
        ['对维护基建市场公平的影响程度', { toDate: '按进度推进', forecast: '效果明显', ...sure }],
        ['对控制基建项目成本影响程度', { toDate: '按进度推进', forecast: '效果明显', ...sure }],
        [
          '对推动基建项目“四项制度”健全和落实的持续性影响',
          { toDate: '按进度推进', forecast: '效果明显', ...sure },
        ],
      ],
    );

    const villages = byName('村级补助及运转经费');
    expect(villages.yearBudget).toEqual({
      adjusted: { fiscal: 132_912_000, carryover: 0, other: 0 },
    });
    expect(villages.monitoring).toEqual({
      asOf: '2022-07',
      executed: { fiscal: 77_532_000, carryover: 0, other: 0 },
      goalProgress: '8 个村（社区）补助已按月拨付，年中预算调减后按调整数执行。',
    });
    expect(villages.indicators.map((indicator) => [indicator.name, indicator.monitoring])).toEqual([
      ['补助村(社区)数量', { toDate: '8个', forecast: '8个', ...sure }],
      ['保障村干部人数', { toDate: '42个', forecast: '42个', ...sure }],
      ['补助资格合规性', { toDate: '按进度推进', forecast: '合规', ...sure }],
      ['经费审批流程规范性', { toDate: '按进度推进', forecast: '严格执行相关制度规定', ...sure }],
      ['补助经费到位及时性', { toDate: '按进度推进', forecast: '及时', ...sure }],
      [
        '项目总成本',
        {
          toDate: '77.53万元',
          forecast: '132.9万元',
          likelihood: '确定能',
          causes: ['经费保障'],
          causeText: '年中调减预算 69.728 万元',
        },
      ],
      [
        '对保障村(社区)两委机构正常运行的影响程度',
        { toDate: '按进度推进', forecast: '效果明显', ...sure },
      ],
      [
        '提高村(社区)干部工作积极性的影响程度',
        { toDate: '按进度推进', forecast: '效果明显', ...sure },
      ],
    ]);
    // The merge of a 监控表 leaves the 自评 side alone.
    expect(projects(merged.document).some((project) => project.evaluation)).toBe(false);
  });
});

describe.each(['xlsx', 'docx'] as const)('the exported 自评表 (%s) merged back', (format) => {
  it('gives back every self-evaluation field, grades as grades, and scores as printed', async () => {
    const { merged, byName, entrusted } = await mergedWhole('self-evaluation', format);
    expect(entrusted.evaluation).toEqual({
      executed: { fiscal: 89_974_000, carryover: 0, other: 0 },
      goalActual: '全年完成委托业务 50 项，报告全部合格并按期提交，总成本 89.974 万元。',
    });
    expect(entrusted.indicators.map((indicator) => [indicator.name, indicator.evaluation])).toEqual(
      [
        ['基建工程委托业务项目数量', { actual: '50', points: '8' }],
        ['委托业务报告合格率', { actual: '100', points: '8' }],
        ['经费支出合规性', { grade: GRADE, points: '8' }],
        ['提交报告及时性', { grade: GRADE, points: '8' }],
        ['项目总成本', { actual: '90', points: '8' }],
        ['单项业务成本', { grade: GRADE, points: '10' }],
        ['对维护基建市场公平的影响程度', { grade: GRADE, points: '10' }],
        ['对控制基建项目成本影响程度', { grade: GRADE, points: '10' }],
        ['对推动基建项目“四项制度”健全和落实的持续性影响', { grade: GRADE, points: '10' }],
      ],
    );

    const villages = byName('村级补助及运转经费');
    expect(villages.yearBudget).toEqual({
      adjusted: { fiscal: 132_912_000, carryover: 0, other: 0 },
    });
    expect(villages.evaluation).toEqual({
      executed: { fiscal: 132_912_000, carryover: 0, other: 0 },
      goalActual: '8 个村（社区）两委正常运转，42 名村干部补助全部按时足额发放。',
    });
    expect(villages.indicators.map((indicator) => [indicator.name, indicator.evaluation])).toEqual([
      ['补助村(社区)数量', { grade: GRADE, points: '8' }],
      ['保障村干部人数', { grade: GRADE, points: '8' }],
      ['补助资格合规性', { grade: GRADE, points: '8' }],
      ['经费审批流程规范性', { grade: GRADE, points: '8' }],
      ['补助经费到位及时性', { grade: GRADE, points: '8' }],
      ['项目总成本', { actual: '132.9', points: '10' }],
      ['对保障村(社区)两委机构正常运行的影响程度', { grade: GRADE, points: '10' }],
      ['提高村(社区)干部工作积极性的影响程度', { grade: GRADE, points: '10' }],
    ]);
    // The merge of a 自评表 leaves the 监控 side alone.
    expect(projects(merged.document).some((project) => project.monitoring)).toBe(false);
  });
});

/**
 * The chizhou document with what its own data leaves out: several 偏差原因 groups with a two-line
 * explanation, an explanation or a 纠偏措施 alone, a group alone, a 备注; an indicator that does
 * not apply, 全年执行数 under 全年预算数 with its 偏差原因分析, a score under full marks.
 */
function varied(): JixiaoDocument {
  const document = structuredClone(original);
  const [entrusted, villages] = document.units[0]!.projects;
  const indicator = (project: Project, id: string) =>
    project.indicators.find((item) => item.id === id)!;
  Object.assign(indicator(entrusted!, 'e-i1').monitoring!, { causeText: '统计口径调整' });
  Object.assign(indicator(entrusted!, 'e-i2').monitoring!, { corrective: '加强审核' });
  Object.assign(indicator(entrusted!, 'e-i4').monitoring!, {
    causes: ['人员保障', '经费保障'],
    causeText: '委托机构人员变动\n经费拨付延迟',
  });
  Object.assign(indicator(entrusted!, 'e-i5').monitoring!, { causes: ['其他'] });
  Object.assign(indicator(entrusted!, 'e-i6').monitoring!, { remark: '按季度复核' });
  entrusted!.evaluation = {
    ...entrusted!.evaluation,
    executed: { fiscal: 85_000_000, carryover: 0, other: 0 },
    budgetAnalysis: '部分合同尾款次年支付',
  };
  indicator(entrusted!, 'e-i1').evaluation = {
    actual: '45',
    points: '8',
    analysis: '两项业务转入次年',
  };
  indicator(villages!, 'v-i8').evaluation = { notApplicable: true, points: '10' };
  return document;
}

describe.each(['xlsx', 'docx'] as const)(
  'a varied 监控表 and 自评表 (%s) merged back',
  (format) => {
    it('gives back the 偏差原因 groups, explanations, 纠偏措施 and 备注 as written', async () => {
      const { merged, byName } = await roundTrip('monitoring', format, varied());
      expect(messages(merged.report.entries)).toEqual([]);
      const monitoring = byName('委托业务项目').indicators.map((item) => item.monitoring);
      expect(monitoring.slice(0, 6)).toEqual([
        {
          toDate: '31个',
          forecast: '50个',
          likelihood: '确定能',
          causes: [],
          causeText: '统计口径调整',
        },
        {
          toDate: '100百分比',
          forecast: '100百分比',
          likelihood: '确定能',
          causes: [],
          corrective: '加强审核',
        },
        {
          toDate: '按进度推进',
          forecast: '严格执行相关制度规定',
          likelihood: '确定能',
          causes: [],
        },
        {
          toDate: '2份报告延期',
          forecast: '在项目计划完成时间内完成',
          likelihood: '有可能',
          causes: ['人员保障', '经费保障'],
          causeText: '委托机构人员变动\n经费拨付延迟',
          corrective: '约谈委托机构，按周报送进度',
        },
        { toDate: '54万元', forecast: '90万元', likelihood: '确定能', causes: ['其他'] },
        {
          toDate: '按进度推进',
          forecast: '符合相关规定',
          likelihood: '确定能',
          causes: [],
          remark: '按季度复核',
        },
      ]);
    });

    it('gives back 不适用, the 预算执行 analysis and a score under full marks', async () => {
      const { table, merged, byName } = await roundTrip('self-evaluation', format, varied());
      expect(messages(table.report.entries)).toEqual([]);
      expect(messages(merged.report.entries)).toEqual([]);
      const entrusted = byName('委托业务项目');
      expect(entrusted.evaluation).toEqual({
        executed: { fiscal: 85_000_000, carryover: 0, other: 0 },
        goalActual: '全年完成委托业务 50 项，报告全部合格并按期提交，总成本 89.974 万元。',
        budgetAnalysis: '部分合同尾款次年支付',
      });
      expect(entrusted.indicators[0]!.evaluation).toEqual({
        actual: '45',
        points: '8',
        analysis: '两项业务转入次年',
      });
      expect(byName('村级补助及运转经费').indicators[7]!.evaluation).toEqual({
        notApplicable: true,
        points: '10',
      });
    });
  },
);

describe("a 自评表 whose 分值 are the rules' shares", () => {
  it('leaves 分值 to the rules, and says so, when the document had none', async () => {
    const source = structuredClone(original);
    for (const project of projects(source))
      for (const indicator of project.indicators) delete indicator.evaluation!.points;
    const { merged, byName } = await roundTrip('self-evaluation', 'xlsx', source);
    expect(messages(merged.report.entries)).toEqual([]);
    expect(
      byName('委托业务项目')
        .indicators.slice(0, 3)
        .map((item) => item.evaluation),
    ).toEqual([{ actual: '50' }, { actual: '100' }, { grade: GRADE }]);
    expect(
      merged.report.entries.filter((entry) => entry.message.includes('平均分配')),
    ).toHaveLength(2);
  });
});

function projects(document: JixiaoDocument): Project[] {
  return document.units.flatMap((unit) => unit.projects);
}

/**
 * 委托业务项目 with 上年结转 in its 全年预算数 and 执行数, which the 监控表 prints inside its
 * 「其中：财政拨款」 line (the template has no 上年结转 line). Amounts in 分 of 元.
 */
function withCarryover(executedFiscal = 43_984_400): JixiaoDocument {
  const document = structuredClone(original);
  const entrusted = document.units[0]!.projects[0]!;
  entrusted.yearBudget = { adjusted: { fiscal: 79_974_000, carryover: 10_000_000, other: 0 } };
  entrusted.monitoring!.executed = { fiscal: executedFiscal, carryover: 10_000_000, other: 0 };
  return document;
}

describe.each(['xlsx', 'docx'] as const)('a 监控表 (%s) of a project with 上年结转', (format) => {
  async function mergeInto(target: JixiaoDocument, source: JixiaoDocument) {
    const bytes = await renderExport(source, { format, layout: 'monitoring' });
    const file = join(folder, `carryover-monitoring.${format}`);
    await writeFile(file, bytes);
    const table = await importFromFile(file);
    const merged = mergeStageValues(target, table.document, table.report.stage!);
    return { merged, entrusted: merged.document.units[0]!.projects[0]! };
  }

  it('merged into its own document changes nothing and asks nothing', async () => {
    const document = withCarryover();
    const { merged, entrusted } = await mergeInto(document, document);
    expect(messages(merged.report.entries)).toEqual([]);
    expect(merged.report.overwritten).toBe(0);
    expect(entrusted.yearBudget).toEqual({
      adjusted: { fiscal: 79_974_000, carryover: 10_000_000, other: 0 },
    });
    expect(entrusted.monitoring!.executed).toEqual({
      fiscal: 43_984_400,
      carryover: 10_000_000,
      other: 0,
    });
  });

  it('with a new 执行数 says what the amount was and what it is now', async () => {
    // The form says 财政拨款 (with 上年结转) 600,000.00 元; the document had 539,844.00 元.
    const { merged, entrusted } = await mergeInto(withCarryover(), withCarryover(50_000_000));
    expect(messages(merged.report.entries)).toEqual([
      '执行数原为 539,844.00 元（财政拨款 439,844.00、上年结转 100,000.00），已改为表中的 600,000.00 元。',
    ]);
    expect(entrusted.monitoring!.executed).toEqual({ fiscal: 60_000_000, carryover: 0, other: 0 });
    // The 全年预算数 the form printed unchanged keeps its split.
    expect(entrusted.yearBudget!.adjusted).toEqual({
      fiscal: 79_974_000,
      carryover: 10_000_000,
      other: 0,
    });
  });
});
