import {
  adjustedBudget,
  DEVIATION_CAUSES,
  initialBudget,
  LIKELIHOODS,
  type DeviationCause,
  type Indicator,
  type JixiaoDocument,
  type Likelihood,
  type Project,
  type StageMoney,
  type TargetAdjustment,
} from '../model';
import { moneyFromText } from './fields';
import { EditError } from './patches';

/** The three parts of a stage amount, as both forms print them. */
export const STAGE_MONEY_PARTS = ['fiscal', 'carryover', 'other'] as const;
export type StageMoneyPart = (typeof STAGE_MONEY_PARTS)[number];

/** The stage amounts of a project: 年初预算数, 全年预算数, 截至监控时点执行数, 全年执行数. */
export const STAGE_AMOUNTS = [
  'yearBudget.initial',
  'yearBudget.adjusted',
  'monitoring.executed',
  'evaluation.executed',
] as const;
export type StageAmount = (typeof STAGE_AMOUNTS)[number];

/** Project fields of the 监控 and 自评 stages a clerk edits as text. */
export type ProjectStageField =
  | `${StageAmount}.${StageMoneyPart}`
  | 'monitoring.asOf'
  | 'monitoring.goalProgress'
  | 'evaluation.goalActual'
  | 'evaluation.budgetAnalysis';

/** Indicator fields of the 监控 and 自评 stages a clerk edits as text. */
export const INDICATOR_STAGE_FIELDS = [
  'monitoring.toDate',
  'monitoring.forecast',
  'monitoring.likelihood',
  'monitoring.causeText',
  'monitoring.corrective',
  'evaluation.actual',
  'evaluation.points',
  'evaluation.grade',
  'evaluation.analysis',
] as const;
export type IndicatorStageField = (typeof INDICATOR_STAGE_FIELDS)[number];

const ZERO_MONEY: StageMoney = { fiscal: 0, carryover: 0, other: 0 };

/** The amount as the forms show it: the clerk's figure, or what it defaults to (null: none yet). */
export function stageAmount(project: Project, amount: StageAmount): StageMoney | null {
  switch (amount) {
    case 'yearBudget.initial':
      return initialBudget(project);
    case 'yearBudget.adjusted':
      return adjustedBudget(project);
    case 'monitoring.executed':
      return project.monitoring?.executed ?? null;
    case 'evaluation.executed':
      return project.evaluation?.executed ?? null;
  }
}

/** Full-width digits and marks as typed with a Chinese input method, in ASCII. */
function halfWidth(text: string): string {
  return text
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[－—]/g, '-')
    .replace(/／/g, '/');
}

/**
 * `2025-07`, `2025-7`, `2025年7月`, `7月` or `7` (a month of the document's year), `2025-07-31`,
 * `2025年7月31日`, `7.31` / `7月31日` (a day of the document's year), full-width digits too
 * → the stored `2025-07` / `2025-07-31`; null for an empty text. A date before the document's
 * year, or more than a year after it, is refused: no 2025 budget is monitored in 2024.
 */
export function parseStageDate(text: string, fiscalYear: number | null): string | null {
  const trimmed = halfWidth(text.trim().replace(/\s+/g, ''));
  if (trimmed === '') return null;
  const full =
    /^(\d{4})[-./年](\d{1,2})(?:月(?:底|末)?)?(?:(?:[-./]|(?<=月))(\d{1,2})[日号]?)?$/.exec(
      trimmed,
    );
  const inYear = full
    ? null
    : /^(\d{1,2})(?:月(?:底|末)?)?(?:(?:[-./]|(?<=月))(\d{1,2})[日号]?)?$/.exec(trimmed);
  const year = full ? Number(full[1]) : fiscalYear;
  const month = Number(full ? full[2] : inYear?.[1]);
  const dayText = full ? full[3] : inYear?.[2];
  const day = dayText === undefined ? null : Number(dayText);
  const example = `“${fiscalYear ?? 2025}-07”或“7月”（数据截至该月底）`;
  if ((!full && !inYear) || year === null || month < 1 || month > 12) {
    throw new EditError(`「${text.trim()}」不是有效的监控时点：请写成${example}。`);
  }
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day !== null && (day < 1 || day > days)) {
    throw new EditError(`「${text.trim()}」不是有效的日期。`);
  }
  if (fiscalYear !== null && (year < fiscalYear || year > fiscalYear + 1)) {
    throw new EditError(
      `「${text.trim()}」不在 ${fiscalYear} 年度：本表是 ${fiscalYear} 年度的，监控时点请写成${example}。`,
    );
  }
  const base = `${year}-${String(month).padStart(2, '0')}`;
  return day === null ? base : `${base}-${String(day).padStart(2, '0')}`;
}

