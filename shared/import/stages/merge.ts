/**
 * Merging a filled 监控表 or 自评表 into the open document: the imported stage values go onto the
 * projects matched by name and, within each, the indicators matched by 三级 name within their
 * 一级/二级 (whitespace and full-width forms ignored). Nothing is dropped: what does not match is
 * listed with its place, a value that replaces a different one already there is listed, a target
 * that differs from the document's is listed (targets are never changed here), and printed
 * 执行率 and 得分 that differ from what the document computes are listed with both numbers.
 */

import { categoryKey } from '../../frameworks';
import {
  convertMoney,
  formatMoney,
  initialBudget,
  renderValue,
  stageMoneyTotal,
  type Indicator,
  type JixiaoDocument,
  type MoneyUnit,
  type Project,
  type StageMoney,
} from '../../model';
import { formatHundredths, scoreProject, scoringRulesFor, type ScoringRules } from '../../scoring';
import { shorten } from '../indicatorRun';
import { ImportReporter, orderEntries, type ImportEntry } from '../report';
import { gradedIndicators, placeWritten } from './grades';
import { dropSharedPoints } from './points';
import { checkPrintedRate, compareScore } from './printed';
import { STAGE_FORM_NAMES, type PublishedProject, type StageKind, type StageReport } from './types';

export interface StageMergeReport {
  kind: StageKind;
  /** Units, projects and indicators of the document that received the form's values. */
  matched: { units: number; projects: number; indicators: number };
  /** Of the form's, how many found no place (each listed in `entries`). */
  unmatched: { projects: number; indicators: number };
  /** Stage values that replaced a different value already in the document. */
  overwritten: number;
  /** What a clerk checks first (`warning`), then what was done (`normalised`). */
  entries: ImportEntry[];
}

export interface StageMergeResult {
  document: JixiaoDocument;
  report: StageMergeReport;
}

/** The key names are matched by: NFKC (full-width → half-width), no spaces, no trailing 指标. */
export function matchKey(text: string): string {
  return text.normalize('NFKC').replace(/\s/g, '').toLowerCase();
}

const categoryMatchKey = (text: string) => matchKey(categoryKey(text));

function findProject(
  document: JixiaoDocument,
  incoming: Project,
  unitName: string,
): Project | null {
  const candidates = document.units.flatMap((unit) =>
    unit.projects
      .filter((project) => matchKey(project.name) === matchKey(incoming.name))
      .map((project) => ({ unit, project })),
  );
  if (candidates.length <= 1) return candidates[0]?.project ?? null;
  const sameUnit = candidates.filter(({ unit }) => matchKey(unit.name) === matchKey(unitName));
  return sameUnit.length === 1 ? sameUnit[0]!.project : null;
}

/** The document's indicator for an imported one: same 三级 name within 一级 (and 二级 if given). */
function findIndicator(
  project: Project,
  incoming: Indicator,
  taken: Set<string>,
): Indicator | null {
  const named = project.indicators.filter(
    (indicator) => !taken.has(indicator.id) && matchKey(indicator.name) === matchKey(incoming.name),
  );
  const placed = named.filter(
    (indicator) =>
      categoryMatchKey(indicator.level1) === categoryMatchKey(incoming.level1) &&
      (incoming.level2 === '' ||
        categoryMatchKey(indicator.level2) === categoryMatchKey(incoming.level2)),
  );
  if (placed.length >= 1) return placed[0]!;
  return named.length === 1 ? named[0]! : null;
}

/** Field names as the forms print them, for report lines. */
const FIELD_NAMES: Record<string, string> = {
  toDate: '截至监控时点完成值',
  forecast: '全年预计完成值',
  likelihood: '完成目标可能性',
  causes: '偏差原因',
  causeText: '偏差原因说明',
  corrective: '纠偏措施',
  remark: '备注',
  actual: '实际完成值',
  points: '分值',
  grade: '完成等级',
  analysis: '偏差原因分析及改进措施',
  notApplicable: '不适用',
  executed: '执行数',
  forecastMoney: '全年预计执行数',
  goalProgress: '年度总体目标进展情况',
  goalActual: '年度总体目标实际完成情况',
  budgetAnalysis: '预算执行偏差原因分析及改进措施',
  initial: '年初预算数',
  adjusted: '全年预算数',
};

