import { categoryKey, findLevel1, findLevel2, type Framework } from '../frameworks';
import type { DocumentSettings, FundingUnit, Indicator, JixiaoDocument, Project } from '../model';
import { ruleInfo, type RuleCode } from './catalogue';
import type { Finding, Fix, Location, ReviewerReason, Severity, Target } from './types';

/** What a project-level rule sees. */
export interface ProjectContext {
  document: JixiaoDocument;
  framework: Framework;
  settings: DocumentSettings;
  unit: FundingUnit;
  project: Project;
  /** `categorise` against this framework, memoised for the run. */
  categoryOf: (indicator: Indicator) => Category;
}

/** What an indicator-level rule sees. */
export interface IndicatorContext extends ProjectContext {
  indicator: Indicator;
  /** 0-based position in the project's list. */
  index: number;
  category: Category;
  /** Position of the first indicator of the project with the same name (R5). */
  firstWithName: number;
}

/**
 * An indicator's categories as framework keys (`产出`, `效益`, `满意度`; `数量`, `质量`,
 * `经济效益` …): the framework's names when they match, else the text as typed, normalised.
 */
export interface Category {
  level1Key: string;
  level2Key: string;
  /** True when the 一级 is in the framework. */
  level1Known: boolean;
  /** True when the 二级 is in the framework under that 一级. */
  level2Known: boolean;
}

/** Classifies an indicator against the framework. */
export function categorise(framework: Framework, indicator: Indicator): Category {
  const level1 = findLevel1(framework, indicator.level1);
  const level2 = findLevel2(framework, indicator.level2, undefined, level1);
  const level2Known = level2 !== undefined && level1 !== undefined && level2.level1 === level1;
  return {
    level1Key: categoryKey(level1?.name ?? indicator.level1),
    level2Key: categoryKey(level2?.level2.name ?? indicator.level2),
    level1Known: level1 !== undefined,
    level2Known,
  };
}

/** A memoised `categorise`: a document repeats a handful of category spellings. */
export function categoriser(framework: Framework): (indicator: Indicator) => Category {
  const cache = new Map<string, Category>();
  return (indicator) => {
    const key = `${indicator.level1}\u0000${indicator.level2}`;
    let category = cache.get(key);
    if (!category) {
      category = categorise(framework, indicator);
      cache.set(key, category);
    }
    return category;
  };
}

/** `「市机电技师学院教学信息化设备购置项目」`. */
export function projectLabel(project: Project): string {
  return `「${project.name.trim() || '未命名项目'}」`;
}

/** `「项目」的指标「设备完好率」`, or `第 3 个指标` when the name is blank. */
export function indicatorLabel(context: IndicatorContext): string {
  const name = context.indicator.name.trim();
  return `${projectLabel(context.project)}的${name ? `指标「${name}」` : `第 ${context.index + 1} 个指标`}`;
}

/** Where a project (or one of its fields) is. */
export function projectWhere(context: ProjectContext, field?: string): Location {
  return {
    unitId: context.unit.id,
    projectId: context.project.id,
    ...(field === undefined ? {} : { field }),
  };
}

/** Where an indicator (or one of its cells) is. */
export function indicatorWhere(context: IndicatorContext, field?: string): Location {
  return {
    unitId: context.unit.id,
    projectId: context.project.id,
    indicatorId: context.indicator.id,
    ...(field === undefined ? {} : { field }),
  };
}

/** The fix target of a project or an indicator context. */
export function targetOf(context: ProjectContext | IndicatorContext): Target {
  const target: Target = { unitId: context.unit.id, projectId: context.project.id };
  if ('indicator' in context) target.indicatorId = context.indicator.id;
  return target;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A fix without its id; `finding` gives it one. */
export type FixDraft = DistributiveOmit<Fix, 'id'>;

/** Builds a finding with the catalogue's severity and reason unless given. */
export function finding(
  code: RuleCode,
  where: Location,
  message: string,
  extra: { severity?: Severity; reviewerReason?: ReviewerReason; fix?: FixDraft } = {},
): Finding {
  const info = ruleInfo(code);
  const result: Finding = {
    code,
    severity: extra.severity ?? info.severity,
    where,
    message,
    reviewerReason: extra.reviewerReason ?? info.reviewerReason,
  };
  if (extra.fix) {
    const id = [code, where.unitId, where.projectId, where.indicatorId, where.field]
      .filter((part) => part !== undefined)
      .join('/');
    result.fix = { ...extra.fix, id } as Fix;
  }
  return result;
}
