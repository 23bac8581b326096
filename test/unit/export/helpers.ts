import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { unzipSync, strFromU8 } from 'fflate';
import {
  documentSchema,
  SCHEMA_VERSION,
  type Indicator,
  type JixiaoDocument,
  type Project,
} from '../../../shared/model';
import { importDisclosureText } from '../../../shared/import';
import { makeIndicator } from '../rules/helpers';

/** An indicator under a gz-2025 二级 given by its short name (`数量`, `社会效益` …). */
export const indicator = makeIndicator;

let projectCounter = 0;

const PARAGRAPHS = [
  '一是教务系统的升级将实现教学计划到排课调课业务的升级，教师业务档案模块和智慧校园教务系统数据看板的建设。通过这些升级和新建内容，我们的绩效目标是优化教学环境，使学校能够更好地管理教学资源，提供个性化的教学服务。教师业务档案模块的建设将促进教师信息的集中管理，方便教师发展和绩效评估；智慧校园教务系统数据看板的建设将为学校领导提供实时的教务数据和分析报告，支持决策和规划。',
  '二是人事管理系统的升级将涵盖数据收集管理、工资管理、工资统计、证明申请、年度考核表、人员变动、部门数据、劳动合同签订管理、花名册管理和统计模块，提高数据管理的效率和准确性，简化人事变动流程。部门数据和统计模块的建设将为学校领导提供准确的人事统计和分析报告，支持人力资源规划和决策，使学校能够更好地管理教职工的信息、薪酬福利和绩效评估等方面；劳动合同签订管理和人员变动模块的建设将简化人事变动流程，提高管理效率和信息的及时更新。',
  '三是新建的调查问卷管理系统将包括基础管理、问卷管理、问卷作答、问卷分析和防刷票管理，使学校能够方便、快速地进行校内调查和评估，了解学生和教职工的需求和反馈，从而进行针对性的改进和优化。基于问卷作答和问卷分析功能，学校能够更好地收集和分析数据，防刷票管理的建设将保证问卷数据的真实性和可靠性，全年完成问卷调查不少于20次。',
  '四是通过提升调查问卷管理的效率和质量，学校能够更好地满足师生需求，提供更优质的服务和支撑；同时建立健全运维保障机制，确保系统全年稳定运行，数据安全可靠，为学校的高质量发展提供有力的信息化支撑。项目实施期间，学院将严格按照政府采购和合同管理的有关规定组织实施，加强项目过程管理和资金使用监督，定期开展绩效运行监控，及时发现和纠正偏差，确保项目按期完成并通过验收，资金使用合规、高效，切实发挥财政资金的使用效益。',
];

/** About 800 characters in four paragraphs, like the seed's 智慧校园 goal (HTML-free). */
export const LONG_GOAL = PARAGRAPHS.join('\n');

function longIndicators(): Indicator[] {
  return [
    indicator('数量', '备份策略', '本地全量备份不小于每周一次'),
    indicator('数量', '桌面运维服务对象数量', '>3000（人）'),
    indicator('数量', '系统功能访问量', '>300000（次）'),
    indicator('数量', '系统并发数', '>300（个）'),
    indicator('数量', '系统用户数', '>1000（人）'),
    indicator('质量', '信息系统数据互通率', '对接统一身份认证'),
    indicator('质量', '硬件设备可以正常使用；软件可以安全、稳定运行', '100%'),
    indicator('时效', '修复及时率', '≤5小时'),
    indicator('时效', '响应时间', '≤3（秒）'),
    indicator('时效', '计划完成率', '18'),
    indicator('经济效益', '年度新增数据量', '>600000（条）'),
    indicator('经济效益', '应用类系统可用率', '95%以上'),
    indicator('社会效益', '系统年度业务量', '>9000件'),
    indicator('社会效益', '网络安全等级保护级别', '二级'),
    indicator('服务对象满意度', '师生使用满意度', '≥90%'),
  ];
}

function project(overrides: Partial<Project> & Pick<Project, 'name'>): Project {
  projectCounter += 1;
  return {
    id: `prj-${projectCounter}`,
    money: { fiscal: 0, specialAccount: 0, other: 0 },
    goals: { annual: '完成年度建设任务，提升教学质量。' },
    indicators: [
      indicator('数量', '新增设备数量', '89台套'),
      indicator('质量', '设备验收合格率', '100%'),
      indicator('社会效益', '安全生产事故发生数', '0次'),
      indicator('服务对象满意度', '服务对象满意度', '≥90%'),
    ],
    raw: [],
    ...overrides,
  };
}

/** Names of the projects in {@link sampleDocument}, in table order. */
export const SAMPLE_PROJECT_NAMES = [
  '市机电技师学院安保和物业管理服务经费',
  '广州市机电技师学院2024年智慧校园管理系统升级改造项目',
  '=SUM(A1:A9)项目名称以等号开头',
  '市机电技师学院教学实训设备维修维护工作经费项目',
  '广州市轻工技师学院实训基地建设项目',
] as const;

/**
 * A seed-like document built by hand: two funding units, five projects, one with an ~800
 * character four-paragraph goal and 15 indicators, one whose name starts with `=` and whose goal
 * starts with `+`, zero amounts, a multi-year project with 中期 money and goal, and a carryover.
 */
