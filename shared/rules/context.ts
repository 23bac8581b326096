import { categoryKey, findLevel1, findLevel2, type Framework } from '../frameworks';
import {
  renderValue,
  type DocumentSettings,
  type FundingUnit,
  type Indicator,
  type JixiaoDocument,
  type Project,
} from '../model';
import { projectLabel, quotedName } from '../model/quote';
import { ruleInfo, type RuleCode } from './catalogue';
import type { NameTraits } from './names';
import type { Finding, Fix, Location, ReviewerReason, Severity, Target } from './types';

/** What a whole run shares: the document, its framework and memoised lookups. */
export interface RunContext {
  document: JixiaoDocument;
  framework: Framework;
  settings: DocumentSettings;
  /** `categorise` against this framework, memoised for the run. */
  categoryOf: (indicator: Indicator) => Category;
  /** `nameTraits`, memoised for the run. */
  traitsOf: (name: string) => NameTraits;
  /** Where the rules append their findings, in report order. */
  findings: Finding[];
}

/** What a project-level rule sees. */
export interface ProjectContext extends RunContext {
  unit: FundingUnit;
  project: Project;
  /** `projectLabel(project)`, built on first use. */
  label?: string;
}

/** What an indicator-level rule sees. */
export interface IndicatorContext extends ProjectContext {
  indicator: Indicator;
  /** 0-based position in the project's list. */
  index: number;
  category: Category;
  /** Position of the first indicator of the project with the same name (R5). */
  firstWithName: number;
  /** `renderValue` of the two value cells. */
  periodText: string;
  annualText: string;
  /** What the indicator's name says about it. */
  traits: NameTraits;
  /** `indicatorLabel(context)`, built on first use. */
  indicatorLabel?: string;
}

/** The context of one project; its label is built only if a rule reports. */
export function projectContext(
  run: RunContext,
  unit: FundingUnit,
  project: Project,
): ProjectContext {
  return {
    document: run.document,
    framework: run.framework,
    settings: run.settings,
    categoryOf: run.categoryOf,
    traitsOf: run.traitsOf,
    findings: run.findings,
    unit,
    project,
    label: undefined,
  };
}

/**
 * The context of one indicator of a project. `nextIndicator` re-points it at the project's
 * following indicators, so a run allocates one per project, not one per indicator: rules must
 * not keep it.
 */
export function indicatorContext(
  context: ProjectContext,
  indicator: Indicator,
  index: number,
  firstWithName: number,
): IndicatorContext {
  const result: IndicatorContext = {
    document: context.document,
    framework: context.framework,
    settings: context.settings,
    categoryOf: context.categoryOf,
    traitsOf: context.traitsOf,
    findings: context.findings,
    unit: context.unit,
    project: context.project,
    label: context.label,
    indicator,
    index,
    category: context.categoryOf(indicator),
    firstWithName,
    periodText: '',
    annualText: '',
    traits: context.traitsOf(indicator.name),
    indicatorLabel: undefined,
  };
  return nextIndicator(result, indicator, index, firstWithName);
}

/** Points an indicator context at another indicator of the same project. */
export function nextIndicator(
  context: IndicatorContext,
  indicator: Indicator,
  index: number,
  firstWithName: number,
): IndicatorContext {
  context.indicator = indicator;
  context.index = index;
  context.category = context.categoryOf(indicator);
  context.firstWithName = firstWithName;
  context.periodText = renderValue(indicator.period);
  context.annualText = renderValue(indicator.annual);
  context.traits = context.traitsOf(indicator.name);
  context.indicatorLabel = undefined;
  return context;
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
  const cache = new Map<string, Map<string, Category>>();
  return (indicator) => {
    let byLevel2 = cache.get(indicator.level1);
    if (!byLevel2) {
      byLevel2 = new Map();
      cache.set(indicator.level1, byLevel2);
    }
    let category = byLevel2.get(indicator.level2);
    if (!category) {
      category = categorise(framework, indicator);
      byLevel2.set(indicator.level2, category);
    }
    return category;
  };
}

/** A memoised function of a string, for one run. */
export function memoise<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      cache.set(key, value);
    }
    return value;
  };
}

export { quotedName, projectLabel };

/** The label of the context's project, built once. */
export function ownerLabel(context: ProjectContext): string {
  return (context.label ??= projectLabel(context.project));
}

/** `「项目」的指标「设备完好率」`, or `第 3 个指标` when the name is blank. */
export function indicatorLabel(context: IndicatorContext): string {
  if (context.indicatorLabel === undefined) {
    const name = context.indicator.name.trim();
    context.indicatorLabel = `${ownerLabel(context)}的${name ? `指标「${quotedName(name)}」` : `第 ${context.index + 1} 个指标`}`;
  }
  return context.indicatorLabel;
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

/** True for an indicator's context. */
export function isIndicatorContext(
  context: ProjectContext | IndicatorContext,
): context is IndicatorContext {
  return 'indicator' in context;
}

/** The fix target of a project or an indicator context. */
export function targetOf(context: ProjectContext | IndicatorContext): Target {
  const target: Target = { unitId: context.unit.id, projectId: context.project.id };
  if (isIndicatorContext(context)) target.indicatorId = context.indicator.id;
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
