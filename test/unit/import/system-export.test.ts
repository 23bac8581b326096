// The 湖南 budget system's export beyond the published fixture (xiangxi-hunan-2023-special-school
// in the form corpus): two projects under a unit whose printed total is not their sum, a 度量单位
// written beside the value, 一级 carried down within a project only.
import { describe, expect, it } from 'vitest';
import { importTextTable } from '../../../shared/import';

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
});
