import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFromFile } from '../../../electron/host/importFile';
import { importProjectForms, importTextTable, tableFromTexts } from '../../../shared/import';
import {
  renderValue,
  withSequentialIds,
  type Indicator,
  type JixiaoDocument,
} from '../../../shared/model';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

type Row = [
  level1: string,
  level2: string,
  name: string,
  period: string,
  annual: string,
  note?: string,
];

function rows(indicators: readonly Indicator[]): Row[] {
  return indicators.map((indicator) => {
    const row: Row = [
      indicator.level1,
      indicator.level2,
      indicator.name,
      renderValue(indicator.period),
      renderValue(indicator.annual),
    ];
    if (indicator.note !== undefined) row.push(indicator.note);
    return row;
  });
}

function only(document: JixiaoDocument, index = 0) {
  const projects = document.units.flatMap((unit) => unit.projects);
  const project = projects[index];
  if (!project) throw new Error('no project');
  return project;
}

describe('national 中期 + 年度 form (LibreOffice .docx and .xlsx)', () => {
  it.each(['form-national-midterm.docx', 'form-national-midterm.xlsx'])('%s', async (file) => {
    const { document, report } = await importFromFile(join(FIXTURES, file));
    expect(document).toMatchObject({
      department: '广州市人力资源和社会保障局',
      fiscalYear: 2025,
      moneyUnit: '万元',
      frameworkId: 'gz-2025',
    });
    expect(document.units.map((unit) => unit.name)).toEqual(['广州市机电技师学院']);
    const project = only(document);
    expect(project).toMatchObject({
      name: '市机电技师学院技能竞赛设备设施购置项目',
      supervisor: '广州市人力资源和社会保障局[301001]',
      attribute: '延续',
      periodStart: 2025,
      periodEnd: 2026,
      money: { fiscal: 77000, specialAccount: 0, other: 0 },
      periodMoney: { total: 154000, fiscal: 154000, other: 0 },
      goals: {
        period:
          '对接世赛标准，两年内完成智能控制类技能竞赛集训设备购置，建成2间竞赛实训室，培养竞赛选手200人次。',
        annual: '2025年完成首批89台套设备购置与验收，新增实训工位137个，培养竞赛选手100人次。',
      },
      raw: [],
    });
    expect(rows(project.indicators)).toEqual([
      ['产出指标', '数量指标', '新增设备数量', '89台套', '89台套'],
      ['产出指标', '数量指标', '新增实训工位数', '137个', '137个'],
      ['产出指标', '数量指标', '培养竞赛选手', '≧200人次', '≧100人次'],
      ['产出指标', '质量指标', '设备验收合格率', '100%', '100%'],
      ['产出指标', '成本指标', '设备购置成本', '≤1540万元', '≤770万元'],
      ['效益指标', '社会效益指标', '参与行业交流学习活动', '4次', '2次'],
      ['效益指标', '社会效益指标', '重大安全事故发生数量', '0', '0'],
      ['满意度指标', '服务对象满意度指标', '参训学生满意度', '≥90%', '≥90%'],
    ]);
    // ≧ is read as ≥ with the original kept.
    expect(project.indicators[2]?.period).toMatchObject({ sign: '≥', value: '200', unit: '人次' });
    const messages = report.entries.map((entry) => entry.message);
    expect(messages).toContain('跳过 1 个没有三级指标和指标值的空白占位行。');
    expect(messages).toContain(
      '指标「参训学生满意度」的二级指标「社会公众或服务对象满意度指标」写在「效益指标」下，按指标体系归入「满意度指标」。',
    );
    expect(messages).toContain('金额「770万」按 770.00 万元读取。');
    expect(messages).toContain('金额「1540万元」按 1,540.00 万元读取。');
  });

  it('maps 成本指标 under 产出 to the 2021 framework’s first-level 成本指标', async () => {
    const { document, report } = await importFromFile(
      join(FIXTURES, 'form-national-midterm.xlsx'),
      {
        frameworkId: 'central-2021',
      },
    );
    const cost = only(document).indicators.find((indicator) => indicator.name === '设备购置成本');
    expect([cost?.level1, cost?.level2]).toEqual(['成本指标', '经济成本指标']);
    expect(report.entries.some((entry) => entry.message.includes('在指标体系中是一级指标'))).toBe(
      true,
    );
  });
});

