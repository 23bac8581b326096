import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ImportError,
  importDisclosureText,
  parseIndicatorRun,
  type ImportResult,
} from '../../../shared/import';
import {
  documentAmounts,
  documentSchema,
  projectAmounts,
  renderValue,
  type JixiaoDocument,
} from '../../../shared/model';

const SEED_PATH = fileURLToPath(
  new URL('../../fixtures/seed-guangzhou-2025-jidian-disclosure.txt', import.meta.url),
);
const seed = readFileSync(SEED_PATH, 'utf8');

const OUTPUT = '产出指标';
const BENEFIT = '效益指标';
const SATISFACTION = '满意度指标';
const QUANTITY = '数量指标';
const QUALITY = '质量指标';
const TIMELINESS = '时效指标';
const ECONOMIC = '经济效益指标';
const SOCIAL = '社会效益指标';
const SERVED = '服务对象满意度指标';

type Row = [level1: string, level2: string, name: string, period: string, annual: string];

/** Transcribed by hand from the seed, project by project (name, 总计 in hundredths, indicators). */
const EXPECTED: Array<[name: string, total: number, indicators: Row[]]> = [
  [
    '市机电技师学院安保和物业管理服务经费',
    63800,
    [
      [OUTPUT, QUALITY, '维护校园和谐稳定发展', '校园维稳处理率100%', '校园维稳处理率100%'],
      [OUTPUT, QUALITY, '设备设施修复完好率', '90%', '90%'],
      [BENEFIT, SOCIAL, '安全生产事故发生数', '0次', '0次'],
      [SATISFACTION, SERVED, '物业安保服务满意率', '90%', '90%'],
      [SATISFACTION, SERVED, '物业服务满意率', '90%', '90%'],
    ],
  ],
  [
    '市机电技师学院教学实训设备维修维护工作经费项目',
    16000,
    [
      [OUTPUT, QUALITY, '维护维修验收合格率', '100%', '100%'],
      [OUTPUT, QUALITY, '设备完好率', '95%', '95%'],
      [BENEFIT, SOCIAL, '重大安全事故次数', '0', '0'],
      [SATISFACTION, SERVED, '设备运行维护的满意率（%）', '90%', '90%'],
    ],
  ],
  [
    '市机电技师学院技能竞赛设备设施购置项目',
    77000,
    [
      [OUTPUT, QUANTITY, '一体化课程标准', '2门', '2门'],
      [OUTPUT, QUANTITY, '人才培养次数', '100人次', '100人次'],
      [OUTPUT, QUANTITY, '制定人才培养方案', '1份', '1份'],
      [OUTPUT, QUANTITY, '撰写调研报告篇数', '1份', '1份'],
      [OUTPUT, QUANTITY, '新增一体化教师', '5人', '5人'],
      [OUTPUT, QUANTITY, '新增实训室数量', '2间', '2间'],
      [OUTPUT, QUANTITY, '新增实训工位数', '137个', '137个'],
      [OUTPUT, QUANTITY, '新增管理制度数量', '1份', '1份'],
      [OUTPUT, QUANTITY, '新增设备数量', '89台套', '89台套'],
      [OUTPUT, QUANTITY, '新增课件数量', '1套', '1套'],
      [BENEFIT, ECONOMIC, '实训室使用率', '每学期400人/次以上', '每学期400人/次以上'],
      [BENEFIT, SOCIAL, '参与行业交流学习活动', '2次', '2次'],
      [BENEFIT, SOCIAL, '设备设施使用年限', '≥5年', '≥5年'],
      [BENEFIT, SOCIAL, '重大安全事故发生数量', '0', '0'],
      [SATISFACTION, SERVED, '服务对象满意度', '≥90%', '≥90%'],
    ],
  ],
  [
    '市机电技师学院技校实训、竞赛耗材项目购置项目',
    38000,
    [
      [OUTPUT, QUANTITY, '培养教练数量', '10人以上', '10人以上'],
      [OUTPUT, QUANTITY, '培养竞赛选手梯队人数', '100人以上', '100人以上'],
      [OUTPUT, QUALITY, '实训耗材质量达标率', '100%', '100%'],
      [BENEFIT, SOCIAL, '重大安全事故发生数量', '0', '0'],
      [SATISFACTION, SERVED, '学生满意率', '85%或以上', '85%或以上'],
    ],
  ],
  [
    '市机电技师学院国家助学金补助资金项目',
    5973,
    [
      [OUTPUT, QUANTITY, '学生受助人数量', '371人', '371人'],
      [OUTPUT, QUALITY, '助学金工作对象认定准确率', '100%', '100%'],
      [OUTPUT, QUALITY, '学生申报资格零差错', '0', '0'],
      [BENEFIT, SOCIAL, '国家资助政策宣传普及率（%）', '100%', '100%'],
      [SATISFACTION, SERVED, '服务对象满意度（%）', '≥95%', '≥95%'],
    ],
  ],
  [
    '广州市机电技师学院校园维护维修项目',
    33600,
    [
      [OUTPUT, QUANTITY, '项目工程量完成率', '100%', '100%'],
      [OUTPUT, QUALITY, '工程验收合格率', '100%', '100%'],
      [BENEFIT, SOCIAL, '建设过程安全事故发生数量', '0', '0'],
      [SATISFACTION, SERVED, '收到有效投诉数量', '0', '0'],
    ],
  ],
  [
    '市机电技师学院教学信息化设备购置项目',
    59600,
    [
      [OUTPUT, QUANTITY, '系统用户数', '≥8000人', '≥8000人'],
      [OUTPUT, QUALITY, '设备验收通过率', '100%', '100%'],
      [BENEFIT, SOCIAL, '重大网络安全事故数量', '0', '0'],
      [SATISFACTION, SERVED, '服务对象满意度（设备使用满意度）', '≥90%', '≥90%'],
    ],
  ],
  [
    '市机电技师学院免学费财政补助项目',
    98920,
    [
      [OUTPUT, QUALITY, '因工作失误致国家资金流失事件为0', '0', '0'],
      [OUTPUT, QUALITY, '学生申报资格零差错', '0', '0'],
      [BENEFIT, SOCIAL, '国家资助政策宣传普及率（%）', '100%', '100%'],
      [SATISFACTION, SERVED, '享受免学费资助学生满意度', '95%', '95%'],
    ],
  ],
  [
    '广州市机电技师学院专业实训设备及教学设施购置项目',
    72000,
    [
      [OUTPUT, QUANTITY, '制定人才培养方案', '1份', '1份'],
      [OUTPUT, QUANTITY, '培养骨干教师', '2人', '2人'],
      [OUTPUT, QUANTITY, '年培训人次', '100人次', '100人次'],
      [OUTPUT, QUANTITY, '撰写调研报告篇数', '1份', '1份'],
      [OUTPUT, QUANTITY, '新增工位数', '≥75个', '≥75个'],
      [OUTPUT, QUANTITY, '新增设备台套数', '22台套', '22台套'],
      [OUTPUT, QUALITY, '设备验收合格率', '100%', '100%'],
      [BENEFIT, SOCIAL, '安全生产事故发生数', '0', '0'],
      [SATISFACTION, SERVED, '服务对象满意度（%）', '≥90%', '≥90%'],
    ],
  ],
  [
    '广州市机电技师学院2024年-2025年校园信息化设备运维项目',
    312,
    [
      [OUTPUT, QUANTITY, '故障工单关闭率', '100%', '100%'],
      [OUTPUT, QUANTITY, '软硬件设备的到件率', '100%', '100%'],
      [OUTPUT, QUALITY, '通信线路持续运行时间', '99%以上', '99%以上'],
      [OUTPUT, TIMELINESS, '设施设备正常运行率', '99.90%', '99.90%'],
      [BENEFIT, SOCIAL, '设备事故发生率', '0', '0'],
      [SATISFACTION, SERVED, '服务对象的满意度', '90%', '90%'],
    ],
  ],
  [
    '广州市机电技师学院2024年智慧校园管理系统升级改造项目',
    263,
    [
      [OUTPUT, QUANTITY, '备份策略', '本地全量备份不小于每周一次', '本地全量备份不小于每周一次'],
      [OUTPUT, QUANTITY, '桌面运维服务对象数量', '>3000（人）', '>3000（人）'],
      [OUTPUT, QUANTITY, '系统功能访问量', '>300000（次）', '>300000（次）'],
      [OUTPUT, QUANTITY, '系统并发数', '>300（个）', '>300（个）'],
      [OUTPUT, QUANTITY, '系统用户数', '>1000（人）', '>1000（人）'],
      [OUTPUT, QUALITY, '信息系统数据互通率', '对接统一身份认证', '对接统一身份认证'],
      [OUTPUT, TIMELINESS, '修复及时率', '≤5小时', '≤5小时'],
      [OUTPUT, TIMELINESS, '响应时间', '≤3（秒）', '≤3（秒）'],
      [OUTPUT, TIMELINESS, '计划完成率', '18', '18'],
      [BENEFIT, ECONOMIC, '年度新增数据量', '>600000（条）', '>600000（条）'],
      [BENEFIT, ECONOMIC, '应用类系统可用率', '95%以上', '95%以上'],
      [BENEFIT, SOCIAL, '系统年度业务量', '>9000件', '>9000件'],
      [BENEFIT, SOCIAL, '网络安全等级保护级别', '二级', '二级'],
    ],
  ],
  [
    '广州市机电技师学院定向培养职业教育硕士补贴',
    2300,
    [
      [OUTPUT, QUALITY, '补贴发放准确率', '100%', '100%'],
      [BENEFIT, SOCIAL, '宣传覆盖率', '100%', '100%'],
      [BENEFIT, SOCIAL, '政策知晓率', '100%', '100%'],
      [SATISFACTION, SERVED, '服务对象满意度（%）', '100%', '100%'],
    ],
  ],
  [
    '广州市机电技师学院高层次人才安家补贴及租购房补贴',
    4500,
    [
      [OUTPUT, QUALITY, '补贴发放准确率', '100%', '100%'],
      [BENEFIT, SOCIAL, '宣传覆盖率', '100%', '100%'],
      [BENEFIT, SOCIAL, '政策知晓率', '100%', '100%'],
      [SATISFACTION, SERVED, '服务对象满意度（%）', '100%', '100%'],
    ],
  ],
  [
    '广州市机电技师学院2025年-2026年校园信息化设备运维项目',
    6925,
    [
      [OUTPUT, QUANTITY, '故障工单关闭率', '100%', '100%'],
      [OUTPUT, QUALITY, '硬件设备可以正常使用；软件可以安全、稳定运行', '99%', '99%'],
      [OUTPUT, QUALITY, '通信线路持续运行时间', '99.9%以上', '99.9%以上'],
      [OUTPUT, TIMELINESS, '设施设备正常运行率%', '99.90%', '99.90%'],
      [OUTPUT, TIMELINESS, '项目进度', '12个月', '12个月'],
      [
        BENEFIT,
        ECONOMIC,
        '项目合同填报指标',
        '项目单位应在签署合同后的15个工作日内在项目管理系统填报合同签署情况',
        '项目单位应在签署合同后的15个工作日内在项目管理系统填报合同签署情况',
      ],
      [SATISFACTION, SERVED, '服务对象满意度', '90%', '90%'],
    ],
  ],
];

