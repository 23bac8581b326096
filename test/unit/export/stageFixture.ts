/**
 * A document carried through its year: the two published 项目支出绩效自评表 (2022年度) of
 * 池州市贵池区棠溪镇人民政府 that test/unit/scoring/published.test.ts scores — the same indicators,
 * 分值, 实际完成值 and amounts (元) — plus 监控 data as of 2022-07. The published figures are real;
 * the goal texts, the 7月 execution, the monitoring columns and 实际完成情况 are written for the
 * fixture (no 监控表 of these projects was published) and say so in no cell.
 * test/fixtures/stage/chizhou-2022.jixiao.json is this document as saved (a test checks they
 * agree); the CLI and e2e tests open that file.
 */
import {
  documentSettingsSchema,
  parseValue,
  SCHEMA_VERSION,
  type Indicator,
  type IndicatorEvaluation,
  type IndicatorMonitoring,
  type JixiaoDocument,
} from '../../../shared/model';

export const GRADE = '达成年度指标';

type Row = [
  level1: string,
  level2: string,
  name: string,
  target: string,
  actual: string,
  points: string,
  monitoring?: Partial<IndicatorMonitoring>,
];

function indicators(prefix: string, rows: Row[]): Indicator[] {
  return rows.map(([level1, level2, name, target, actual, points, monitoring], index) => {
    const evaluation: IndicatorEvaluation =
      actual === GRADE ? { grade: GRADE, points } : { actual, points };
    return {
      id: `${prefix}-i${index + 1}`,
      level1,
      level2,
      name,
      period: parseValue(target),
      annual: parseValue(target),
      evaluation,
      monitoring: {
        toDate: monitoring?.toDate ?? '按进度推进',
        forecast: monitoring?.forecast ?? target.replace(/^[≥≤＝=]/, ''),
        likelihood: monitoring?.likelihood ?? '确定能',
        causes: monitoring?.causes ?? [],
        ...(monitoring?.causeText ? { causeText: monitoring.causeText } : {}),
        ...(monitoring?.corrective ? { corrective: monitoring.corrective } : {}),
      },
    };
  });
}

/** Published rows of 委托业务项目: 一级, 二级, 三级, 年度指标值, 实际完成值 (or grade), 分值. */
export const ENTRUSTED: Row[] = [
  [
    '产出指标',
    '数量指标',
    '基建工程委托业务项目数量',
    '≥50个',
    '50',
    '8',
    { toDate: '31个', forecast: '50个' },
  ],
  ['产出指标', '质量指标', '委托业务报告合格率', '≥100百分比', '100', '8', { toDate: '100百分比' }],
  ['产出指标', '质量指标', '经费支出合规性', '严格执行相关制度规定', GRADE, '8'],
  [
    '产出指标',
    '时效指标',
    '提交报告及时性',
    '在项目计划完成时间内完成',
    GRADE,
    '8',
    {
      toDate: '2份报告延期',
      likelihood: '有可能',
      causes: ['人员保障'],
      causeText: '委托机构人员变动，2份报告延期提交',
      corrective: '约谈委托机构，按周报送进度',
    },
  ],
  [
    '产出指标',
    '成本指标',
    '项目总成本',
    '≤90万元',
    '90',
    '8',
    { toDate: '54万元', forecast: '90万元' },
  ],
  ['产出指标', '成本指标', '单项业务成本', '符合相关规定', GRADE, '10'],
  ['效益指标', '社会效益指标', '对维护基建市场公平的影响程度', '效果明显', GRADE, '10'],
  ['效益指标', '社会效益指标', '对控制基建项目成本影响程度', '效果明显', GRADE, '10'],
  [
    '效益指标',
    '社会效益指标',
    '对推动基建项目“四项制度”健全和落实的持续性影响',
    '效果明显',
    GRADE,
    '10',
  ],
];

/** Published rows of 村级补助及运转经费. */
export const VILLAGES: Row[] = [
  [
    '产出指标',
    '数量指标',
    '补助村(社区)数量',
    '＝8个',
    GRADE,
    '8',
    { toDate: '8个', forecast: '8个' },
  ],
  [
    '产出指标',
    '数量指标',
    '保障村干部人数',
    '＝42个',
    GRADE,
    '8',
    { toDate: '42个', forecast: '42个' },
  ],
  ['产出指标', '质量指标', '补助资格合规性', '合规', GRADE, '8'],
  ['产出指标', '质量指标', '经费审批流程规范性', '严格执行相关制度规定', GRADE, '8'],
  ['产出指标', '时效指标', '补助经费到位及时性', '及时', GRADE, '8'],
  [
    '产出指标',
    '成本指标',
    '项目总成本',
    '≤202.6万元',
    '132.9',
    '10',
    {
      toDate: '77.53万元',
      forecast: '132.9万元',
      causes: ['经费保障'],
      causeText: '年中调减预算 69.728 万元',
    },
  ],
  ['效益指标', '社会效益指标', '对保障村(社区)两委机构正常运行的影响程度', '效果明显', GRADE, '10'],
  ['效益指标', '社会效益指标', '提高村(社区)干部工作积极性的影响程度', '效果明显', GRADE, '10'],
];

export const ENTRUSTED_NAME = '委托业务项目';
export const VILLAGES_NAME = '村级补助及运转经费';

/** The 池州 document with 监控 (2022-07) and 自评 data; amounts in 元. */
export function chizhouDocument(): JixiaoDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    title: '项目支出绩效目标表',
    department: '池州市贵池区棠溪镇人民政府',
    fiscalYear: 2022,
    moneyUnit: '元',
    frameworkId: 'gz-2025',
    settings: documentSettingsSchema.parse({}),
    units: [
      {
        id: 'u1',
        name: '池州市贵池区棠溪镇人民政府',
        projects: [
          {
            id: 'p-entrusted',
            name: ENTRUSTED_NAME,
            money: { fiscal: 900_000_00, specialAccount: 0, other: 0 },
            goals: {
              annual:
                '完成基建工程委托业务 50 项，报告按期提交、全部合格，项目总成本控制在 90 万元以内。',
            },
            indicators: indicators('e', ENTRUSTED),
            yearBudget: { adjusted: { fiscal: 899_740_00, carryover: 0, other: 0 } },
            monitoring: {
              asOf: '2022-07',
              executed: { fiscal: 539_844_00, carryover: 0, other: 0 },
              goalProgress: '已完成委托业务 31 项，报告合格率 100%，2 份报告延期。',
            },
            evaluation: {
              executed: { fiscal: 899_740_00, carryover: 0, other: 0 },
              goalActual: '全年完成委托业务 50 项，报告全部合格并按期提交，总成本 89.974 万元。',
            },
            raw: [],
          },
          {
            id: 'p-villages',
            name: VILLAGES_NAME,
            money: { fiscal: 2_026_400_00, specialAccount: 0, other: 0 },
            goals: { annual: '保障 8 个村（社区）两委正常运转和 42 名村干部补助按时足额发放。' },
            indicators: indicators('v', VILLAGES),
            yearBudget: { adjusted: { fiscal: 1_329_120_00, carryover: 0, other: 0 } },
            monitoring: {
              asOf: '2022-07',
              executed: { fiscal: 775_320_00, carryover: 0, other: 0 },
              goalProgress: '8 个村（社区）补助已按月拨付，年中预算调减后按调整数执行。',
            },
            evaluation: {
              executed: { fiscal: 1_329_120_00, carryover: 0, other: 0 },
              goalActual: '8 个村（社区）两委正常运转，42 名村干部补助全部按时足额发放。',
            },
            raw: [],
          },
        ],
      },
    ],
  };
}
