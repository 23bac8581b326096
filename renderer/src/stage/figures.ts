import { stageAmount, type StageAmount } from '../../../shared/edit';
import {
  DEFAULT_EXECUTION_SCHEDULE,
  executionRatio,
  formatMoney,
  formatRatioPercent,
  stageMoneyTotal,
  sumMoney,
  type Cents,
  type FundingUnit,
  type JixiaoDocument,
  type Project,
} from '../../../shared/model';
import {
  formatHundredths,
  scoreProject,
  scoringRulesFor,
  type ProjectScore,
  type ScoringRules,
} from '../../../shared/scoring';
import { scheduleLine } from '../../../shared/rules/stageRules';

/**
 * What the 监控 and 自评 views show that the document does not store: amount totals, 执行率,
 * 得分 and 总分. All derived from the document, cached per object version (immer shares what
 * an edit did not touch, so only the edited project is computed again).
 */

const rulesByChoice = new WeakMap<object, ScoringRules>();
let defaultRules: ScoringRules | null = null;

/** The scoring rules of a document, the same object while its scoring choices stay the same. */
export function rulesOf(document: JixiaoDocument): ScoringRules {
  const choice = document.scoring;
  if (!choice) return (defaultRules ??= scoringRulesFor(document));
  let rules = rulesByChoice.get(choice);
  if (!rules) {
    rules = scoringRulesFor(document);
    rulesByChoice.set(choice, rules);
  }
  return rules;
}

const scores = new WeakMap<ScoringRules, WeakMap<Project, ProjectScore>>();

/** The 自评 scores of one project (every 得分 and the 总分), computed, never typed. */
export function projectScore(document: JixiaoDocument, project: Project): ProjectScore | null {
  const rules = rulesOf(document);
  let byProject = scores.get(rules);
  if (!byProject) {
    byProject = new WeakMap();
    scores.set(rules, byProject);
  }
  let score = byProject.get(project);
  if (!score) {
    // scoreProject looks the project up by id: a one-project document keeps that cheap.
    const single: JixiaoDocument = {
      ...document,
      units: [{ id: '_', name: '', projects: [project] }],
    };
    score = scoreProject(single, project.id, rules) ?? undefined;
    if (!score) return null;
    byProject.set(project, score);
  }
  return score;
}

/** Points or a score in hundredths, as the forms print them (two places); blank when unknown. */
export function points(hundredths: number | null | undefined): string {
  return hundredths === null || hundredths === undefined ? '' : formatHundredths(hundredths);
}

/** The total of a stage amount of a project, or null when there is none yet. */
export function amountTotal(project: Project, amount: StageAmount): Cents | null {
  const money = stageAmount(project, amount);
  return money ? stageMoneyTotal(money) : null;
}

/** An amount as the grid prints it (thousands separators, blank when none). */
export function moneyText(cents: Cents | null): string {
  return cents === null ? '' : formatMoney(cents);
}

/** 执行率 of the monitoring or the year's 执行数 against 全年预算数, `63.50%`, or blank. */
export function rateText(project: Project, amount: 'monitoring.executed' | 'evaluation.executed') {
  const executed = stageAmount(project, amount) ?? undefined;
  const rate = executionRatio(project, executed);
  return rate ? formatRatioPercent(rate) : '';
}

/** True when the monitoring 执行率 is under the schedule line in force for its month. */
export function behindSchedule(document: JixiaoDocument, project: Project): boolean {
  const monitoring = project.monitoring;
  if (!monitoring?.executed) return false;
  const schedule = document.settings.executionSchedule ?? DEFAULT_EXECUTION_SCHEDULE;
  const line = scheduleLine(schedule, Number(monitoring.asOf.slice(5, 7)));
  const rate = executionRatio(project, monitoring.executed);
  return !!line && !!rate && rate.numerator * 100 < line.percent * rate.denominator;
}

/** The schedule line for a monitoring date, for the panel's hint. */
export function scheduleFor(document: JixiaoDocument, asOf: string | undefined) {
  if (!asOf) return null;
  const schedule = document.settings.executionSchedule ?? DEFAULT_EXECUTION_SCHEDULE;
  return scheduleLine(schedule, Number(asOf.slice(5, 7)));
}

/** Sum of an amount over projects; null when no project has it. */
export function sumAmount(projects: readonly Project[], amount: StageAmount): Cents | null {
  const values = projects
    .map((project) => amountTotal(project, amount))
    .filter((value): value is Cents => value !== null);
  return values.length === 0 ? null : sumMoney(values);
}

/** A unit's or the document's projects. */
export function projectsOf(units: readonly FundingUnit[]): Project[] {
  return units.flatMap((unit) => unit.projects);
}

/** A ratio of two sums as a percentage, blank when it cannot be stated. */
export function sumRate(executed: Cents | null, budget: Cents | null): string {
  if (executed === null || budget === null || budget <= 0) return '';
  return formatRatioPercent({ numerator: executed, denominator: budget });
}
