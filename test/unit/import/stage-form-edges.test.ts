import { describe, expect, it } from 'vitest';
import { tableFromTexts } from '../../../shared/import/grid';
import { importGrid } from '../../../shared/import/recognise';

/** A small filled form as rows of cells, imported as a pasted table is. */
function imported(lines: string[][]) {
  const rows = lines.map((cells, index) => ({ line: index + 1, cells }));
  const { document, report } = importGrid([tableFromTexts('文本', rows)], { container: '文本' });
  const projects = document.units.flatMap((unit) => unit.projects);
  return { projects, messages: report.entries.map((entry) => entry.message) };
}

const HEAD = [
  ['项目支出绩效自评表'],
  ['（2019年度）'],
  ['项目名称', '购买第三方服务'],
  ['主管部门', '市财政局', '实施单位', '市财政局'],
];
const MONEY = [
  ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
  ['年度资金总额', '287', '287', '171', '10', '60%', '6'],
];
const INDICATORS = [
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
  ['产出指标', '数量指标', '调研报告', '1份', '1份', '20', '20'],
];

describe('filled stage forms at the edges of the labels', () => {
  it('says when a form without 实施单位 is filed under its 主管部门', () => {
    const { messages } = imported([
      ['项目支出绩效自评表'],
      ['（2019年度）'],
      ['项目名称', '购买第三方服务'],
      ['主管部门', '610001市财政局'],
      ...MONEY,
      ...INDICATORS,
    ]);
    expect(messages).toContain('没有实施单位，项目按主管部门归入「市财政局」。');
    const alone = imported([
      ['项目支出绩效自评表'],
      ['项目名称', '购买第三方服务'],
      ...MONEY,
      ...INDICATORS,
    ]);
    expect(alone.messages).toContain(
      '没有实施单位和主管部门，项目归入「（未命名单位）」，请在项目详情中填写单位。',
    );
    const codeOnly = (head: string[]) =>
      imported([
        ['项目支出绩效自评表'],
        ['项目名称', '购买第三方服务'],
        head,
        ...MONEY,
        ...INDICATORS,
      ]);
    expect(codeOnly(['主管部门', '610001']).messages).toContain(
      '没有实施单位，主管部门也没有名称，项目归入「（未命名单位）」，请在项目详情中填写单位。',
    );
    const filed = codeOnly(['主管部门', '市财政局', '实施单位', '610001']);
    expect(filed.messages).toContain(
      '实施单位只有编码「610001」，项目按主管部门归入「市财政局」。',
    );
    expect(filed.projects).toHaveLength(1);
    expect(imported([...HEAD, ...MONEY, ...INDICATORS]).messages.join()).not.toContain(
      '没有实施单位',
    );
  });

  it('reads an indicator named 说明 as an indicator, and the ones after it', () => {
    const { projects } = imported([
      ...HEAD,
      ...MONEY,
      ['其中：当年财政拨款', '287', '287', '171'],
      ...INDICATORS,
      ['', '', '说明', '1份', '1份', '20', '20'],
      ['', '质量指标', '验收合格率', '100%', '100%', '20', '20'],
    ]);
    expect(projects[0]?.indicators.map((indicator) => indicator.name)).toEqual([
      '调研报告',
      '说明',
      '验收合格率',
    ]);
  });

  it('keeps the text of a closing 说明 row, and says so', () => {
    const { projects, messages } = imported([
      ...HEAD,
      ...MONEY,
      ['其中：当年财政拨款', '287', '287', '171'],
      ...INDICATORS,
      ['说明', '受疫情影响，部分调研推迟到下年'],
    ]);
    expect(projects[0]?.indicators).toHaveLength(1);
    expect(projects[0]?.raw.map((entry) => entry.text)).toEqual([
      '说明：受疫情影响，部分调研推迟到下年',
    ]);
    expect(messages.some((message) => message.includes('受疫情影响'))).toBe(true);
  });

  it('reads a single 中央补助资金 line as no 财政拨款 line: the budget stays the total', () => {
    const { projects, messages } = imported([
      ...HEAD,
      ...MONEY,
      ['其中：中央补助资金', '30', '30', '30'],
      ['省补助资金', '20', '20', '20'],
      ...INDICATORS,
    ]);
    expect(projects[0]?.evaluation?.executed?.fiscal).toBe(17_100);
    expect(projects[0]?.yearBudget?.adjusted?.fiscal).toBe(28_700);
    expect(messages.some((message) => message.includes('按资金总额减其他各项计算'))).toBe(true);
    // The lines it does not know are kept, with their figures.
    expect(projects[0]?.raw.map((entry) => `${entry.text}｜${entry.reason}`)).toEqual([
      '中央补助资金：30 / 30 / 30｜资金来源未识别，未计入金额',
      '省补助资金：20 / 20 / 20｜资金来源未识别，未计入金额',
    ]);
  });

  it('keeps a second line of the same kind of money raw instead of dropping it', () => {
    const { projects } = imported([
      ...HEAD,
      ...MONEY,
      ['其中：当年财政拨款', '200', '200', '100'],
      ['一般公共预算拨款', '87', '87', '71'],
      ...INDICATORS,
    ]);
    expect(projects[0]?.raw.map((entry) => `${entry.text}｜${entry.reason}`)).toContain(
      '一般公共预算拨款：87｜与上面一行同属一类资金，未计入金额',
    );
  });

  it('reads 未完成原因 on a 监控表 as the cause in words', () => {
    const { projects } = imported([
      ['项目支出绩效目标执行监控表'],
      ['（2019年度）'],
      ['项目名称', '购买第三方服务'],
      ['主管部门', '市财政局', '实施单位', '市财政局'],
      [
        '项目资金（万元）',
        '年初预算数',
        '全年预算数',
        '1-6月执行数',
        '1-6月执行率',
        '全年预计执行数',
      ],
      ['年度资金总额', '287', '287', '171', '60%', '287'],
      ['其中：当年财政拨款', '287', '287', '171'],
      [
        '一级指标',
        '二级指标',
        '三级指标',
        '年度指标值',
        '1-6月执行情况',
        '全年预计完成情况',
        '未完成原因',
        '备注',
      ],
      ['产出指标', '数量指标', '调研报告', '1份', '0份', '1份', '人员不足', ''],
    ]);
    expect(projects[0]?.indicators[0]?.monitoring?.causeText).toBe('人员不足');
  });
});

