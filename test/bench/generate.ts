/**
 * Deterministic synthetic documents for benchmarks and export tests: realistic Chinese text
 * lengths (names 10–30 characters, goals 100–800 characters in 1–4 paragraphs), the seed's value
 * forms (`≥90%`, `12个月`, `89台套`, qualitative text) and amounts with zero columns.
 */
import { getFramework } from '../../shared/frameworks';
import {
  documentSchema,
  parseValue,
  SCHEMA_VERSION,
  type Indicator,
  type JixiaoDocument,
  type Project,
} from '../../shared/model';
import { seededRandom } from '../seededRandom';

const UNITS = [
  '广州市机电技师学院',
  '广州市轻工技师学院',
  '广州市交通技师学院',
  '广州市工贸技师学院',
  '广州市公用事业技师学院',
  '广州市城市建设职业学校',
];
const SUBJECTS = [
  '安保和物业管理服务经费',
  '教学实训设备维修维护工作经费',
  '技能竞赛设备设施购置',
  '实训、竞赛耗材购置',
  '国家助学金补助资金',
  '校园维护维修',
  '教学信息化设备购置',
  '免学费财政补助',
  '专业实训设备及教学设施购置',
  '校园信息化设备运维',
  '智慧校园管理系统升级改造',
  '定向培养职业教育硕士补贴',
  '高层次人才安家补贴及租购房补贴',
  '一体化课程教学改革',
  '世界技能大赛集训基地建设',
  '学生宿舍安全改造',
];
const SENTENCES = [
  '按时完成物业管理与校园安保服务项目的政府采购工作',
  '通过加强对一般校园校舍维修、清洁保洁、绿化养护、校园安全保卫及宿舍安保管理工作等经常性后勤服务工作的监管',
  '提升学校后勤服务质量和水平，为广大师生提供一个优质的学习生活环境',
  '满足教学和竞赛需求，保障实训教学、竞赛训练安全、有序进行',
  '学院实训教学场地设施、设备完好率在95%以上，设备维修维护服务满意度90%以上',
  '通过开展中等职业教育免学费、助学金专项经费项目，贯彻落实国家、省、市中职免学费有关要求',
  '完善符合学生基础技能提升认知规律的人才培养方案和课程体系，培养双师型队伍，提升师资队伍综合能力',
  '实现对教室和走廊等关键区域的全方位监控与预警，提高校园安全监控水平',
  '教务系统的升级将提高教学计划和排课调课的效率和准确性，使学校能够更好地管理教学资源',
  '建立共商、共建、共享、共赢的合作机制，提升社会服务水平',
  '组建选手集训梯队，有选手进入国家集训队并代表中国队参赛',
  '确保系统全年稳定运行，数据安全可靠，故障工单关闭率100%',
];
const INDICATORS: Array<[level2: string, name: string, values: string[]]> = [
  ['数量指标', '新增设备数量', ['89台套', '≥20台套', '137个']],
  ['数量指标', '人才培养次数', ['100人次', '≥1000人次']],
  ['数量指标', '一体化课程标准', ['2门', '≥3门']],
  ['数量指标', '新增实训室数量', ['2间', '≥1间']],
  ['数量指标', '撰写调研报告篇数', ['1份', '≥2份']],
  ['质量指标', '设备验收合格率', ['100%', '≥95%', '＝100%']],
  ['质量指标', '设备完好率', ['95%', '≥90%']],
  ['质量指标', '网络安全等级保护级别', ['二级', '三级']],
  ['时效指标', '项目完成时间', ['12个月', '≤6个月']],
  ['时效指标', '修复及时率', ['≤5小时', '≤24小时']],
  ['成本指标', '项目成本控制率', ['≤100%']],
  ['经济效益指标', '实训室使用率', ['≥85%', '每学期400人/次以上']],
  ['社会效益指标', '重大安全事故发生数量', ['0', '＝0次']],
  ['社会效益指标', '参与行业交流学习活动', ['2次', '≥3次']],
  ['社会效益指标', '学生技能等级认定通过率', ['≥90%']],
  ['可持续影响指标', '设备设施使用年限', ['≥5年', '≥8年']],
  ['服务对象满意度指标', '服务对象满意度', ['≥90%', '≥85%', '90%']],
  ['服务对象满意度指标', '学生满意度', ['≥90%']],
];

