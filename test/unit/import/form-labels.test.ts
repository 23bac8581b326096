// The label synonym table and the small readers of per-project forms: labels by meaning (with
// spaces, line breaks, brackets and colons inside), periods in any common form, amounts with glued
// units, and the order a clerk reads the report in.
import { describe, expect, it } from 'vitest';
import { parseFormAmount } from '../../../shared/import/formMoney';
import {
  fieldOf,
  gluedPair,
  goalOf,
  isClosing,
  labelParts,
  moneyLineOf,
} from '../../../shared/import/forms/labels';
import { readPeriod } from '../../../shared/import/forms/periods';
import {
  describeSource,
  entryField,
  orderEntries,
  type ImportEntry,
} from '../../../shared/import/report';
import { dominantYear } from '../../../shared/import/years';
import { importTextTable } from '../../../shared/import';

describe('label synonyms', () => {
  it.each([
    ['项目名称', 'name'],
    ['项目支出名称', 'name'],
    ['项目（支出）名称', 'name'],
    ['项目（支出）\n名称', 'name'],
    ['项 目 名 称：', 'name'],
    ['主管部门', 'supervisor'],
    ['预算部门', 'supervisor'],
    ['主管部门及代码', 'supervisor'],
    ['主管部门\n及编码', 'supervisor'],
    ['部门（单位）名称', 'supervisor'],
    ['实施单位', 'implementer'],
    ['项目单位', 'implementer'],
    ['项目执行单位', 'implementer'],
    ['项目期', 'period'],
    ['项目起止时间', 'period'],
    ['项目支出\n实施期', 'period'],
    ['实施期限', 'period'],
    ['项目属性', 'attribute'],
  ])('%s is %s', (label, field) => {
    expect(fieldOf(label)).toBe(field);
  });

  it('does not take values or other labels for head fields', () => {
    for (const text of ['教育系统基础设施建设和设备购置', '一级指标', '年度资金总额', '填报人'])
      expect(fieldOf(text)).toBeNull();
  });

  it.each([
    ['项目资金', null],
    ['资金总额', 'total'],
    ['年度资金总额', 'total'],
    ['当年资金总额:', 'total'],
    ['年度本级\n预算金额', 'total'],
    ['实施期资金总额', 'total'],
    ['其中：财政拨款', 'fiscal'],
    ['其中:当年财政拨款', 'fiscal'],
    ['其中：上级资金', 'fiscalPart'],
    ['其他资金', 'other'],
    ['上年结转资金', 'carryover'],
    ['自有资金', 'extra'],
  ])('money line %s is %s', (label, line) => {
    expect(moneyLineOf(label)).toBe(line);
  });

  it.each([
    ['总体目标', 'either'],
    ['中期目标（2025—2026年）', 'period'],
    ['实施期绩效目标', 'period'],
    ['长期目标', 'period'],
    ['年度目标', 'annual'],
    ['本年度绩效目标', 'annual'],
    ['年度\n总体\n目标', 'annual'],
  ])('goal %s is %s', (label, half) => {
    expect(goalOf(label)).toBe(half);
  });

  it('keeps bracketed parts as qualifiers', () => {
    expect(labelParts('二级指标(长期)')).toEqual({ base: '二级指标', qualifiers: ['长期'] });
    expect(labelParts('项目资金（万元）')).toEqual({ base: '项目资金', qualifiers: ['万元'] });
  });

  it('splits a label and its value written in one cell, and knows closing lines', () => {
    expect(gluedPair('年度资金总额：16')).toEqual({ label: '年度资金总额', value: '16' });
    expect(gluedPair('填报单位（盖章）：宁乡市坝塘镇人民政府')).toEqual({
      label: '填报单位（盖章）',
      value: '宁乡市坝塘镇人民政府',
    });
    expect(gluedPair('通信线路持续运行时间：99%')).toBeNull();
    for (const text of ['财政部门审核意见', '填报人：张三', '单位负责人：', '（盖章）　年　月　日'])
      expect(isClosing(text)).toBe(true);
    expect(isClosing('产出指标')).toBe(false);
  });

  it('closes on an opinion block, never on an indicator named after one', () => {
    for (const text of [
      '财政部门支出股室初审意见',
      '财政部门绩效评价股审核意见',
      '区扶贫办审核意见：同意',
      '主管部门审核意见\n同意',
      '财 政 部 门 审 核 意 见',
      '财政部门审核意见（盖章）',
      '财政部门\n审核意见',
      '财政部门审核\n意见',
      '审 核\n意 见',
      '审核意见 同意',
      '审核意见\u3000同意',
      '财政部门审核意见。',
      '审核意见【盖章】',
      '审核意见〔盖章〕',
      '审核意见﹙盖章﹚',
      '审核意见，同意',
      '审核意见；同意',
      '审核意见-同意',
      '主管部门意见',
      '专家评审意见',
      '评审意见',
      '单位负责人意见：同意',
    ])
      expect(isClosing(text), text).toBe(true);
    for (const text of [
      '审核意见落实率',
      '主管部门审核意见整改率',
      '施工图审查意见落实率',
      '落实财政评审初审意见整改率',
      '行政审批意见按时办结率',
      '审批意见（批复）按时率',
      '审核意见（建议）采纳率',
      '部门意见反馈及时率',
      '专家评审意见采纳率',
    ])
      expect(isClosing(text), text).toBe(false);
  });
});

