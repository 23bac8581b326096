// Per-project forms of national and regional templates, filled with projects of the published
// Guangzhou 2025 table (the seed): real content in other regions' layouts.
import type { FormCell, FormFixture } from './html';

const SUPERVISOR = '广州市人力资源和社会保障局';
const COLLEGE = '广州市机电技师学院';
const empty = (colSpan = 1): FormCell => ['', 1, colSpan];

/** National 项目支出绩效目标申报表 (中期 and 年度 halves side by side), one project. */
function national(
  name: string,
  amount: string,
  goal: string,
  rows: Array<[level1: string, level2: string, name: string, value: string]>,
): FormCell[][] {
  const groups = new Map<string, Array<[string, string, string]>>();
  for (const [level1, level2, indicator, value] of rows) {
    const list = groups.get(level1) ?? [];
    list.push([level2, indicator, value]);
    groups.set(level1, list);
  }
  const body: FormCell[][] = [];
  for (const [level1, list] of groups) {
    list.forEach(([level2, indicator, value], index) => {
      const first = index === 0 || list[index - 1]?.[0] !== level2;
      const span = list.filter(([other]) => other === level2).length;
      const cells: FormCell[] = index === 0 ? [[level1, list.length]] : [];
      if (first) cells.push([level2, span]);
      cells.push([indicator], [value]);
      if (first) cells.push([level2, span]);
      cells.push([indicator], [value]);
      body.push(cells);
    });
  }
  return [
    [['项目名称'], [name, 1, 7]],
    [['主管部门及代码'], [SUPERVISOR, 1, 3], ['实施单位'], [COLLEGE, 1, 3]],
    [['项目属性'], ['延续', 1, 3], ['项目期'], ['1年（2025）', 1, 3]],
    [
      ['项目资金（万元）', 3],
      ['中期资金总额', 1, 2],
      [amount],
      ['年度资金总额', 1, 2],
      [amount, 1, 2],
    ],
    [['其中：财政拨款', 1, 2], [amount], ['其中：财政拨款', 1, 2], [amount, 1, 2]],
    [['其他资金', 1, 2], [''], ['其他资金', 1, 2], empty(2)],
    [
      ['总体目标', 2],
      ['中期目标（2025年）', 1, 4],
      ['年度目标', 1, 3],
    ],
    [
      [goal, 1, 4],
      [goal, 1, 3],
    ],
    [
      ['绩效指标', body.length + 1],
      ['一级指标'],
      ['二级指标'],
      ['三级指标'],
      ['指标值'],
      ['二级指标'],
      ['三级指标'],
      ['指标值'],
    ],
    ...body,
  ];
}

const MAINTENANCE_GOAL =
  '根据人才培养方案、实训教学设备往年的使用率、故障率和保养设备的实际需求，对学院实训教学场地设施、设备维修维护工作进行汇总、论证。满足教学和竞赛需求，保障实训教学、竞赛训练安全、有序进行，学院实训教学场地设施、设备完好率在95%以上，设备维修维护服务满意度90%以上，项目设备验收合格率100%，重大安全事故次数0。';
const REPAIR_GOAL =
  '通过本项目建设，市机电技师学院完成了排水单元创建工作，施工质量满足规范要求，工程100%完成并通过验收，符合“广州市总河长令（第四号）”、《城镇排水与污水处理条例》、《广州市水务管理条例》等有关文件的规定，符合国家、省、市水污染防治计划相关工作部署，完善了校园排水系统；完成市机电技师学院白云校区居安楼西楼的加固改造工作，改造建筑面积668平方米，排除楼宇的安全隐患，使原建筑能够持续使用，为该栋楼宇的住宿学生创造安全舒适的环境，满足市机电技师学院教育教学的基本要求；完成学院白云校区10kV高压单回路供电改双回路供电工程，可以有效提高学院供电系统的稳定性和可靠性，减少系统线路故障率，做好学院运作的供电保障工作。';

const nationalMaintenance = national(
  '市机电技师学院教学实训设备维修维护工作经费项目',
  '160',
  MAINTENANCE_GOAL,
  [
    ['产出指标', '数量指标', '', ''],
    ['产出指标', '质量指标', '维护维修验收合格率', '100%'],
    ['产出指标', '质量指标', '设备完好率', '95%'],
    ['效益指标', '社会效益指标', '重大安全事故次数', '0'],
    ['满意度指标', '服务对象满意度指标', '设备运行维护的满意率（%）', '90%'],
  ],
);
const nationalRepair = national('广州市机电技师学院校园维护维修项目', '336', REPAIR_GOAL, [
  ['产出指标', '数量指标', '项目工程量完成率', '100%'],
  ['产出指标', '质量指标', '工程验收合格率', '100%'],
  ['产出指标', '时效指标', '', ''],
  ['效益指标', '社会效益指标', '建设过程安全事故发生数量', '0'],
  ['满意度指标', '服务对象满意度指标', '收到有效投诉数量', '0'],
]);