/**
 * A valid document of `projects` projects (25 to a funding unit), each with
 * `indicatorsPerProject` indicators. The same arguments always give the same document.
 */
export function generateDocument(
  projects: number,
  indicatorsPerProject = 15,
  seed = 1,
): JixiaoDocument {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const framework = getFramework('gz-2025');
  const level1Of = (level2: string) =>
    framework.level1.find((level1) => level1.level2.some((item) => item.name === level2))?.name ??
    '';

  const text = (minimum: number, maximum: number): string => {
    const target = between(minimum, maximum);
    const paragraphs = between(1, Math.min(4, Math.ceil(target / 150)));
    let result = '';
    let paragraph = 1;
    while (result.length < target) {
      result += `${pick(SENTENCES)}${result.length > (target * paragraph) / paragraphs ? '。\n' : '，'}`;
      if (result.endsWith('\n')) paragraph += 1;
    }
    return `${result.slice(0, maximum - 1).replace(/[，。\n]+$/, '')}。`;
  };

  const indicators = (projectIndex: number): Indicator[] => {
    const list: Indicator[] = [];
    const names = new Set<string>();
    for (let index = 0; index < indicatorsPerProject; index += 1) {
      // Always one 数量, one 社会效益 and one 满意度, the rest at random.
      const [level2, baseName, values] =
        index === 0
          ? INDICATORS[0]!
          : index === 1
            ? INDICATORS[12]!
            : index === 2
              ? INDICATORS[16]!
              : pick(INDICATORS);
      let name = baseName;
      for (let copy = 2; names.has(name); copy += 1) name = `${baseName}（${copy}）`;
      names.add(name);
      const value = pick(values);
      list.push({
        id: `i-${projectIndex}-${index}`,
        level1: level1Of(level2),
        level2,
        name,
        period: parseValue(value),
        annual: parseValue(value),
      });
    }
    return list;
  };

  const unitCount = Math.max(1, Math.ceil(projects / 25));
  const units: JixiaoDocument['units'] = Array.from({ length: unitCount }, (_, index) => ({
    id: `u-${index}`,
    name: UNITS[index % UNITS.length] + (index >= UNITS.length ? `（${index + 1}）` : ''),
    projects: [] as Project[],
  }));
  for (let index = 0; index < projects; index += 1) {
    const unit = units[index % unitCount]!;
    const start = 2024 + between(0, 1);
    let name = `${unit.name.replace(/^广州市/, '市')}${pick(SUBJECTS)}项目`;
    if (name.length > 30) name = name.slice(0, 30);
    if (next() < 0.3) name = `${start}年${name}`.slice(0, 30);
    const zeroSpecial = next() < 0.8;
    unit.projects.push({
      id: `p-${index}`,
      name,
      attribute: next() < 0.5 ? '新增' : '延续',
      periodStart: start,
      periodEnd: start + between(0, 2),
      money: {
        fiscal: between(0, 100_000_00),
        specialAccount: zeroSpecial ? 0 : between(1, 5_000_00),
        other: next() < 0.7 ? 0 : between(1, 1_000_00),
      },
      goals: { annual: text(100, 800), period: next() < 0.3 ? text(100, 300) : undefined },
      indicators: indicators(index),
      raw: [],
    });
  }
  return documentSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    title: '项目支出绩效目标表（含转移支付项目）',
    department: '广州市人力资源和社会保障局',
    fiscalYear: 2025,
    moneyUnit: '万元',
    frameworkId: 'gz-2025',
    units,
  });
}