const HTML_PROJECTS = [
  '市机电技师学院免学费财政补助项目',
  '广州市机电技师学院专业实训设备及教学设施购置项目',
  '广州市机电技师学院2024年-2025年校园信息化设备运维项目',
  '广州市机电技师学院2024年智慧校园管理系统升级改造项目',
  '广州市机电技师学院定向培养职业教育硕士补贴',
  '广州市机电技师学院高层次人才安家补贴及租购房补贴',
  '广州市机电技师学院2025年-2026年校园信息化设备运维项目',
];

const HEADER =
  '项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标';
const TITLE_BLOCK = '项目支出绩效目标表（含转移支付项目）\n部门名称：测试局\n单位：万元';
const SENTENCE = '1、1-产出指标；11-数量指标；培训人数；实施周期指标值：10人；年度指标值：10人。';

/** A small table in the seed's layout. */
function table(...rows: string[]): string {
  return [TITLE_BLOCK, HEADER, ...rows].join('\n');
}

function allProjects(document: JixiaoDocument) {
  return document.units.flatMap((unit) => unit.projects);
}

function project(result: ImportResult, name: string) {
  const found = allProjects(result.document).find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no project ${name}`);
  return found;
}

/** The document without generated ids, to compare two imports. */
function withoutIds(document: JixiaoDocument): unknown {
  return JSON.parse(
    JSON.stringify(document, (key, value: unknown) => (key === 'id' ? undefined : value)),
  );
}

function importError(text: string): ImportError {
  try {
    importDisclosureText(text);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('no ImportError');
}

describe('importDisclosureText on the Guangzhou 2025 seed', () => {
  const result = importDisclosureText(seed);
  const { document, report } = result;

  it('reads the title block, one unit, 14 projects and 89 indicators', () => {
    expect(document.department).toBe('广州市人力资源和社会保障局');
    expect(document.title).toBe('项目支出绩效目标表（含转移支付项目）');
    expect(document.moneyUnit).toBe('万元');
    expect(document.frameworkId).toBe('gz-2025');
    expect(document.units.map((unit) => unit.name)).toEqual(['广州市机电技师学院']);
    expect(report.counts).toEqual({ units: 1, projects: 14, indicators: 89 });
    expect(report.format).toBe('公开表（制表符分隔文本）');
    expect(documentSchema.safeParse(document).success).toBe(true);
  });

  it('derives 合计 4,791.93 from the 14 project totals, with no mismatch reported', () => {
    expect(allProjects(document).map((item) => [item.name, projectAmounts(item).total])).toEqual(
      EXPECTED.map(([name, total]) => [name, total]),
    );
    expect(documentAmounts(document)).toEqual({
      total: 479193,
      fiscal: 479193,
      specialAccount: 0,
      other: 0,
    });
    expect(report.entries.filter((entry) => entry.message.includes('不符'))).toEqual([]);
  });

  it('reads every indicator exactly', () => {
    const actual = allProjects(document).flatMap((item) =>
      item.indicators.map((indicator) => [
        item.name,
        indicator.level1,
        indicator.level2,
        indicator.name,
        renderValue(indicator.period),
        renderValue(indicator.annual),
      ]),
    );
    const expected = EXPECTED.flatMap(([name, , rows]) => rows.map((row) => [name, ...row]));
    expect(expected).toHaveLength(89);
    expect(actual).toEqual(expected);
  });

  it('keeps a 三级 name that contains ；', () => {
    const names = project(
      result,
      '广州市机电技师学院2025年-2026年校园信息化设备运维项目',
    ).indicators.map((indicator) => indicator.name);
    expect(names).toContain('硬件设备可以正常使用；软件可以安全、稳定运行');
  });

  it('recovers the indicator run written in the 定向培养 goal cell', () => {
    const name = '广州市机电技师学院定向培养职业教育硕士补贴';
    const recovered = report.entries.filter((entry) => entry.kind === 'recovered');
    expect(recovered).toHaveLength(1);
    expect(recovered[0]).toMatchObject({ project: name, source: { line: 44, column: 6 } });
    expect(project(result, name).goals.annual).toBe(
      '通过本项目，全面提高职业院校教师质量，建设高素质“双师型”（具备教师资格和职业资格）教师队伍，支持职业院校、本科高等学校和大中型企业共建双师型教师培训基地，联合培养双师型教师。',
    );
  });

  it('strips the HTML of the seven rows that carry it and reports each cell', () => {
    const htmlEntries = report.entries.filter(
      (entry) => entry.kind === 'normalised' && entry.message.includes('HTML'),
    );
    expect([...new Set(htmlEntries.map((entry) => entry.project))]).toEqual(HTML_PROJECTS);
    // Six rows have HTML in both cells, 定向培养 only in its goal cell.
    expect(htmlEntries).toHaveLength(13);
    expect(htmlEntries.every((entry) => entry.source?.line !== undefined)).toBe(true);
    for (const item of allProjects(document)) {
      expect(item.goals.annual).not.toMatch(/<\/?p>/);
      for (const indicator of item.indicators) {
        expect(`${indicator.name}${renderValue(indicator.annual)}`).not.toMatch(/[<>]p/);
      }
    }
    const smartCampus = project(result, '广州市机电技师学院2024年智慧校园管理系统升级改造项目');
    const paragraphs = smartCampus.goals.annual.split('\n');
    expect(paragraphs).toHaveLength(4);
    expect(paragraphs[1]).toMatch(/^一是教务系统的升级/);
    expect(paragraphs[3]).toMatch(/^三是新建的调查问卷管理系统/);
  });

  it('reads values into their structure, keeping text that would not print back', () => {
    const values = new Map(
      allProjects(document).flatMap((item) =>
        item.indicators.map((indicator) => [renderValue(indicator.annual), indicator.annual]),
      ),
    );
    expect(values.get('≥90%')).toEqual({ sign: '≥', value: '90', unit: '%' });
    expect(values.get('>3000（人）')).toEqual({
      sign: '＞',
      value: '3000',
      unit: '人',
      text: '>3000（人）',
    });
    expect(values.get('≤5小时')).toEqual({ sign: '≤', value: '5', unit: '小时' });
    expect(values.get('85%或以上')).toEqual({
      sign: '≥',
      value: '85',
      unit: '%',
      text: '85%或以上',
    });
    expect(values.get('89台套')).toEqual({ sign: '', value: '89', unit: '台套' });
    expect(values.get('0')).toEqual({ sign: '', value: '0', unit: '' });
    expect(values.get('二级')).toEqual({ sign: '定性', value: '二级', unit: '' });
    expect(values.get('99.90%')).toEqual({ sign: '', value: '99.90', unit: '%' });
  });

  it('reports signs written as words and ASCII signs, one entry per indicator', () => {
    const signWords = report.entries.filter(
      (entry) => entry.kind === 'warning' && entry.message.includes('用文字表示符号'),
    );
    expect(signWords.map((entry) => entry.message.match(/指标「(.+?)」/)?.[1])).toEqual([
      '培养教练数量',
      '培养竞赛选手梯队人数',
      '学生满意率',
      '通信线路持续运行时间',
      '应用类系统可用率',
      '通信线路持续运行时间',
    ]);
    expect(signWords[2]).toMatchObject({ source: { line: 22, column: 7 } });
    expect(signWords[2]?.message).toContain('≥85%');
    const ascii = report.entries.filter(
      (entry) => entry.kind === 'normalised' && entry.message.includes('识别为'),
    );
    expect(ascii).toHaveLength(7);
    expect(ascii[0]?.message).toContain('「>3000（人）」识别为「＞3000人」');
  });

  it('keeps nothing raw, because every seed sentence parses', () => {
    expect(report.entries.filter((entry) => entry.kind === 'raw')).toEqual([]);
    expect(allProjects(document).every((item) => item.raw.length === 0)).toBe(true);
  });

  it('takes the year the names and goals write throughout (2025), for the clerk to confirm', () => {
    expect(document.fiscalYear).toBe(2025);
    const yearEntry = report.entries.find((entry) => entry.message.includes('预算年度'));
    expect(yearEntry).toMatchObject({
      kind: 'warning',
      message:
        '标题中没有年度；项目名称和绩效目标中多处写的是 2025 年，预算年度按 2025 填写，请核对。',
    });
    expect(importDisclosureText(seed, { fiscalYear: 2026 }).document.fiscalYear).toBe(2026);
    expect(importDisclosureText(seed, { fiscalYear: null }).document.fiscalYear).toBeNull();
  });

  it('leaves the year empty when the text names several years about equally', () => {
    const mixed = seed.replace(/2025年/g, '2023年').replace(/2023年/, '2025年');
    const result = importDisclosureText(mixed);
    expect(result.document.fiscalYear).toBeNull();
    expect(result.report.entries.map((entry) => entry.message)).toContain(
      '标题中没有年度，预算年度留空，请在文档信息中填写（正文中最常出现的是 2023 年）。',
    );
  });

  it('gives the same document and report for CRLF text', () => {
    const crlf = importDisclosureText(seed.replace(/\n/g, '\r\n'));
    expect(withoutIds(crlf.document)).toEqual(withoutIds(document));
    expect(crlf.report).toEqual(report);
  });

  it('gives distinct ids', () => {
    const ids = allProjects(document).flatMap((item) => [
      item.id,
      ...item.indicators.map((indicator) => indicator.id),
    ]);
    expect(new Set([...ids, document.units[0]?.id]).size).toBe(ids.length + 1);
  });
});

describe('importDisclosureText on input that is not a table', () => {
  it.each([
    ['an empty string', ''],
    ['blank lines', ' \n\r\n\t\n'],
    ['random text', '今天天气很好。\nThe quick brown fox\t jumps.'],
    ['a header-only table', `${TITLE_BLOCK}\n${HEADER}\n`],
    ['a table with only 合计', `${TITLE_BLOCK}\n${HEADER}\n合计\t1.00\t1.00\t\t\t\t`],
  ])('throws ImportError with a Chinese message for %s', (_, text) => {
    const error = importError(text);
    expect(error.message).toMatch(/[\u4e00-\u9fff]{4}/u);
  });

  it('explains a missing header', () => {
    expect(importError('随便一段文字\t没有表头').message).toContain('表头');
  });
});

describe('importDisclosureText on damaged tables', () => {
  it('keeps an amount that is not a number raw and drops nothing', () => {
    const result = importDisclosureText(
      table('合计\t10.00\t10.00\t\t\t\t', `测试项目\tabc\tabc\t\t\t提高培训质量\t${SENTENCE}`),
    );
    const [item] = allProjects(result.document);
    expect(item?.money).toEqual({ fiscal: 0, specialAccount: 0, other: 0 });
    expect(item?.raw.map((note) => [note.text, note.source])).toEqual([
      ['abc', { line: 6, column: 2 }],
      ['abc', { line: 6, column: 3 }],
    ]);
    expect(item?.goals.annual).toBe('提高培训质量');
    expect(item?.indicators.map((indicator) => indicator.name)).toEqual(['培训人数']);
    const kinds = result.report.entries.map((entry) => entry.kind);
    expect(kinds.filter((kind) => kind === 'raw')).toHaveLength(2);
    // No unit row: the project goes to a unit named after the department, and that is reported.
    expect(result.document.units.map((unit) => unit.name)).toEqual(['测试局']);
    expect(
      result.report.entries.some((entry) => entry.message.includes('没有资金使用单位行')),
    ).toBe(true);
    // 合计 10.00 no longer matches the projects' 0.00.
    expect(result.report.entries.some((entry) => entry.message.startsWith('合计行'))).toBe(true);
    expect(documentSchema.safeParse(result.document).success).toBe(true);
  });

  it('reads a 万元 table in 元 when an amount has three decimals, every amount converted exactly', () => {
    const result = importDisclosureText(
      table(
        '合计\t3.235\t3.235\t\t\t\t',
        '某某技工学校\t3.235\t3.235\t\t\t\t',
        `项目甲\t1.235\t1.235\t\t\t目标\t${SENTENCE}`,
        `项目乙\t2.00\t2.00\t\t\t目标\t${SENTENCE}`,
      ),
    );
    // 1.235 万元 is 12,350.00 元 and 2.00 万元 is 20,000.00 元: nothing refused, nothing at 0.
    expect(result.document.moneyUnit).toBe('元');
    expect(
      allProjects(result.document).map((item) => [item.name, item.money.fiscal, item.raw]),
    ).toEqual([
      ['项目甲', 1_235_000, []],
      ['项目乙', 2_000_000, []],
    ]);
    expect(result.document.units.map((unit) => unit.name)).toEqual(['某某技工学校']);
    const messages = result.report.entries.map((entry) => entry.message);
    expect(messages).toContain(
      '总计「3.235」等以万元计超过两位小数，文档金额单位采用元，全部金额按元读取。',
    );
    expect(messages.filter((message) => /不是金额|不符/u.test(message))).toEqual([]);
  });

  it('keeps a sentence it cannot read raw, with its line, and reads the others', () => {
    const run = `${SENTENCE}2、这一句没有指标值。3、3-满意度指标；31-服务对象满意度；满意度；实施周期指标值：≥90%；年度指标值：≥90%。`;
    const result = importDisclosureText(table(`项目甲\t5.00\t5.00\t\t\t目标\t${run}`));
    const [item] = allProjects(result.document);
    expect(item?.indicators.map((indicator) => indicator.name)).toEqual(['培训人数', '满意度']);
    // `2、这一句…` is not a sentence start (no category): it trails sentence 1 after its 。.
    expect(item?.indicators[0]?.annual).toEqual({ sign: '', value: '10', unit: '人' });
    expect(item?.raw).toEqual([
      {
        text: '2、这一句没有指标值',
        reason: '第 1 条指标后无法识别的文字',
        source: { line: 5, column: 7 },
      },
    ]);
    const entries = result.report.entries.filter((entry) => entry.kind !== 'warning');
    expect(entries).toEqual([expect.objectContaining({ kind: 'raw', project: '项目甲' })]);
    expect(result.report.entries.some((entry) => entry.message.includes('缺少第 2 条'))).toBe(true);
  });

  it('keeps an indicator cell that is not a numbered run raw', () => {
    const result = importDisclosureText(table(`项目甲\t5.00\t5.00\t\t\t目标\t培训10人，满意度90%`));
    const [item] = allProjects(result.document);
    expect(item?.indicators).toEqual([]);
    expect(item?.raw.map((note) => note.text)).toEqual(['培训10人，满意度90%']);
  });

  it('reports a unit subtotal and a row total that do not add up', () => {
    const result = importDisclosureText(
      table(
        '合计\t30.00\t30.00\t\t\t\t',
        '某某技工学校\t25.00\t25.00\t\t\t\t',
        `项目甲\t10.00\t10.00\t\t\t目标\t${SENTENCE}`,
        `项目乙\t21.00\t20.00\t\t\t目标\t${SENTENCE}`,
      ),
    );
    expect(result.document.units.map((unit) => unit.name)).toEqual(['某某技工学校']);
    expect(result.report.counts.projects).toBe(2);
    const warnings = result.report.entries
      .filter((entry) => entry.kind === 'warning')
      .map((entry) => entry.message);
    expect(warnings.some((message) => message.startsWith('单位「某某技工学校」行'))).toBe(true);
    expect(warnings.some((message) => message.startsWith('总计「21.00」'))).toBe(true);
    // 合计 30.00 equals 10.00 + 20.00 once each total is derived.
    expect(warnings.some((message) => message.startsWith('合计行'))).toBe(false);
  });

  it('splits projects between unit rows by their subtotals', () => {
    const result = importDisclosureText(
      table(
        '合计\t6.00\t5.00\t1.00\t\t\t',
        '单位一\t3.00\t3.00\t\t\t\t',
        `项目甲\t1.00\t1.00\t\t\t目标\t${SENTENCE}`,
        `项目乙\t2.00\t2.00\t\t\t目标\t${SENTENCE}`,
        '单位二\t3.00\t2.00\t1.00\t\t\t',
        `项目丙\t3.00\t2.00\t1.00\t\t目标\t${SENTENCE}`,
      ),
    );
    expect(
      result.document.units.map((unit) => [unit.name, unit.projects.map((item) => item.name)]),
    ).toEqual([
      ['单位一', ['项目甲', '项目乙']],
      ['单位二', ['项目丙']],
    ]);
    expect(result.report.entries.filter((entry) => entry.kind === 'warning')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('预算年度') }),
    ]);
  });

  it('keeps rows without goals as projects when no subtotal matches', () => {
    const rows = ['项目甲', '项目乙', '项目丙'].map((name) => `${name}\t1.00\t1.00\t\t\t\t`);
    const result = importDisclosureText(table(...rows));
    expect(result.report.counts).toEqual({ units: 1, projects: 3, indicators: 0 });
    expect(result.document.units[0]?.name).toBe('测试局');
    const empty = result.report.entries.filter((entry) => entry.message.includes('均为空'));
    expect(empty.map((entry) => entry.project)).toEqual(['项目甲', '项目乙', '项目丙']);
  });

  it('falls back to the default framework for an unknown id', () => {
    const result = importDisclosureText(table(`项目甲\t1.00\t1.00\t\t\t目标\t${SENTENCE}`), {
      frameworkId: 'no-such-framework',
    });
    expect(result.document.frameworkId).toBe('gz-2025');
    expect(result.report.entries[0]?.message).toContain('no-such-framework');
  });

  it('maps columns by label, skips repeated headers and page furniture', () => {
    const header = '绩效指标\t项目名称\t其他资金\t财政拨款\t总计\t绩效目标\t财政专户拨款';
    const row = `${SENTENCE}\t项目甲\t1.00\t2.00\t3.50\t目标\t0.50`;
    const text = [
      '2025年项目支出绩效目标表',
      '部门名称：测试局\t\t\t单位：元',
      header,
      row,
      '— 1 —',
      '2025年项目支出绩效目标表',
      '部门名称：测试局\t\t\t单位：元',
      header,
      row.replace('项目甲', '项目乙'),
    ].join('\n');
    const result = importDisclosureText(text);
    expect(result.document.fiscalYear).toBe(2025);
    expect(result.document.moneyUnit).toBe('元');
    expect(result.document.title).toBe('2025年项目支出绩效目标表');
    expect(allProjects(result.document).map((item) => [item.name, item.money])).toEqual([
      ['项目甲', { fiscal: 200, specialAccount: 50, other: 100 }],
      ['项目乙', { fiscal: 200, specialAccount: 50, other: 100 }],
    ]);
    expect(result.report.entries.filter((entry) => entry.kind !== 'warning')).toEqual([]);
  });

  it('reads a header labelled 项目名称 and tolerates ASCII colons and missing columns', () => {
    const text = [
      '项目名称\t总计\t财政拨款\t绩效目标\t绩效指标',
      '项目甲\t1.00\t1.00\t目标\t1、1-产出指标；11-数量指标；培训人数；实施周期指标值:10人；年度指标值:10人。',
    ].join('\n');
    const result = importDisclosureText(text);
    const [item] = allProjects(result.document);
    expect(item?.indicators[0]).toMatchObject({
      level1: '产出指标',
      level2: '数量指标',
      name: '培训人数',
      period: { sign: '', value: '10', unit: '人' },
    });
    const messages = result.report.entries.map((entry) => entry.message);
    expect(messages).toContain('表头中没有「财政专户拨款、其他资金」列，按空白读取。');
    expect(messages.some((message) => message.includes('部门名称'))).toBe(true);
    expect(result.document.units[0]?.name).toBe('（未命名单位）');
  });

  it('keeps an unknown category as written and reports it', () => {
    const run =
      '1、4-成本指标；41-经济成本指标；人均成本；实施周期指标值：≤500元；年度指标值：≤500元。';
    const result = importDisclosureText(table(`项目甲\t1.00\t1.00\t\t\t目标\t${run}`));
    const [indicator] = allProjects(result.document)[0]?.indicators ?? [];
    expect(indicator).toMatchObject({ level1: '成本指标', level2: '经济成本指标' });
    const unknown = result.report.entries.filter((entry) => entry.message.includes('不在指标体系'));
    expect(unknown).toHaveLength(2);
    // The same text matches the central-2021 framework, where 成本指标 is first-level.
    const central = importDisclosureText(table(`项目甲\t1.00\t1.00\t\t\t目标\t${run}`), {
      frameworkId: 'central-2021',
    });
    expect(central.document.frameworkId).toBe('central-2021');
    expect(central.report.entries.some((entry) => entry.message.includes('不在指标体系'))).toBe(
      false,
    );
  });

  it('reports a value that differs from the other only by a trailing 。, keeping both as written', () => {
    const run =
      '1、1-产出指标；11-数量指标；培训人数；实施周期指标值：5人；年度指标值：5人。。' +
      '2、1-产出指标；11-数量指标；培训场次；实施周期指标值：3场。；年度指标值：3场。' +
      '3、2-效益指标；22-社会效益指标；就业率；实施周期指标值：95%以上。；年度指标值：95%以上。。';
    const result = importDisclosureText(table(`项目甲\t1.00\t1.00\t\t\t目标\t${run}`));
    const values = allProjects(result.document)[0]?.indicators.map((indicator) => [
      indicator.name,
      renderValue(indicator.period),
      renderValue(indicator.annual),
    ]);
    expect(values).toEqual([
      ['培训人数', '5人', '5人。'],
      ['培训场次', '3场。', '3场'],
      ['就业率', '95%以上。', '95%以上。'],
    ]);
    const stops = result.report.entries.filter((entry) => entry.message.includes('末尾的“。”'));
    expect(stops.map((entry) => [entry.kind, entry.project, entry.message])).toEqual([
      [
        'warning',
        '项目甲',
        '指标「培训人数」的实施周期指标值「5人」与年度指标值「5人。」只差末尾的“。”，请核对是否多打了句号。',
      ],
      [
        'warning',
        '项目甲',
        '指标「培训场次」的实施周期指标值「3场。」与年度指标值「3场」只差末尾的“。”，请核对是否多打了句号。',
      ],
    ]);
  });

  it('reads an Excel-style quoted cell with line breaks and decodes entities', () => {
    const goal = '"第一段&nbsp;目标\n第二段 ""重点"" 目标"';
    const result = importDisclosureText(
      table(
        `项目甲\t1.00\t1.00\t\t\t${goal}\t${SENTENCE}`,
        `项目乙\t1.00\t1.00\t\t\t目标\t${SENTENCE}`,
      ),
    );
    const [first, second] = allProjects(result.document);
    expect(first?.goals.annual).toBe('第一段 目标\n第二段 "重点" 目标');
    expect(second?.name).toBe('项目乙');
    expect(result.report.entries.find((entry) => entry.kind === 'normalised')).toMatchObject({
      message: expect.stringContaining('字符实体'),
      source: { line: 5, column: 6 },
    });
  });

  it('joins a row continued on the next page', () => {
    const firstHalf = SENTENCE;
    const secondHalf =
      '2、3-满意度指标；31-服务对象满意度；满意度；实施周期指标值：90%；年度指标值：90%。';
    const result = importDisclosureText(
      table(`项目甲\t1.00\t1.00\t\t\t目标\t${firstHalf}`, `\t\t\t\t\t\t${secondHalf}`),
    );
    const [item] = allProjects(result.document);
    expect(item?.indicators.map((indicator) => indicator.name)).toEqual(['培训人数', '满意度']);
    expect(result.report.entries.some((entry) => entry.kind === 'recovered')).toBe(true);
  });

  it('keeps a stray line inside the table with the project it follows', () => {
    const result = importDisclosureText(
      table(`项目甲\t1.00\t1.00\t\t\t目标\t${SENTENCE}`, '注：本表金额保留两位小数'),
    );
    expect(allProjects(result.document)[0]?.raw).toEqual([
      { text: '注：本表金额保留两位小数', reason: '表格中无法识别的行', source: { line: 6 } },
    ]);
  });
});

describe('parseIndicatorRun', () => {
  const names = (text: string) =>
    parseIndicatorRun(text).sentences.map((sentence) => sentence.name);

  it('finds sentence boundaries by numbering, not by separators', () => {
    const run =
      '1、1-产出指标；12-质量指标；硬件设备可以正常使用；软件可以安全、稳定运行；实施周期指标值:99%；年度指标值:99%。' +
      '2、1-产出指标；13-时效指标；完成时限；实施周期指标值：第1、2季度；年度指标值：第1、2季度。' +
      '10、3-满意度指标；31-服务对象满意度；满意度；实施周期指标值：≥90%；年度指标值：≥90%。';
    const run3 = parseIndicatorRun(run);
    expect(
      run3.sentences.map((sentence) => [sentence.number, sentence.name, sentence.annual]),
    ).toEqual([
      [1, '硬件设备可以正常使用；软件可以安全、稳定运行', '99%'],
      [2, '完成时限', '第1、2季度'],
      [10, '满意度', '≥90%'],
    ]);
    expect(run3.missingNumbers).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(run3.leftovers).toEqual([]);
  });

  it('reads sentences without codes, with ASCII semicolons, spaces and paragraph breaks', () => {
    const run =
      '1、产出指标;数量指标;培训人数;实施周期指标值: 10人;年度指标值: 10人。\n' +
      '2、 2 - 效益指标 ； 22 - 社会效益 ； 就业率 ； 实施周期指标值 ： 95% ； 年度指标值 ： 95%';
    const { sentences } = parseIndicatorRun(run);
    expect(
      sentences.map((sentence) => [sentence.level1Code, sentence.level1, sentence.level2]),
    ).toEqual([
      ['', '产出指标', '数量指标'],
      ['2', '效益指标', '社会效益'],
    ]);
    expect(names(run)).toEqual(['培训人数', '就业率']);
    expect(sentences[1]?.annual).toBe('95%');
  });

  it('reads the short form its refusal names, numbered or one a line, only with four fields', () => {
    const read = (text: string) =>
      parseIndicatorRun(text).sentences.map((sentence) => [
        sentence.number,
        sentence.level1,
        sentence.name,
        sentence.period,
        sentence.annual,
      ]);
    expect(
      read('1、产出指标；数量指标；培训人数；≥100人次。2、效益指标；社会效益指标；就业率；≥90%。'),
    ).toEqual([
      [1, '产出指标', '培训人数', '≥100人次', '≥100人次'],
      [2, '效益指标', '就业率', '≥90%', '≥90%'],
    ]);
    expect(
      read('产出指标；数量指标；培训人数；≥100人次\n产出指标；质量指标；合格率；≥95%'),
    ).toEqual([
      [1, '产出指标', '培训人数', '≥100人次', '≥100人次'],
      [2, '产出指标', '合格率', '≥95%', '≥95%'],
    ]);
    // Without labels a 三级 name with ；, a second value or a missing label cannot be told apart:
    // such text stays unread, and so does a sentence whose first field is no category.
    for (const text of [
      '产出指标；数量指标；培训人数；其中女教师；≥100人次',
      '1、产出指标；数量指标；人数；实施周期指标值：1人。',
      '完成培训；提高质量；促进就业；服务社会',
      '产出指标；数量指标；培训人数；≥100人次\n说明文字',
    ]) {
      expect(parseIndicatorRun(text).sentences).toEqual([]);
    }
  });

  it('returns text before the first sentence and unreadable sentences as leftovers', () => {
    const run =
      '说明文字。1、1-产出指标；11-数量指标；缺少指标值。2、1-产出指标；11-数量指标；人数；实施周期指标值：1人；年度指标值：1人。';
    const { sentences, leftovers } = parseIndicatorRun(run);
    expect(sentences.map((sentence) => sentence.name)).toEqual(['人数']);
    expect(leftovers).toEqual([
      { text: '说明文字。', reason: '指标编号前的文字' },
      { text: '1、1-产出指标；11-数量指标；缺少指标值。', reason: '第 1 条指标无法识别' },
    ]);
  });
});