const sameMoney = (a: StageMoney, b: StageMoney): boolean =>
  a.fiscal === b.fiscal && a.carryover === b.carryover && a.other === b.other;

/**
 * Whether the form's figures are the document's `ours` as that form prints them. The 监控表 has no
 * 上年结转 line: its 「其中：财政拨款」 carries 当年财政拨款 and 上年结转 together, so our own figures
 * read back as one 财政拨款 with no 上年结转. Those are the same money, and the document's split
 * stays.
 */
function printsAs(kind: StageKind, ours: StageMoney, form: StageMoney): boolean {
  if (sameMoney(ours, form)) return true;
  return (
    kind === 'monitoring' &&
    form.carryover === 0 &&
    form.other === ours.other &&
    form.fiscal === ours.fiscal + ours.carryover
  );
}

/** The document's figures where the form prints them unchanged (see printsAs), else the form's. */
function keepSplit(
  kind: StageKind,
  ours: StageMoney | undefined,
  form: StageMoney | undefined,
): StageMoney | undefined {
  return ours && form && printsAs(kind, ours, form) ? ours : form;
}

const MONEY_PARTS = [
  ['fiscal', '财政拨款'],
  ['carryover', '上年结转'],
  ['other', '其他资金'],
] as const;

/**
 * An amount for a report line: `539,844.00 元`, or, split other than into 财政拨款 alone,
 * `539,844.00 元（财政拨款 439,844.00、上年结转 100,000.00）`.
 */
function describeMoney(value: unknown, unit: MoneyUnit): string {
  const money = value as StageMoney;
  const total = `${formatMoney(stageMoneyTotal(money))} ${unit}`;
  const parts = MONEY_PARTS.filter(([key]) => money[key] !== 0);
  if (parts.length === 0 || (parts.length === 1 && parts[0]![0] === 'fiscal')) return total;
  return `${total}（${parts.map(([key, label]) => `${label} ${formatMoney(money[key])}`).join('、')}）`;
}

const shown = (value: unknown): string =>
  Array.isArray(value) ? value.join('、') : typeof value === 'object' ? '' : String(value);

const isEmpty = (value: unknown): boolean =>
  value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * Puts the form's values over the document's, field by field: an empty incoming value keeps the
 * document's; a different non-empty one replaces it and is reported.
 */
function overlay<T extends object>(
  existing: T | undefined,
  incoming: T,
  describe: (field: string, before: unknown, after: unknown) => void,
): T {
  const result = { ...(existing ?? {}) } as Record<string, unknown>;
  for (const [field, value] of Object.entries(incoming)) {
    if (isEmpty(value)) continue;
    const before = result[field];
    if (!isEmpty(before) && JSON.stringify(before) !== JSON.stringify(value))
      describe(field, before, value);
    result[field] = value;
  }
  return result as T;
}

interface Context {
  kind: StageKind;
  /** The document merged into, and its scoring rules (which indicators are graded). */
  document: JixiaoDocument;
  rules: ScoringRules;
  reporter: ImportReporter;
  fromUnit: MoneyUnit;
  toUnit: MoneyUnit;
  counts: StageMergeReport;
}

function money(value: StageMoney | undefined, context: Context, what: string, project: string) {
  if (!value) return undefined;
  const convert = (cents: number) => convertMoney(cents, context.fromUnit, context.toUnit);
  const fiscal = convert(value.fiscal);
  const carryover = convert(value.carryover);
  const other = convert(value.other);
  if (fiscal === null || carryover === null || other === null) {
    context.reporter.add(
      'warning',
      `${what}换算成${context.toUnit}会丢失数字，未合并，请手工填写。`,
      undefined,
      project,
    );
    return undefined;
  }
  return { fiscal, carryover, other };
}

