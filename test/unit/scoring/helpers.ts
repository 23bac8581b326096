import {
  documentSettingsSchema,
  parseValue,
  SCHEMA_VERSION,
  type Indicator,
  type IndicatorEvaluation,
  type JixiaoDocument,
  type Project,
} from '../../../shared/model';

let counter = 0;

/** An indicator with its 年度指标值 as printed and its 自评 columns. */
export function indicator(
  level1: string,
  name: string,
  annual: string,
  evaluation?: IndicatorEvaluation,
  level2 = '数量指标',
): Indicator {
  counter += 1;
  return {
    id: `i${counter}`,
    level1,
    level2,
    name,
    period: parseValue(annual),
    annual: parseValue(annual),
    ...(evaluation ? { evaluation } : {}),
  };
}

/** A project with the target table's 财政拨款 (hundredths) and the given indicators. */
export function project(
  fiscal: number,
  indicators: Indicator[],
  extra: Partial<Project> = {},
): Project {
  return {
    id: 'p1',
    name: '实训设备购置',
    money: { fiscal, specialAccount: 0, other: 0 },
    goals: { annual: '完成实训设备采购' },
    indicators,
    raw: [],
    ...extra,
  };
}

export function documentWith(
  item: Project,
  scoring?: JixiaoDocument['scoring'],
  moneyUnit: '万元' | '元' = '万元',
): JixiaoDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    title: '项目支出绩效自评表',
    department: '某局',
    fiscalYear: 2025,
    moneyUnit,
    frameworkId: 'gz-2025',
    settings: documentSettingsSchema.parse({}),
    ...(scoring ? { scoring } : {}),
    units: [{ id: 'u1', name: '某学院', projects: [item] }],
  };
}

/** 全年执行数 as 当年财政拨款 only. */
export const spent = (fiscal: number) => ({ executed: { fiscal, carryover: 0, other: 0 } });