export function sampleDocument(): JixiaoDocument {
  const [security, campus, formula, repair, base] = SAMPLE_PROJECT_NAMES;
  const document: JixiaoDocument = {
    schemaVersion: SCHEMA_VERSION,
    title: '项目支出绩效目标表（含转移支付项目）',
    department: '广州市人力资源和社会保障局',
    fiscalYear: 2025,
    moneyUnit: '万元',
    frameworkId: 'gz-2025',
    settings: {
      satisfactionFloor: 85,
      indicatorCountMin: 4,
      indicatorCountMax: 15,
      nameMaxLength: 100,
      valueMaxLength: 200,
    },
    units: [
      {
        id: 'unit-1',
        name: '广州市机电技师学院',
        projects: [
          project({
            name: security,
            attribute: '延续',
            periodStart: 2025,
            periodEnd: 2025,
            money: { fiscal: 63_800, specialAccount: 0, other: 0 },
            goals: {
              annual:
                '按时完成物业管理与校园安保服务项目的政府采购工作，提升学校后勤服务质量和水平，为广大师生提供一个优质的学习生活环境。',
            },
          }),
          project({
            name: campus,
            attribute: '新增',
            periodStart: 2024,
            periodEnd: 2025,
            money: { fiscal: 263, specialAccount: 0, other: 0 },
            periodMoney: { total: 526, fiscal: 526, other: 0 },
            goals: { annual: LONG_GOAL, period: `${PARAGRAPHS[0]}\n${PARAGRAPHS[1]}` },
            indicators: longIndicators(),
          }),
          project({
            name: formula,
            money: { fiscal: 1_000, specialAccount: 250, other: 1_234_567 },
            goals: { annual: '+完成年度任务\n-不发生安全事故\n@全体师生受益' },
            indicators: [
              indicator('数量', '=1+1', '2个'),
              indicator('质量', '-负面舆情数', '＝0次'),
              indicator('社会效益', '@受益学生人次', '≥1000人次'),
              indicator('服务对象满意度', '学生满意度', '≥90%'),
            ],
          }),
          project({
            name: repair,
            money: { fiscal: 0, specialAccount: 0, other: 0 },
            goals: { annual: '保障实训教学、竞赛训练安全、有序进行。' },
          }),
        ],
      },
      {
        id: 'unit-2',
        name: '广州市轻工技师学院',
        projects: [
          project({
            name: base,
            attribute: '延续',
            periodStart: 2023,
            periodEnd: 2027,
            money: { fiscal: 12_345_600, specialAccount: 0, other: 50_000, carryover: 10_000 },
            periodMoney: { total: 60_000_000, fiscal: 59_000_000, other: 1_000_000 },
            goals: {
              annual: '完成实训基地二期建设。\n新增实训工位137个。',
              period: '建成集教学、培训、竞赛于一体的实训基地。',
            },
          }),
        ],
      },
    ],
  };
  return documentSchema.parse(document);
}

/** The seed table, in shared/ beside the project root (always present, as in CI). */
export function seedText(): string {
  return readFileSync(
    join(import.meta.dirname, '../../fixtures/seed-guangzhou-2025-jidian-disclosure.txt'),
    'utf8',
  );
}

/** The seed as a clerk has it after importing the published table, with the year set. */
export function seedDocument(): JixiaoDocument {
  const document = importDisclosureText(seedText()).document;
  return { ...document, fiscalYear: 2025 };
}

/** Files of an OOXML package (zip) by path, as text. */
export function unzipText(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([path, data]) => [path, strFromU8(data)]));
}

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Parses `word/document.xml` of a .docx. */
export function documentXml(bytes: Uint8Array): Element {
  const xml = unzipText(bytes)['word/document.xml'];
  if (!xml) throw new Error('no word/document.xml');
  const parsed = new DOMParser().parseFromString(xml, 'text/xml');
  if (!parsed.documentElement) throw new Error('document.xml does not parse');
  return parsed.documentElement;
}

/** Elements by namespaced local name (`tbl`, `tr` …) below a node. */
export function elements(node: Element, localName: string): Element[] {
  return Array.from(node.getElementsByTagNameNS(W, localName));
}

/** Direct children of a node with a given local name. */
export function children(node: Element, localName: string): Element[] {
  return Array.from(node.childNodes).filter(
    (child): child is Element => child.nodeType === 1 && (child as Element).localName === localName,
  );
}

/** The `w:val` (or another w: attribute) of an element. */
export function attr(node: Element | undefined, name: string): string | null {
  return node ? node.getAttributeNS(W, name) || node.getAttribute(`w:${name}`) : null;
}

/** Text of a table cell: its paragraphs joined by '\n'. */
export function cellText(cell: Element): string {
  return elements(cell, 'p')
    .map((paragraph) =>
      elements(paragraph, 't')
        .map((t) => t.textContent ?? '')
        .join(''),
    )
    .join('\n');
}

export const hasSoffice = (() => {
  try {
    execFileSync('which', ['soffice'], { stdio: 'ignore' });
    execFileSync('which', ['pdfinfo'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/**
 * Why an Excel page-count check may fail here: a workbook's column widths are counted in digits
 * of its default font, Calibri, which LibreOffice on Linux draws with Carlito (same metrics).
 * Without Carlito it falls back to a wider font and scales each sheet down (the 池州 监控表 to
 * 0.79 instead of 0.98, measured by row pitch), so a project that takes two pages fits on one.
 */
export const carlitoHint = (() => {
  try {
    const fonts = execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' });
    if (/carlito/i.test(fonts)) return undefined;
  } catch {
    // No fontconfig: say what the check needs all the same.
  }
  return '没有 Carlito 字体（Calibri 的同尺寸替代），LibreOffice 按其他字体缩放 Excel 页面；请安装 fonts-crosextra-carlito（.ci/run 会自动安装）';
})();

/** Page count and first page size (points) from pdfinfo. */
export function pdfInfo(path: string): { pages: number; width: number; height: number } {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info);
  return { pages, width: Number(size?.[1] ?? 0), height: Number(size?.[2] ?? 0) };
}

/** Text of each page of a PDF. */
export function pdfPages(path: string): string[] {
  const text = execFileSync('pdftotext', ['-raw', path, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}