/** Merges a filled stage form (imported as a document with its report's `stage` part). */
export function mergeStageValues(
  target: JixiaoDocument,
  incoming: JixiaoDocument,
  stage: StageReport,
): StageMergeResult {
  const document = structuredClone(target);
  const reporter = new ImportReporter();
  const report: StageMergeReport = {
    kind: stage.kind,
    matched: { units: 0, projects: 0, indicators: 0 },
    unmatched: { projects: 0, indicators: 0 },
    overwritten: 0,
    entries: [],
  };
  const context: Context = {
    kind: stage.kind,
    document,
    rules: scoringRulesFor(document),
    reporter,
    fromUnit: incoming.moneyUnit,
    toUnit: document.moneyUnit,
    counts: report,
  };
  const published = new Map(stage.projects.map((item) => [item.projectId, item]));
  const matchedUnits = new Set<string>();
  for (const unit of incoming.units) {
    for (const source of unit.projects) {
      const printed = published.get(source.id);
      const project = findProject(document, source, unit.name);
      if (!project) {
        report.unmatched.projects += 1;
        report.unmatched.indicators += source.indicators.length;
        reporter.add(
          'warning',
          `表中的项目「${source.name}」在当前文档中没有同名项目（或有多个同名项目），未合并；它的 ${source.indicators.length} 个指标的填写内容仍在表中。`,
          printed?.source,
          source.name,
        );
        continue;
      }
      report.matched.projects += 1;
      matchedUnits.add(document.units.find((item) => item.projects.includes(project))!.id);
      mergeProject(project, source, stage, context, printed);
    }
  }
  report.matched.units = matchedUnits.size;
  // Printed figures against ours, on the merged document.
  if (stage.kind === 'evaluation') compareScores(document, incoming, stage, reporter);
  for (const unit of incoming.units)
    for (const source of unit.projects) {
      const project = findProject(document, source, unit.name);
      const printed = published.get(source.id);
      if (project && printed) checkPrintedRate(project, printed, stage.kind, reporter);
    }
  report.entries = orderEntries(reporter.entries);
  return { document, report };
}