describe('provincial annual-only form in 元 with 指标值说明, two projects', () => {
  it.each(['form-annual-yuan.docx', 'form-annual-yuan.xlsx'])('%s', async (file) => {
    const { document, report } = await importFromFile(join(FIXTURES, file));
    expect(document.moneyUnit).toBe('万元');
    expect(document.fiscalYear).toBe(2025);
    expect(document.units).toHaveLength(1);
    const grants = only(document, 0);
    expect(grants).toMatchObject({
      name: '市机电技师学院国家助学金补助资金项目',
      attribute: '延续',
      money: { fiscal: 5973, specialAccount: 0, other: 0, carryover: 0 },
      goals: {
        annual: '按政策足额发放国家助学金，资助家庭经济困难学生371人，资助对象认定准确率100%。',
      },
    });
    expect(grants.periodMoney ?? null).toBeNull();
    expect(rows(grants.indicators)).toEqual([
      ['产出指标', '数量指标', '学生受助人数量', '371人', '371人', '按在籍在校学生名单核定'],
      ['产出指标', '质量指标', '助学金工作对象认定准确率', '100%', '100%'],
      ['产出指标', '质量指标', '学生申报资格零差错', '0', '0'],
      ['效益指标', '社会效益指标', '国家资助政策宣传普及率', '100%', '100%'],
      ['满意度指标', '服务对象满意度指标', '服务对象满意度', '≥95%', '≥95%', '抽样问卷调查'],
    ]);
    const fees = only(document, 1);
    expect(fees.name).toBe('市机电技师学院免学费财政补助项目');
    expect(fees.money).toEqual({ fiscal: 9892, specialAccount: 0, other: 0 });
    expect(rows(fees.indicators).map((row) => row[2])).toEqual([
      '学生申报资格零差错',
      '国家资助政策宣传普及率',
      '享受免学费资助学生满意度',
    ]);
    const messages = report.entries.map((entry) => entry.message);
    expect(messages).toContain(
      '项目资金以元填写，已换算为万元：597,300.00 → 59.73；597,300.00 → 59.73。',
    );
    expect(messages).toContain('金额「989,200元」按 98.92 万元读取。');
    expect(messages).toContain('金额「98.92万」按 98.92 万元读取。');
    expect(messages.filter((message) => message.startsWith('跳过'))).toEqual([
      '跳过 1 个没有三级指标和指标值的空白占位行。',
    ]);
  });

  it('keeps 元 when the caller’s document is in 元', async () => {
    const { document } = await importFromFile(join(FIXTURES, 'form-annual-yuan.xlsx'), {
      moneyUnit: '元',
    });
    expect(only(document).money.fiscal).toBe(59730000);
  });

  it('switches the document to 元 when an amount cannot be written in 万元 exactly', () => {
    const text = [
      '项目名称\t测试项目',
      '实施单位\t测试学校',
      '项目资金（元）\t年度资金总额\t12,345.67',
      '\t其中：财政拨款\t12,345.67',
      '一级指标\t二级指标\t三级指标\t指标值',
      '产出指标\t数量指标\t培训人数\t100人',
    ].join('\n');
    const { document, report } = importTextTable(text);
    expect(document.moneyUnit).toBe('元');
    expect(only(document).money.fiscal).toBe(1234567);
    expect(report.entries.map((entry) => entry.message)).toContain(
      '年度资金总额「12,345.67」等以万元计超过两位小数，文档金额单位采用元，全部金额按元读取。',
    );
  });
});

describe('长期 + 年度 value columns with 绩效标准', () => {
  it('reads both values and the standard as the note', async () => {
    const { document } = await importFromFile(join(FIXTURES, 'form-long-term.xlsx'));
    const project = only(document);
    expect(project).toMatchObject({
      name: '2024年智慧校园管理系统升级改造项目',
      attribute: '新增',
      periodStart: 2024,
      periodEnd: 2026,
      money: { fiscal: 25000, specialAccount: 0, other: 0 },
      goals: {
        period: '建成统一身份认证、数据中台和移动校园，覆盖全校师生。',
        annual: '完成统一身份认证和数据中台建设，系统用户数≥8000人。',
      },
    });
    expect(rows(project.indicators)).toEqual([
      ['产出指标', '数量指标', '系统用户数', '≥10000人', '≥8000人', '按统一身份认证账号计'],
      ['产出指标', '数量指标', '对接业务系统数量', '12个', '6个'],
      ['产出指标', '时效指标', '项目完成及时率', '100%', '100%'],
      ['效益指标', '社会效益指标', '师生办事线上办理率', '≥90%', '≥60%'],
      [
        '效益指标',
        '可持续影响指标',
        '系统安全稳定运行',
        '硬件设备可以正常使用；软件可以安全、稳定运行',
        '硬件设备可以正常使用；软件可以安全、稳定运行',
      ],
    ]);
  });
});