const CONSUMABLES_GOAL =
  '1. 满足2025年全校所有专业教学耗材的需求；2. 满足2025年全校所有专业技能等级认定的需求；3. 满足2025年各级各类技能大赛需求。';

/** One indicator table of the 佳县 template: every 二级 listed, empty where nothing applies. */
function jiaxianIndicators(label: string): FormCell[][] {
  return [
    [[label, 11], ['一级指标'], ['二级指标'], ['指标内容'], ['指标值'], ['备注']],
    [['产出指标', 5], ['数量指标', 2], ['培养教练数量'], ['10人以上'], ['']],
    [['培养竞赛选手梯队人数'], ['100人以上'], ['']],
    [['质量指标'], ['实训耗材质量达标率'], ['100%'], ['']],
    [['时效指标'], [''], [''], ['']],
    [['成本指标'], [''], [''], ['']],
    [['效益指标', 4], ['经济效益指标'], [''], [''], ['']],
    [['社会效益指标'], ['重大安全事故发生数量'], ['0'], ['']],
    [['环境效益指标'], [''], [''], ['']],
    [['可持续影响指标'], [''], [''], ['']],
    [['满意度指标'], ['服务对象满意度指标'], ['学生满意率'], ['85%或以上'], ['']],
  ];
}

const jiaxianBasics: FormCell[][] = [
  [['项目名称'], ['市机电技师学院技校实训、竞赛耗材项目购置项目', 1, 5]],
  [['项目属性'], ['新增项目 □　　延续项目 ☑', 1, 5]],
  [['主管部门'], [SUPERVISOR, 1, 3], ['主管部门编码'], ['']],
  [['项目实施单位'], [COLLEGE, 1, 5]],
  [['项目负责人'], empty(2), ['联系电话'], empty(2)],
  [['项目起止时间'], ['2025年1月至12月', 1, 5]],
  [
    ['项目资金申请（万元）', 3],
    ['资金总额：380', 1, 5],
  ],
  [
    ['财政拨款：380', 1, 2],
    ['自有资金：', 1, 3],
  ],
  [
    ['事业收入：', 1, 2],
    ['其他：', 1, 3],
  ],
  [['单位职能概述'], ['承担技工教育、职业技能培训和技能竞赛集训任务', 1, 5]],
];
const jiaxianPlan: FormCell[][] = [
  [['项目实施进度计划', 3], ['项目实施内容', 1, 3], ['开始时间'], ['完成时间']],
  [['1、耗材采购', 1, 3], ['2025年3月'], ['2025年6月']],
  [['2、耗材验收与发放', 1, 3], ['2025年6月'], ['2025年12月']],
  [
    ['项目绩效目标', 2],
    ['长期目标', 1, 2],
    ['年度目标', 1, 3],
  ],
  [
    [CONSUMABLES_GOAL, 1, 2],
    [CONSUMABLES_GOAL, 1, 3],
  ],
];
const jiaxianClosing: FormCell[][] = [
  [['其他说明的问题'], ['', 1, 5]],
  [
    ['填报人：', 1, 2],
    ['单位负责人：', 1, 2],
    ['填报日期：', 1, 2],
  ],
];

export const TEMPLATES: FormFixture[] = [
  {
    name: 'national-2025-two-projects',
    parts: [
      { paragraph: '项目支出绩效目标申报表' },
      { paragraph: '（2025年度）' },
      { table: nationalMaintenance },
      { paragraph: '项目支出绩效目标申报表', pageBreak: true },
      { paragraph: '（2025年度）' },
      { table: nationalRepair },
    ],
    targets: ['docx', 'pdf'],
  },
  {
    name: 'jiaxian-shaanxi-template-2025',
    parts: [
      { paragraph: '财政支出项目绩效目标申报表' },
      { paragraph: '（2025年度）' },
      { paragraph: '填报单位（盖章）：广州市机电技师学院' },
      { table: jiaxianBasics },
      { paragraph: '财政支出项目绩效目标申报表', pageBreak: true },
      { table: jiaxianPlan },
      { paragraph: '财政支出项目绩效目标申报表', pageBreak: true },
      { table: jiaxianIndicators('长期绩效指标') },
      { paragraph: '财政支出项目绩效目标申报表', pageBreak: true },
      { table: [...jiaxianIndicators('年度绩效指标'), ...jiaxianClosing] },
    ],
    targets: ['docx', 'pdf'],
  },
];