function mergeProject(
  project: Project,
  source: Project,
  stage: StageReport,
  context: Context,
  printed: PublishedProject | undefined,
): void {
  const { reporter } = context;
  const changed = (field: string, before: unknown, after: unknown) => {
    context.counts.overwritten += 1;
    reporter.add(
      'warning',
      `${FIELD_NAMES[field] ?? field}原为「${shown(before)}」，已改为表中的「${shown(after)}」。`,
      printed?.source,
      project.name,
    );
  };
  // A clerk's amount is never changed without a line that says from what to what.
  const moneyChanged = (field: string, before: unknown, after: unknown) => {
    context.counts.overwritten += 1;
    reporter.add(
      'warning',
      `${FIELD_NAMES[field] ?? field}原为 ${describeMoney(before, context.toUnit)}，已改为表中的 ${describeMoney(after, context.toUnit)}。`,
      printed?.source,
      project.name,
    );
  };
  const { kind } = context;
  let initial = keepSplit(
    kind,
    project.yearBudget?.initial,
    money(source.yearBudget?.initial, context, '年初预算数', project.name),
  );
  let adjusted = keepSplit(
    kind,
    project.yearBudget?.adjusted,
    money(source.yearBudget?.adjusted, context, '全年预算数', project.name),
  );
  // Figures equal to what the document derives are not stored: they follow the target table.
  const derived = initialBudget(project);
  if (initial && !project.yearBudget?.initial && printsAs(kind, derived, initial))
    initial = undefined;
  else if (initial && !project.yearBudget?.initial)
    reporter.add(
      'warning',
      `表中年初预算数 ${formatMoney(stageMoneyTotal(initial))} 与目标表的金额 ${formatMoney(stageMoneyTotal(derived))} 不同，已按表中填写，请核对。`,
      printed?.source,
      project.name,
    );
  const initialNow = initial ?? project.yearBudget?.initial ?? derived;
  if (adjusted && !project.yearBudget?.adjusted && printsAs(kind, initialNow, adjusted))
    adjusted = undefined;
  if (initial || adjusted) {
    const budget = { ...(initial ? { initial } : {}), ...(adjusted ? { adjusted } : {}) };
    project.yearBudget = overlay(project.yearBudget, budget, moneyChanged);
  }
  if (context.kind === 'monitoring' && source.monitoring) {
    const executed = keepSplit(
      kind,
      project.monitoring?.executed,
      money(source.monitoring.executed, context, '执行数', project.name),
    );
    const forecast = keepSplit(
      kind,
      project.monitoring?.forecast,
      money(source.monitoring.forecast, context, '全年预计执行数', project.name),
    );
    const asOf = stage.asOf ?? source.monitoring.asOf;
    project.monitoring = overlay(
      project.monitoring,
      {
        asOf,
        ...(executed ? { executed } : {}),
        ...(forecast ? { forecast } : {}),
        ...(source.monitoring.goalProgress ? { goalProgress: source.monitoring.goalProgress } : {}),
      },
      (field, before, after) =>
        field === 'executed' || field === 'forecast'
          ? moneyChanged(field === 'forecast' ? 'forecastMoney' : field, before, after)
          : field === 'asOf'
            ? reporter.add(
                'warning',
                `监控时点原为 ${shown(before)}，已改为表中的 ${shown(after)}。`,
                printed?.source,
                project.name,
              )
            : changed(field, before, after),
    );
  } else if (context.kind === 'evaluation' && source.evaluation) {
    const executed = money(source.evaluation.executed, context, '执行数', project.name);
    project.evaluation = overlay(
      project.evaluation,
      {
        ...(executed ? { executed } : {}),
        ...(source.evaluation.goalActual ? { goalActual: source.evaluation.goalActual } : {}),
        ...(source.evaluation.budgetAnalysis
          ? { budgetAnalysis: source.evaluation.budgetAnalysis }
          : {}),
      },
      (field, before, after) =>
        field === 'executed' ? moneyChanged(field, before, after) : changed(field, before, after),
    );
  }
  const taken = new Set<string>();
  const sources = new Map(printed?.indicators.map((item) => [item.indicatorId, item.source]));
  const graded =
    context.kind === 'evaluation'
      ? gradedIndicators(context.document, project, context.rules)
      : new Set<string>();
  // Indicators that had no 分值 before the form gave one.
  const pointsAdded = new Set<string>();
  for (const from of source.indicators) {
    const where = sources.get(from.id);
    const label = [from.level1, from.level2, from.name].filter((part) => part !== '').join(' / ');
    const into = findIndicator(project, from, taken);
    if (!into) {
      context.counts.unmatched.indicators += 1;
      const values = Object.entries({ ...from.monitoring, ...from.evaluation })
        .filter(([, value]) => !isEmpty(value))
        .map(([field, value]) => `${FIELD_NAMES[field] ?? field}「${shown(value)}」`);
      reporter.add(
        'warning',
        `指标「${label}」在项目中没有找到，未合并${values.length > 0 ? `：${values.join('，')}` : ''}。`,
        where,
        project.name,
      );
      continue;
    }
    taken.add(into.id);
    context.counts.matched.indicators += 1;
    const ours = renderValue(into.annual);
    const theirs = renderValue(from.annual);
    if (theirs !== '' && matchKey(ours) !== matchKey(theirs))
      reporter.add(
        'warning',
        `指标「${shorten(into.name)}」表中的指标值为「${theirs}」，文档中为「${ours}」；目标未修改，请核对。`,
        where,
        project.name,
      );
    const onField = (field: string, before: unknown, after: unknown) => {
      context.counts.overwritten += 1;
      reporter.add(
        'warning',
        `指标「${shorten(into.name)}」的${FIELD_NAMES[field] ?? field}原为「${shown(before)}」，已改为表中的「${shown(after)}」。`,
        where,
        project.name,
      );
    };
    if (context.kind === 'monitoring' && from.monitoring) {
      const merged = overlay(into.monitoring, from.monitoring, onField);
      into.monitoring = { ...merged, causes: merged.causes ?? [] };
    }
    if (context.kind === 'evaluation' && from.evaluation) {
      // The 实际完成值 column holds a grade or a value: placed as the document's indicator is scored.
      const written = placeWritten(from.evaluation, graded.has(into.id), context.rules);
      if (into.evaluation?.points === undefined && written.points !== undefined)
        pointsAdded.add(into.id);
      into.evaluation = overlay(into.evaluation, written, onField);
    }
  }
  if (dropSharedPoints(context.document, project, context.rules, pointsAdded))
    reporter.add(
      'normalised',
      '表中各指标的分值与按评分规则平均分配的相同，未另行保存，仍按规则分配。',
      printed?.source,
      project.name,
    );
  const left = project.indicators.length - taken.size;
  if (left > 0)
    reporter.add(
      'normalised',
      `项目中另有 ${left} 个指标不在表中，保持不变。`,
      printed?.source,
      project.name,
    );
}