describe('forms pasted as text', () => {
  it('fills 一级/二级 down when they appear only on the first row of their group', () => {
    const text = [
      '2026年度项目支出绩效目标表',
      '项目名称\t实训室建设',
      '主管部门\t某局\t实施单位\t某学校',
      '年度目标\t建成实训室',
      '一级指标\t二级指标\t三级指标\t指标值',
      '产出指标\t数量指标\t实训室数量\t2间',
      '\t\t工位数\t40个',
      '\t质量指标\t验收合格率\t100%',
      '效益指标\t社会效益指标\t\t',
    ].join('\n');
    const { document } = importTextTable(text);
    expect(document.fiscalYear).toBe(2026);
    expect(document.department).toBe('某局');
    expect(rows(only(document).indicators)).toEqual([
      ['产出指标', '数量指标', '实训室数量', '2间', '2间'],
      ['产出指标', '数量指标', '工位数', '40个', '40个'],
      ['产出指标', '质量指标', '验收合格率', '100%', '100%'],
    ]);
  });

  it('keeps what it cannot place as raw text with its cell', () => {
    const table = tableFromTexts('文本', [
      { line: 1, cells: ['项目名称', '甲项目'] },
      { line: 2, cells: ['备忘', '请于月底前报送'] },
      { line: 3, cells: ['一级指标', '二级指标', '三级指标', '指标值'] },
      { line: 4, cells: ['产出指标', '数量指标', '培训人数', '100人'] },
    ]);
    const { document, report } = importProjectForms([table]);
    expect(withSequentialIds(document).units[0]?.projects[0]?.raw).toEqual([
      { text: '备忘', reason: '表中无法归类的单元格', source: { line: 2, column: 1 } },
      { text: '请于月底前报送', reason: '表中无法归类的单元格', source: { line: 2, column: 2 } },
    ]);
    expect(report.entries.filter((entry) => entry.kind === 'raw')).toHaveLength(2);
  });
});

describe('a template filled only in part', () => {
  // The 财政部 绩效目标申报表（参考模板） of 困难群众救助项目, as published with its placeholders:
  // `目标1：` lines for the goal, `**人` for values to fill, `……` rows for more indicators.
  const text = [
    '绩效目标申报表',
    '（2026年度）',
    '项目名称\t困难群众救助项目',
    '主管部门\t某区民政局\t实施单位\t某区民政局',
    '资金情况（万元）\t年度资金总额：\t100',
    '\t其中：财政拨款\t100',
    '\t其他资金\t0',
    '年度总体目标\t"目标1：\n目标2：\n目标3：\n……"',
    '绩效指标\t一级指标\t二级指标\t三级指标\t指标值',
    '\t产出指标\t数量指标\t★农村低保发放人数\t**人',
    '\t\t\t★建档立卡贫困人口中接受临时救助的人次数\t≥**人次',
    '\t\t\t……\t',
    '\t\t成本指标\t★农村低保标准\t**元/人·月',
    '\t满意度指标\t服务对象满意度指标\t受助对象满意度\t≥**%',
  ].join('\n');

  it('keeps the indicator names, leaves the values and goal to fill, and says what it left out', () => {
    const { document, report } = importTextTable(text);
    const project = only(document);
    expect(project.goals.annual).toBe('');
    expect(rows(project.indicators)).toEqual([
      ['产出指标', '数量指标', '★农村低保发放人数', '', ''],
      ['产出指标', '数量指标', '★建档立卡贫困人口中接受临时救助的人次数', '', ''],
      ['产出指标', '成本指标', '★农村低保标准', '', ''],
      ['满意度指标', '服务对象满意度指标', '受助对象满意度', '', ''],
    ]);
    expect(project.raw).toEqual([]);
    const said = report.entries.map((entry) => [entry.kind, entry.message]);
    expect(said).toContainEqual([
      'warning',
      '4 个指标值是表格模板的占位（如「**人」），没有作为指标值导入，请填写。',
    ]);
    expect(said).toContainEqual(['normalised', '跳过 1 行表格模板的省略行「……」。']);
    expect(said).toContainEqual([
      'normalised',
      '目标栏中只有表格模板的内容（如「目标1：」），没有作为目标导入。',
    ]);
  });

  it('keeps a goal the clerk began to write, its empty numbered lines too', () => {
    const { document } = importTextTable(
      text.replace('"目标1：\n', '"目标1：全年保障低保对象按时足额领取\n'),
    );
    expect(only(document).goals.annual).toBe(
      '目标1：全年保障低保对象按时足额领取\n目标2：\n目标3：\n……',
    );
  });
});