describe('two name rows for one project', () => {
  it('gives one project under 项目名称, the 专项资金名称 kept raw', () => {
    const { projects } = imported([
      ['项目支出绩效目标表'],
      ['（2025年度）'],
      ['专项资金名称', '农业发展专项'],
      ['项目名称', '购买第三方服务'],
      ['主管部门及代码', '市财政局', '实施单位', '市财政局'],
      ['项目资金（万元）', '年度资金总额', '100'],
      ['年度绩效目标', '完成调研'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '调研报告', '1份'],
    ]);
    expect(projects.map((project) => project.name)).toEqual(['购买第三方服务']);
    expect(projects[0]?.raw.map((entry) => entry.text)).toContain('农业发展专项');
  });
});

describe('refusing a table it cannot read', () => {
  it('names a 自评表 only by a title, not by a cell that mentions 自评', () => {
    expect(() =>
      imported([
        ['绩效目标', '绩效自评完成率100%'],
        ['单位名称', '金额'],
      ]),
    ).toThrow(/^文本中没有找到项目支出绩效目标表/u);
  });
});

describe('filled stage forms and what a template leaves', () => {
  it('reads indicators named after an opinion (审查意见落实率) as indicators, and the ones after them', () => {
    const { projects } = imported([
      ...HEAD,
      ...MONEY,
      ['其中：当年财政拨款', '287', '287', '171'],
      ...INDICATORS,
      ['', '', '施工图审查意见落实率', '100%', '100%', '20', '20'],
      ['', '质量指标', '落实财政评审初审意见整改率', '100%', '100%', '20', '20'],
      ['', '', '验收合格率', '100%', '100%', '20', '20'],
    ]);
    expect(projects[0]?.indicators.map((indicator) => indicator.name)).toEqual([
      '调研报告',
      '施工图审查意见落实率',
      '落实财政评审初审意见整改率',
      '验收合格率',
    ]);
  });

  it('keeps a clerk’s text that still ends with the template’s 字数 limit, without the limit', () => {
    const { projects, messages } = imported([
      ...HEAD,
      ...MONEY,
      ['其中：当年财政拨款', '287', '287', '171'],
      ['年度总体目标', '预期目标', '实际完成情况'],
      [
        '',
        '完成全年调研任务。（200字以内）',
        '对照年度目标，说明相关任务目标的完成情况（100字以内）',
      ],
      ...INDICATORS,
    ]);
    expect(projects[0]?.goals.annual).toBe('完成全年调研任务。');
    expect(projects[0]?.evaluation?.goalActual ?? '').toBe('');
    expect(messages).toContain(
      '1 处内容末尾留有表格模板的字数提示（如「（200字以内）」），已去掉。',
    );
  });
});
