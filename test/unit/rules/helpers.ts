import { findLevel2, getFramework } from '../../../shared/frameworks';
import {
  documentSettingsSchema,
  parseValue,
  SCHEMA_VERSION,
  type Indicator,
  type JixiaoDocument,
  type Project,
} from '../../../shared/model';
import { checkDocument, type CheckOptions, type Finding } from '../../../shared/rules';

const framework = getFramework('gz-2025');
let counter = 0;

/**
 * An indicator filed under a 二级 of the gz-2025 framework, given by its short name (`数量`,
 * `社会效益`, `服务对象满意度`); values are typed as a clerk would print them.
 */
export function makeIndicator(
  level2: string,
  name: string,
  annual: string,
  period: string = annual,
): Indicator {
  const found = findLevel2(framework, level2);
  if (!found) throw new Error(`no 二级 ${level2}`);
  counter += 1;
  return {
    id: `i${counter}`,
    level1: found.level1.name,
    level2: found.level2.name,
    name,
    period: parseValue(period),
    annual: parseValue(annual),
  };
}

/** Indicators that pass every rule: 数量, 质量, 时效, 效益 and 满意度. */
export function goodIndicators(): Indicator[] {
  return [
    makeIndicator('数量', '新增设备数量', '≥89台套'),
    makeIndicator('质量', '设备验收合格率', '＝100%'),
    makeIndicator('时效', '项目按时完成率', '≥95%'),
    makeIndicator('社会效益', '受益学生人次', '≥1000人次'),
    makeIndicator('服务对象满意度', '服务对象满意度', '≥90%'),
  ];
}

/** A project that passes every rule unless the overrides break one. */
export function makeProject(overrides: Partial<Project> = {}): Project {
  counter += 1;
  return {
    id: `p${counter}`,
    name: '市机电技师学院教学信息化设备购置项目',
    money: { fiscal: 59_600, specialAccount: 0, other: 0 },
    goals: { annual: '完成教学信息化设备购置，提升校园安全监控水平。' },
    indicators: goodIndicators(),
    raw: [],
    ...overrides,
  };
}

/** A 2025 document of one unit holding these projects. */
export function makeDocument(
  projects: Project[] = [makeProject()],
  overrides: Partial<JixiaoDocument> = {},
): JixiaoDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    title: '项目支出绩效目标表（含转移支付项目）',
    department: '广州市人力资源和社会保障局',
    fiscalYear: 2025,
    moneyUnit: '万元',
    frameworkId: 'gz-2025',
    settings: documentSettingsSchema.parse({}),
    units: [{ id: 'u1', name: '广州市机电技师学院', projects }],
    ...overrides,
  };
}

/** A document with one project whose indicators are the good ones plus `extra`. */
export function documentWith(...extra: Indicator[]): JixiaoDocument {
  return makeDocument([makeProject({ indicators: [...goodIndicators(), ...extra] })]);
}

/** The findings of one rule. */
export function findingsOf(
  document: JixiaoDocument,
  code: string,
  options?: CheckOptions,
): Finding[] {
  return checkDocument(document, options).filter((finding) => finding.code === code);
}

/** The single finding of a rule, failing the test when there is not exactly one. */
export function onlyFinding(document: JixiaoDocument, code: string): Finding {
  const found = findingsOf(document, code);
  if (found.length !== 1) {
    throw new Error(
      `expected one ${code}, got ${found.length}: ${found.map((f) => f.message).join(' / ')}`,
    );
  }
  return found[0] as Finding;
}

/** Freezes a document all the way down, so a mutation throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