function money(project: Project, amount: StageAmount, part: StageMoneyPart, text: string): void {
  const empty = text.trim() === '';
  const cents = empty ? 0 : moneyFromText(text);
  if (cents < 0) throw new EditError(`「${text.trim()}」是负数：金额不能为负数。`);
  const next: StageMoney = { ...(stageAmount(project, amount) ?? ZERO_MONEY), [part]: cents };
  switch (amount) {
    case 'yearBudget.initial':
    case 'yearBudget.adjusted': {
      const key = amount === 'yearBudget.initial' ? 'initial' : 'adjusted';
      project.yearBudget ??= {};
      project.yearBudget[key] = next;
      return;
    }
    case 'monitoring.executed': {
      const monitoring = project.monitoring;
      if (!monitoring) throw new EditError('请先填写监控时点（如 2025-07），再填写执行数。');
      const blank = empty && next.fiscal === 0 && next.carryover === 0 && next.other === 0;
      if (blank) delete monitoring.executed;
      else monitoring.executed = next;
      return;
    }
    case 'evaluation.executed': {
      const blank = empty && next.fiscal === 0 && next.carryover === 0 && next.other === 0;
      project.evaluation ??= {};
      if (blank) delete project.evaluation.executed;
      else project.evaluation.executed = next;
      if (Object.keys(project.evaluation).length === 0) delete project.evaluation;
      return;
    }
  }
}

function optionalText<T extends object>(target: T, key: keyof T, text: string): void {
  if (text.trim() === '') delete target[key];
  else (target as Record<keyof T, unknown>)[key] = text;
}

/** Sets one stage field of a project from text; money is exact, as in the target table. */
export function setProjectStageText(
  project: Project,
  field: ProjectStageField,
  text: string,
  fiscalYear: number | null,
): void {
  if (field === 'monitoring.asOf') {
    const asOf = parseStageDate(text, fiscalYear);
    if (asOf === null) {
      if (project.monitoring?.executed || project.monitoring?.goalProgress) {
        throw new EditError('已有执行数或进展情况，监控时点不能为空。');
      }
      delete project.monitoring;
    } else {
      project.monitoring ??= { asOf };
      project.monitoring.asOf = asOf;
    }
    return;
  }
  if (field === 'monitoring.goalProgress') {
    if (!project.monitoring) throw new EditError('请先填写监控时点（如 2025-07）。');
    optionalText(project.monitoring, 'goalProgress', text);
    return;
  }
  if (field === 'evaluation.goalActual' || field === 'evaluation.budgetAnalysis') {
    project.evaluation ??= {};
    optionalText(
      project.evaluation,
      field === 'evaluation.goalActual' ? 'goalActual' : 'budgetAnalysis',
      text,
    );
    if (Object.keys(project.evaluation).length === 0) delete project.evaluation;
    return;
  }
  const dot = field.lastIndexOf('.');
  money(project, field.slice(0, dot) as StageAmount, field.slice(dot + 1) as StageMoneyPart, text);
}

/** Reads a project stage field back as the text the editor shows (money without separators). */
export function projectStageText(project: Project, field: ProjectStageField): string {
  switch (field) {
    case 'monitoring.asOf':
      return project.monitoring?.asOf ?? '';
    case 'monitoring.goalProgress':
      return project.monitoring?.goalProgress ?? '';
    case 'evaluation.goalActual':
      return project.evaluation?.goalActual ?? '';
    case 'evaluation.budgetAnalysis':
      return project.evaluation?.budgetAnalysis ?? '';
  }
  const dot = field.lastIndexOf('.');
  const amount = stageAmount(project, field.slice(0, dot) as StageAmount);
  return amount ? (amount[field.slice(dot + 1) as StageMoneyPart] / 100).toFixed(2) : '';
}

