// The 湖南 budget system's export beyond the published fixture (xiangxi-hunan-2023-special-school
// in the form corpus): two projects under a unit whose printed total is not their sum, a 度量单位
// written beside the value, 一级 carried down within a project only.
import { describe, expect, it } from 'vitest';
import { importTextTable } from '../../../shared/import';
import type { GridTable } from '../../../shared/import/grid';
import { runImport, type ContainerReaders } from '../../../shared/import/pipeline';
import { findSystemExportHeader, importSystemExport } from '../../../shared/import/systemExport';

const rows = (...lines: string[][]) => lines.map((cells) => cells.join('\t')).join('\n');

const HEAD = [
  ['2024年项目支出绩效目标表'],
  ['部门：601_某县教育局', '', '', '', '', '', '', '', '', '', '金额单位：万元'],
  ['单位代码', '单位（专项）名称', '资金总额', '实施期绩效目标', '绩效指标'],
  [
    '',
    '',
    '',
    '',
    '一级指标',
    '二级指标',
    '三级指标',
    '指标值',
    '指标值内容',
    '评（扣分标准）',
    '度量单位',
    '指标值类型',
    '备注',
  ],
];

describe('the budget system export (湖南)', () => {
  it('reads two projects of a unit, joins 度量单位 to the value and reports a unit total that does not add up', () => {
    const text = rows(
      ...HEAD,
      ['601001', '某县第一中学', '50.00'],
      [
        '601001',
        '教学设备购置',
        '20.00',
        '购置教学设备一批',
        '产出指标',
        '数量指标',
        '购置设备数量',
        '40',
        '',
        '',
        '台',
        '定量',
        '',
      ],
      ['', '', '', '', '', '质量指标', '设备验收合格率', '≥98', '', '', '%', '定量', ''],
      ['601001', '校舍维修', '25.00', '完成维修', '', '', '', '', '', '', '', '', ''],
      [
        '',
        '',
        '',
        '',
        '产出指标',
        '时效指标',
        '完工时间',
        '2024年8月',
        '',
        '',
        '-',
        '定性',
        '暑假施工',
      ],
    );
    const { document, report } = importTextTable(text);
    expect(document.department).toBe('某县教育局');
    expect(document.fiscalYear).toBe(2024);
    const [unit] = document.units;
    expect(unit?.name).toBe('某县第一中学');
    expect(unit?.projects.map((project) => [project.name, project.money.fiscal])).toEqual([
      ['教学设备购置', 2000],
      ['校舍维修', 2500],
    ]);
    const [equipment, repair] = unit!.projects;
    expect(equipment!.goals).toEqual({ annual: '购置教学设备一批', period: '购置教学设备一批' });
    expect(
      equipment!.indicators.map((item) => [item.level1, item.level2, item.name, item.annual]),
    ).toEqual([
      ['产出指标', '数量指标', '购置设备数量', { sign: '', value: '40', unit: '台' }],
      ['产出指标', '质量指标', '设备验收合格率', { sign: '≥', value: '98', unit: '%' }],
    ]);
    expect(repair!.indicators).toHaveLength(1);
    expect(repair!.indicators[0]!.note).toBe('备注：暑假施工');
    const messages = report.entries.map((entry) => entry.message);
    expect(messages).toContain(
      '单位「某县第一中学」的资金总额 50.00 万元 与所含项目之和 45.00 万元 不符；金额以各项目为准。',
    );
    expect(messages).toContain('表中只有实施期绩效目标，年度目标按实施期目标填写。');
  });

  // Found by a review of the reader: each case lost or changed data before.
  const row = (name: string, total: string, goal: string, indicator: string[] = []) => [
    name === '' ? '' : '601001',
    name,
    total,
    goal,
    ...indicator,
  ];
  const indicator = (level3: string, value: string, measure = '-', extra: string[] = []) => [
    '产出指标',
    '数量指标',
    level3,
    value,
    extra[0] ?? '',
    extra[1] ?? '',
    measure,
    '定量',
    extra[2] ?? '',
  ];

  it('keeps a project without goal or indicators as a project while its unit total has room', () => {
    const { document } = importTextTable(
      rows(
        ...HEAD,
        row('甲学校', '50.00', ''),
        row('项目A', '30.00', '', indicator('学生数', '168', '人')),
        row('项目B', '20.00', ''),
        row('乙学校', '5.00', ''),
        row('项目C', '5.00', '', indicator('班级数', '3', '个')),
      ),
    );
    expect(document.units.map((unit) => [unit.name, unit.projects.map((p) => p.name)])).toEqual([
      ['甲学校', ['项目A', '项目B']],
      ['乙学校', ['项目C']],
    ]);
    expect(document.units[0]!.projects[1]!.money.fiscal).toBe(2000);
  });

  it('joins 度量单位 to a number only, and keeps a unit it cannot join in the note', () => {
    const { document } = importTextTable(
      rows(
        ...HEAD,
        row('甲学校', '30.00', ''),
        row('项目A', '30.00', '目标', indicator('学生数', '168', '—')),
        row('', '', '', indicator('满意度', '90%以上', '%')),
        row('', '', '', indicator('负担', '有所减轻', '人')),
      ),
    );
    const values = document.units[0]!.projects[0]!.indicators.map((item) => [
      item.annual.text ?? `${item.annual.sign}${item.annual.value}${item.annual.unit}`,
      item.note ?? '',
    ]);
    expect(values).toEqual([
      ['168', ''],
      ['90%以上', ''],
      ['定性有所减轻', '度量单位：人'],
    ]);
  });

  it('reads 部门 and 金额单位 written in one cell, and keeps text of columns it does not read', () => {
    const { document, report } = importTextTable(
      rows(
        ['2024年项目支出绩效目标表'],
        ['部门：601_某县教育局    金额单位：元'],
        ...HEAD.slice(2),
        row('甲学校', '300000.00', ''),
        [...row('项目A', '300000.00', '目标', indicator('学生数', '168', '人')), '', '多出的一栏'],
      ),
    );
    expect([document.department, document.moneyUnit]).toEqual(['某县教育局', '元']);
    expect(document.units[0]!.projects[0]!.raw.map((note) => note.text)).toEqual(['多出的一栏']);
    expect(report.entries.some((entry) => entry.message.includes('多出的一栏'))).toBe(true);
  });

  it('keeps a value over 2,000 characters raw instead of refusing the file, reads a repeated name as one project, refuses a table without projects', () => {
    const long = '很'.repeat(2100);
    const { document } = importTextTable(
      rows(
        ...HEAD,
        row('甲学校', '30.00', ''),
        row('项目A', '30.00', '目标', indicator('学生数', long)),
        row('项目A', '30.00', '目标', indicator('班级数', '3')),
      ),
    );
    const [project] = document.units[0]!.projects;
    expect(document.units[0]!.projects).toHaveLength(1);
    expect(project!.indicators.map((item) => item.name)).toEqual(['学生数', '班级数']);
    expect(project!.raw.map((note) => note.text)).toEqual([long]);
    expect(() => importTextTable(rows(...HEAD, row('甲学校', '30.00', '')))).toThrow(
      '表格只有表头和单位行，没有项目数据行。',
    );
  });

  // 12.3456 万元 is 123,456.00 元 exactly: the document goes to 元 as the forms do, instead of 0.
  it('reads a 万元 table in 元 when an amount has three to six decimals, every amount converted exactly', () => {
    const { document, report } = importTextTable(
      rows(
        ...HEAD,
        row('甲学校', '22.8456', ''),
        row('项目A', '12.3456', '目标', indicator('学生数', '168', '人')),
        row('项目A', '12.3456', '目标', indicator('班级数', '3', '个')),
        row('项目B', '10.5', '目标', indicator('教师数', '20', '人')),
        row('乙学校', '5', ''),
        row('项目C', '4.5', '目标', indicator('校舍面积', '1200', '平方米')),
      ),
    );
    expect(document.moneyUnit).toBe('元');
    expect(
      document.units.map((unit) => [
        unit.name,
        unit.projects.map((project) => [project.name, project.money.fiscal]),
      ]),
    ).toEqual([
      [
        '甲学校',
        [
          ['项目A', 12345600],
          ['项目B', 10500000],
        ],
      ],
      ['乙学校', [['项目C', 4500000]]],
    ]);
    expect(document.units[0]!.projects[0]!.indicators.map((item) => item.name)).toEqual([
      '学生数',
      '班级数',
    ]);
    expect(document.units[0]!.projects[0]!.raw).toEqual([]);
    const messages = report.entries.map((entry) => entry.message);
    expect(messages).toContain(
      '资金总额「22.8456」等以万元计超过两位小数，文档金额单位采用元，全部金额按元读取。',
    );
    expect(messages).toContain('表中只有资金总额 123,456.00 元，记入财政拨款，请核对资金来源。');
    // 甲学校 adds up (228,456.00 元); 乙学校 does not, and says so in 元.
    expect(messages.filter((message) => message.includes('与所含项目之和'))).toEqual([
      '单位「乙学校」的资金总额 50,000.00 元 与所含项目之和 45,000.00 元 不符；金额以各项目为准。',
    ]);
    expect(messages.filter((message) => message.includes('不是精确到分'))).toEqual([]);
  });

  it('keeps an amount of seven decimals (not a whole number of 分) raw at 0 for the clerk to check', () => {
    const alone = importTextTable(
      rows(
        ...HEAD,
        row('甲学校', '30.50', ''),
        row('项目A', '12.3456789', '目标', indicator('学生数', '168', '人')),
        row('项目B', '30.50', '目标', indicator('班级数', '3', '个')),
      ),
    );
    expect(alone.document.moneyUnit).toBe('万元');
    const [first, second] = alone.document.units[0]!.projects;
    expect([first!.money.fiscal, second!.money.fiscal]).toEqual([0, 3050]);
    expect(first!.raw.map((note) => [note.text, note.reason])).toEqual([
      ['12.3456789', '资金总额不是精确到分的金额'],
    ]);
    expect(alone.report.entries).toContainEqual(
      expect.objectContaining({
        kind: 'warning',
        message: '资金总额「12.3456789」不是精确到分的金额，记为 0，请核对。',
        project: '项目A',
      }),
    );
    expect(alone.report.entries.some((entry) => entry.message.includes('采用元'))).toBe(false);

    // Beside an amount that sends the table to 元, it stays 0 and raw there too.
    const mixed = importTextTable(
      rows(
        ...HEAD,
        row('甲学校', '13.5801', ''),
        row('项目A', '12.3456', '目标', indicator('学生数', '168', '人')),
        row('项目B', '1.2345678', '目标', indicator('班级数', '3', '个')),
      ),
    );
    expect(mixed.document.moneyUnit).toBe('元');
    const [fine, coarse] = mixed.document.units[0]!.projects;
    expect([fine!.money.fiscal, coarse!.money.fiscal]).toEqual([12345600, 0]);
    expect(coarse!.raw.map((note) => note.text)).toEqual(['1.2345678']);
    expect(mixed.report.entries.map((entry) => entry.message)).toContain(
      '资金总额「1.2345678」不是精确到分的金额，记为 0，请核对。',
    );
  });

  // A negative 资金总额 is kept as printed, as every reader keeps it; the import says so (M4 in 检查).
  it("keeps a negative 资金总额 as printed, with the import's line for negative amounts", async () => {
    const { document, report } = await runImport(
      {
        text: rows(
          ...HEAD,
          row('甲学校', '25.00', ''),
          row('项目A', '-5', '目标', indicator('学生数', '168', '人')),
          row('项目B', '30.00', '目标', indicator('班级数', '3', '个')),
        ),
        fileName: '粘贴的表格',
        options: {},
        maxEntryBytes: 1 << 20,
      },
      {} as ContainerReaders,
    );
    const [negative, plain] = document.units[0]!.projects;
    expect([negative!.money.fiscal, plain!.money.fiscal]).toEqual([-500, 3000]);
    expect(negative!.raw).toEqual([]);
    const lines = report.entries.filter((entry) => entry.message.includes('负数'));
    expect(lines).toEqual([
      {
        kind: 'warning',
        message: '财政拨款为 -5.00 万元，金额不能为负数，已按原表读入，请核对。',
        project: '项目A',
      },
    ]);
    expect(report.entries.filter((entry) => /记为 0/u.test(entry.message))).toEqual([]);
  });

  // 12万元 is 12.00 万元 and 300元 is 0.03 万元: both exact, the table stays in 万元.
  it('reads an amount with its unit written in the cell, converted exactly into a 万元 table', () => {
    const { document, report } = importTextTable(
      rows(
        ...HEAD,
        row('甲学校', '12.03', ''),
        row('项目A', '12万元', '目标', indicator('学生数', '168', '人')),
        row('项目B', '300元', '目标', indicator('班级数', '3', '个')),
      ),
    );
    expect(document.moneyUnit).toBe('万元');
    expect(document.units[0]!.projects.map((project) => project.money.fiscal)).toEqual([1200, 3]);
    expect(document.units[0]!.projects.flatMap((project) => project.raw)).toEqual([]);
    const messages = report.entries.map((entry) => entry.message);
    expect(messages).toContain('资金总额「12万元」按单元格中写的单位读取，记为 12.00 万元。');
    expect(messages).toContain('资金总额「300元」按单元格中写的单位读取，记为 0.03 万元。');
    expect(
      messages.filter((message) => /不是精确到分|与所含项目之和|采用元/u.test(message)),
    ).toEqual([]);
  });

  // In a 元 table 12万元 is 120,000.00 元 and 300元 is 300.00 元.
  it('reads an amount with its unit written in the cell, converted exactly into a 元 table', () => {
    const { document, report } = importTextTable(
      rows(
        ['2024年项目支出绩效目标表'],
        ['部门：601_某县教育局    金额单位：元'],
        ...HEAD.slice(2),
        row('甲学校', '120300.00', ''),
        row('项目A', '12万元', '目标', indicator('学生数', '168', '人')),
        row('项目B', '300元', '目标', indicator('班级数', '3', '个')),
      ),
    );
    expect(document.moneyUnit).toBe('元');
    expect(document.units[0]!.projects.map((project) => project.money.fiscal)).toEqual([
      12000000, 30000,
    ]);
    const messages = report.entries.map((entry) => entry.message);
    expect(messages).toContain('资金总额「12万元」按单元格中写的单位读取，记为 120,000.00 元。');
    expect(messages).toContain('资金总额「300元」按单元格中写的单位读取，记为 300.00 元。');
    expect(messages.filter((message) => /不是精确到分|与所含项目之和/u.test(message))).toEqual([]);
  });

  // 350元 is 0.035 万元: three decimals, so the 万元 table goes to 元 (12.00 万元 is 120,000.00 元).
  // The unit's printed 12.04 万元 is 5.00 元 more than its projects: said in 元.
  it('sends a 万元 table to 元 when an amount written in 元 needs three decimals in 万元', () => {
    const { document, report } = importTextTable(
      rows(
        ...HEAD,
        row('甲学校', '12.04', ''),
        row('项目A', '12.00', '目标', indicator('学生数', '168', '人')),
        row('项目B', '350元', '目标', indicator('班级数', '3', '个')),
      ),
    );
    expect(document.moneyUnit).toBe('元');
    expect(document.units[0]!.projects.map((project) => project.money.fiscal)).toEqual([
      12000000, 35000,
    ]);
    const messages = report.entries.map((entry) => entry.message);
    expect(messages).toContain(
      '资金总额「350元」以万元计超过两位小数，文档金额单位采用元，全部金额按元读取。',
    );
    expect(messages).toContain('资金总额「350元」按单元格中写的单位读取，记为 350.00 元。');
    expect(messages.filter((message) => message.includes('与所含项目之和'))).toEqual([
      '单位「甲学校」的资金总额 120,400.00 元 与所含项目之和 120,350.00 元 不符；金额以各项目为准。',
    ]);
    expect(messages.filter((message) => message.includes('不是精确到分'))).toEqual([]);
  });

  it('says so when the file holds another table after the export, which it does not read', () => {
    const sheet = (name: string, lines: string[][]): GridTable => ({
      name,
      cells: lines.map((cells, index) =>
        cells.map((text, column) => ({
          text,
          rowSpan: 1,
          colSpan: 1,
          source: { sheet: name, row: index + 1, column: column + 1 },
        })),
      ),
    });
    const line = (name: string, total: string, level3 = '', value = '') => [
      '601001',
      name,
      total,
      level3 === '' ? '' : '目标',
      ...(level3 === '' ? [] : ['产出指标', '数量指标', level3, value]),
    ];
    const tables = [
      sheet('Sheet1', [
        ...HEAD,
        line('甲学校', '20.00'),
        line('项目A', '20.00', '学生数', '168人'),
      ]),
      // Another department's list on a sheet of its own: not this table going on.
      sheet('其他', [
        ['序号', '项目名称', '金额'],
        ['1', '校舍维修', '12.00'],
      ]),
      sheet('Sheet3', [['', '']]),
    ];
    const header = findSystemExportHeader(tables);
    expect(header?.table).toBe(0);
    const { document, report } = importSystemExport(tables, header!);
    expect(document.units.flatMap((unit) => unit.projects.map((project) => project.name))).toEqual([
      '项目A',
    ]);
    expect(report.entries).toContainEqual({
      kind: 'warning',
      message:
        '文件中另有 1 个表格（「其他」）不是这张绩效目标表的续页，没有读取，请核对其中是否还有项目。',
    });
  });
});