/** Printed 得分 and 总分 against the document's own scoring, each difference with both numbers. */
function compareScores(
  document: JixiaoDocument,
  incoming: JixiaoDocument,
  stage: StageReport,
  reporter: ImportReporter,
): void {
  const rules = scoringRulesFor(document);
  for (const unit of incoming.units) {
    for (const source of unit.projects) {
      const project = findProject(document, source, unit.name);
      const printed = stage.projects.find((item) => item.projectId === source.id);
      if (!project || !printed) continue;
      const scored = scoreProject(document, project.id, rules);
      if (!scored) continue;
      const taken = new Set<string>();
      for (const from of source.indicators) {
        const into = findIndicator(project, from, taken);
        if (!into) continue;
        taken.add(into.id);
        const score = printed.indicators.find((item) => item.indicatorId === from.id);
        if (!score?.score) continue;
        const line = scored.lines.find((item) => item.indicatorId === into.id);
        // `不计分`: the line counts in no 一级指标 group, as ours does when it has none either.
        if (score.score === '不计分' && line?.group === null) continue;
        const ours = line?.score ?? null;
        const comparison = ours === null ? null : compareScore(score.score, ours);
        if (comparison?.agrees) continue;
        reporter.add(
          'warning',
          ours === null
            ? `指标「${shorten(into.name)}」表中得分为 ${score.score}，按评分规则还不能计算（如定性指标须选择完成等级），请核对。`
            : `指标「${shorten(into.name)}」表中得分为 ${score.score}，按评分规则计算为 ${formatHundredths(ours)}，请核对。`,
          score.source,
          project.name,
        );
      }
      const budget = scored.budget.score;
      if (printed.budgetScore && budget !== null) {
        const comparison = compareScore(printed.budgetScore, budget);
        if (comparison && !comparison.agrees)
          reporter.add(
            'warning',
            `预算执行率得分表中为 ${printed.budgetScore}，按评分规则计算为 ${formatHundredths(budget)}，请核对。`,
            printed.source,
            project.name,
          );
      }
      if (printed.total) {
        const total = scored.total;
        const comparison = total === null ? null : compareScore(printed.total, total);
        if (!comparison?.agrees)
          reporter.add(
            'warning',
            total === null
              ? `表中总分为 ${printed.total}，按评分规则还不能算出总分，请核对。`
              : `表中总分为 ${printed.total}，按评分规则计算为 ${formatHundredths(total)}，请核对。`,
            printed.source,
            project.name,
          );
      }
    }
  }
}

/** A one-line summary of a merge for a notice: `已合并 1 个项目、9 个指标的自评数据…`. */
export function describeStageMerge(report: StageMergeReport): string {
  const what = report.kind === 'monitoring' ? '监控' : '自评';
  const parts = [
    `已将${STAGE_FORM_NAMES[report.kind]}中 ${report.matched.projects} 个项目、${report.matched.indicators} 个指标的${what}数据合并到当前文档`,
  ];
  if (report.unmatched.projects + report.unmatched.indicators > 0)
    parts.push(
      `${report.unmatched.projects} 个项目、${report.unmatched.indicators} 个指标没有找到对应，已列出`,
    );
  if (report.overwritten > 0) parts.push(`${report.overwritten} 处原有内容被替换，已列出`);
  return `${parts.join('；')}。`;
}