/** `10`, `10分`, `16.67` → `16.67` style decimal text (at most two decimals). */
function pointsFromText(text: string): string {
  const trimmed = text.trim().replace(/分$/, '');
  if (!/^\d{1,6}(?:\.\d{1,2})?$/.test(trimmed)) {
    throw new EditError(`「${text.trim()}」不是有效的分值：请输入数字，最多两位小数。`);
  }
  return trimmed.replace(/^0+(?=\d)/, '');
}

/** Drops stage objects left with nothing in them, so a cleared field leaves the file as before. */
function tidy(indicator: Indicator): void {
  const monitoring = indicator.monitoring;
  if (monitoring && monitoring.causes.length === 0) {
    const { causes: _causes, ...rest } = monitoring;
    if (Object.keys(rest).length === 0) delete indicator.monitoring;
  }
  if (indicator.evaluation && Object.keys(indicator.evaluation).length === 0) {
    delete indicator.evaluation;
  }
}

/** Sets one stage field of an indicator from text; an empty text clears it. */
export function setIndicatorStageText(
  indicator: Indicator,
  field: IndicatorStageField,
  text: string,
): void {
  const [stage, key] = field.split('.') as ['monitoring' | 'evaluation', string];
  if (stage === 'monitoring') {
    const monitoring = (indicator.monitoring ??= { causes: [] });
    if (key === 'likelihood' && text.trim() !== '') {
      const value = text.trim() as Likelihood;
      if (!LIKELIHOODS.includes(value)) {
        throw new EditError(`完成目标可能性只能是${LIKELIHOODS.join('、')}。`);
      }
      monitoring.likelihood = value;
    } else {
      optionalText(monitoring, key as keyof typeof monitoring, text);
    }
  } else {
    const evaluation = (indicator.evaluation ??= {});
    if (key === 'points' && text.trim() !== '') evaluation.points = pointsFromText(text);
    else if (key === 'grade') optionalText(evaluation, 'grade', text.trim());
    else optionalText(evaluation, key as keyof typeof evaluation, text);
  }
  tidy(indicator);
}

/** Reads an indicator stage field back as text. */
export function indicatorStageText(indicator: Indicator, field: IndicatorStageField): string {
  const [stage, key] = field.split('.') as ['monitoring' | 'evaluation', string];
  const holder = (stage === 'monitoring' ? indicator.monitoring : indicator.evaluation) as
    Record<string, unknown> | undefined;
  const value = holder?.[key];
  return typeof value === 'string' ? value : '';
}

/** Sets the 偏差原因 groups that apply (in the form's order). */
export function setIndicatorCauses(indicator: Indicator, causes: readonly DeviationCause[]): void {
  for (const cause of causes) {
    if (!DEVIATION_CAUSES.includes(cause)) throw new EditError(`「${cause}」不是偏差原因分类。`);
  }
  const monitoring = (indicator.monitoring ??= { causes: [] });
  monitoring.causes = DEVIATION_CAUSES.filter((cause) => causes.includes(cause));
  tidy(indicator);
}

/** Marks an indicator as 不适用 this year (dropped from the score) or applicable again. */
export function setIndicatorNotApplicable(indicator: Indicator, notApplicable: boolean): void {
  const evaluation = (indicator.evaluation ??= {});
  if (notApplicable) evaluation.notApplicable = true;
  else delete evaluation.notApplicable;
  tidy(indicator);
}

/** Starts a 目标调整 record (the unlock): who, when, in which stage and why. */
export function startTargetAdjustment(
  draft: JixiaoDocument,
  args: Omit<TargetAdjustment, 'changes'>,
): void {
  if (args.by.trim() === '') throw new EditError('请填写调整人。');
  const record: TargetAdjustment = { ...args, by: args.by.trim(), changes: [] };
  if (!args.reason?.trim()) delete record.reason;
  (draft.targetAdjustments ??= []).push(record);
}