describe('a filled form around the template’s marks', () => {
  const head = [
    '项目支出绩效目标表',
    '（2026年度）',
    '项目名称\t道路建设项目',
    '主管部门\t某区交通局\t实施单位\t某区交通局',
    '资金情况（万元）\t年度资金总额：\t100',
    '\t其中：财政拨款\t100',
    '年度总体目标\t完成道路建设5公里，惠及沿线群众2万人。（200字以内）',
    '绩效指标\t一级指标\t二级指标\t三级指标\t指标值',
  ];

  it('keeps the clerk’s words and takes only the marks away', () => {
    const { document, report } = importTextTable(
      [
        ...head,
        '\t产出指标\t数量指标\t新建道路长度\t"≥5公里\n改造桥梁**座"',
        '\t\t\t受益户数（建档立卡户≥**户）\t≥300户',
        '\t\t\t按期完工率（按合同**条约定）\t**100%**',
        '\t\t……\t……\t……',
        '\t\t质量指标\t施工图审查意见落实率\t100%',
        '\t\t\t验收合格率\t100%',
      ].join('\n'),
    );
    const project = only(document);
    expect(project.goals.annual).toBe('完成道路建设5公里，惠及沿线群众2万人。');
    expect(rows(project.indicators)).toEqual([
      ['产出指标', '数量指标', '新建道路长度', '≥5公里\n改造桥梁**座', '≥5公里\n改造桥梁**座'],
      ['产出指标', '数量指标', '受益户数（建档立卡户）', '≥300户', '≥300户'],
      ['产出指标', '数量指标', '按期完工率（按合同**条约定）', '**100%**', '**100%**'],
      ['产出指标', '质量指标', '施工图审查意见落实率', '100%', '100%'],
      ['产出指标', '质量指标', '验收合格率', '100%', '100%'],
    ]);
    const said = report.entries.map((entry) => entry.message);
    expect(said).toContain('1 处内容末尾留有表格模板的字数提示（如「（200字以内）」），已去掉。');
    expect(said).toContain(
      '1 个指标名称中有表格模板对指标值的提示（如「≥**户」），已从名称中去掉。',
    );
    expect(said).toContain('跳过 1 行表格模板的省略行「……」。');
  });

  it('keeps an opinion block after the indicators, however its label is broken over lines', () => {
    for (const label of ['"财政部门\n审核意见"', '"审 核\n意 见"', '评审意见', '主管部门意见']) {
      const { document, report } = importTextTable(
        [
          ...head,
          '\t产出指标\t数量指标\t新建道路长度\t≥5公里',
          `${label}\t经审核，同意该项目绩效目标。\t\t`,
        ].join('\n'),
      );
      const project = only(document);
      expect(rows(project.indicators), label).toEqual([
        ['产出指标', '数量指标', '新建道路长度', '≥5公里', '≥5公里'],
      ]);
      expect(
        project.raw.some((note) => note.text.includes('经审核，同意该项目绩效目标。')),
        label,
      ).toBe(true);
      expect(report.entries.map((entry) => entry.message).join('\n'), label).toContain(
        '经审核，同意该项目绩效目标。',
      );
    }
  });

  it('keeps words left in the category columns below the last indicator, and skips template blanks', () => {
    const { document, report } = importTextTable(
      [
        ...head,
        '\t产出指标\t数量指标\t新建道路长度\t≥5公里',
        '\t效益指标\t社会效益指标\t\t',
        '\t\t本年度不再新增其他指标\t\t',
      ].join('\n'),
    );
    const project = only(document);
    expect(rows(project.indicators)).toEqual([
      ['产出指标', '数量指标', '新建道路长度', '≥5公里', '≥5公里'],
    ]);
    expect(project.raw.map((note) => note.text)).toEqual(['本年度不再新增其他指标']);
    const said = report.entries.map((entry) => entry.message);
    expect(said).toContain('跳过 1 个没有三级指标和指标值的空白占位行。');
    expect(said.join('\n')).toContain('本年度不再新增其他指标');
  });
});