describe('periods', () => {
  it.each([
    ['2年（2025–2026）', [2025, 2026]],
    ['2019-2021', [2019, 2021]],
    ['2024年至2026年', [2024, 2026]],
    ['2023.07-2024.01', [2023, 2024]],
    ['202001-202012', [2020, 2020]],
    ['2024年1月至12月', [2024, 2024]],
    ['2021年度', [2021, 2021]],
    ['1年', null],
  ])('%s', (text, years) => {
    expect(readPeriod(text)).toEqual(years);
  });
});

describe('amounts with glued units', () => {
  it.each([
    ['250万', 25000, '万元'],
    ['10000万元', 1000000, '万元'],
    ['1,234.56元', 123456, '元'],
    ['10606.7522万元', 10606752200, '元'],
    ['16', 1600, '万元'],
    // Full-width digits and marks with three to six decimals: exactly in 元, as in ASCII.
    ['１２．３４５', 12345000, '元'],
    ['1，234.567', 1234567000, '元'],
  ])('%s', (text, cents, unit) => {
    expect(parseFormAmount(text, '万元')).toMatchObject({ cents, unit });
  });

  it('refuses what is not an amount', () => {
    expect(parseFormAmount('参照政府采购', '万元')).toBeNull();
    expect(parseFormAmount('1.2345678万元', '万元')).toBeNull();
  });
});

describe('the budget year written in the text', () => {
  it('is the year written more often than all others together, at least twice', () => {
    expect(dominantYear(['2025年完成', '满足2025年需求', '2024年-2025年项目'])).toBe(2025);
    expect(dominantYear(['2024年-2025年项目'])).toBeNull();
    expect(dominantYear(['2023年', '2023年', '2024年', '2025年'])).toBeNull();
  });

  it('fills a form without a year in its title, for the clerk to confirm', () => {
    const text = [
      '项目名称\t2026年实训室建设',
      '实施单位\t某学校',
      '年度目标\t2026年建成实训室2间',
      '一级指标\t二级指标\t三级指标\t指标值',
      '产出指标\t数量指标\t实训室数量\t2间',
    ].join('\n');
    const { document, report } = importTextTable(text);
    expect(document.fiscalYear).toBe(2026);
    expect(report.entries[0]).toMatchObject({
      kind: 'warning',
      message: '表头中没有年度；项目名称和年度目标中写的是 2026 年，预算年度按 2026 填写，请核对。',
    });
  });
});

describe('the report in reading order', () => {
  const entry = (kind: ImportEntry['kind'], message: string): ImportEntry => ({ kind, message });

  it('puts what needs the clerk first and keeps the order within a kind', () => {
    const entries = [
      entry('normalised', 'a'),
      entry('warning', 'b'),
      entry('raw', 'c'),
      entry('recovered', 'd'),
      entry('warning', 'e'),
    ];
    expect(orderEntries(entries).map((item) => item.message)).toEqual(['b', 'e', 'c', 'd', 'a']);
  });

  it('names the part of the project an entry is about', () => {
    expect(
      entryField(entry('warning', '指标「学生满意率」的指标值「85%或以上」用文字表示符号')),
    ).toBe('indicators');
    expect(entryField(entry('normalised', '金额「770万」按 770.00 万元读取。'))).toBe('money');
    expect(entryField(entry('warning', '没有年度目标。'))).toBe('goal');
    expect(entryField(entry('warning', '项目名称为空。'))).toBe('name');
  });
});

describe('indicator tables never drop text', () => {
  it('keeps a note without an indicator and an unknown column raw, with their cells', () => {
    const text = [
      '2025年度项目支出绩效目标表',
      '项目名称\t实训室建设',
      '实施单位\t某学校',
      '年度目标\t建成实训室',
      '一级指标\t二级指标\t三级指标\t指标值\t权重\t备注',
      '产出指标\t数量指标\t实训室数量\t2间\t20\t',
      '\t质量指标\t\t\t\t以验收报告为准',
    ].join('\n');
    const { document, report } = importTextTable(text);
    const project = document.units[0]?.projects[0];
    expect(project?.indicators.map((indicator) => indicator.name)).toEqual(['实训室数量']);
    expect(project?.raw).toEqual([
      { text: '20', reason: '「权重」列', source: { line: 6, column: 5 } },
      {
        text: '以验收报告为准',
        reason: '指标表中没有三级指标的单元格',
        source: { line: 7, column: 6 },
      },
    ]);
    expect(report.entries.filter((entry) => entry.kind === 'raw')).toHaveLength(2);
  });
});

describe('places in the report', () => {
  it('names a spreadsheet cell, a Word cell, a row and a text line the way a clerk finds them', () => {
    expect(describeSource({ sheet: 'Sheet1', row: 5, column: 2, cell: 'B5' })).toBe('Sheet1!B5');
    expect(
      describeSource({ sheet: '表格 2', row: 3, column: 1, cell: '表格 2 第 3 行第 1 列' }),
    ).toBe('表格 2 第 3 行第 1 列');
    expect(describeSource({ sheet: '表格 3', row: 11 })).toBe('表格 3 第 11 行');
    expect(describeSource({ sheet: 'Sheet1', row: 13 })).toBe('工作表「Sheet1」 第 13 行');
    expect(describeSource({ line: 7, column: 6 })).toBe('第 7 行 第 6 列');
  });
});
