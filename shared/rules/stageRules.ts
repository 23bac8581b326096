import {
  DEFAULT_EXECUTION_SCHEDULE,
  executionRatio,
  formatRatioPercent,
  isQuantitative,
  parseValue,
  renderValue,
  type Indicator,
  type Project,
} from '../model';
import { compare, parseDecimal, type Rational } from '../scoring/rational';
import { scoreProject, scoringRulesFor, type ScoringRules } from '../scoring';
import { finding, indicatorLabel, indicatorWhere, ownerLabel, projectWhere } from './context';
import type { IndicatorContext, ProjectContext, RunContext } from './context';

/**
 * The rules of the 监控 and 自评 stages (J: 绩效运行监控, Z: 绩效自评). They run only for projects
 * that carry data of that stage, so a target-only document is checked exactly as before.
 */

/** True when a project has any 监控 data (its own or an indicator's). */
export function hasMonitoring(project: Project): boolean {
  return project.monitoring !== undefined || project.indicators.some((item) => item.monitoring);
}

/** True when a project has any 自评 data. */
export function hasEvaluation(project: Project): boolean {
  return project.evaluation !== undefined || project.indicators.some((item) => item.evaluation);
}

/** A number typed in the target's unit (`96%`, `96`, `1200人`), or null when it is not one. */
export function numberInUnit(text: string, unit: string): Rational | null {
  const value = parseValue(text.trim());
  if (!isQuantitative(value)) return null;
  if (value.unit !== '' && value.unit !== unit) return null;
  return parseDecimal(value.value);
}

/** The schedule checkpoint in force at the end of `month`, if any. */
export function scheduleLine(
  schedule: readonly { month: number; percent: number }[],
  month: number,
): { month: number; percent: number } | null {
  let line: { month: number; percent: number } | null = null;
  for (const checkpoint of schedule) {
    if (checkpoint.month <= month && (!line || checkpoint.month > line.month)) line = checkpoint;
  }
  return line;
}

/** True when a forecast of a quantitative target falls short of it in the target's direction. */
function forecastShort(indicator: Indicator, forecast: Rational): boolean {
  const target = parseDecimal(indicator.annual.value);
  if (!target) return false;
  const { sign } = indicator.annual;
  if (sign === '≤' || sign === '＜') return compare(forecast, target) > 0;
  if (sign === '＝') return compare(forecast, target) !== 0;
  return compare(forecast, target) < 0;
}

/** J2: 执行率 behind the document's schedule for the monitoring month. */
export function checkMonitoringProject(context: ProjectContext): void {
  const { project } = context;
  const monitoring = project.monitoring;
  if (!monitoring?.executed) return;
  const month = Number(monitoring.asOf.slice(5, 7));
  const schedule = context.settings.executionSchedule ?? DEFAULT_EXECUTION_SCHEDULE;
  const line = scheduleLine(schedule, month);
  const rate = executionRatio(project, monitoring.executed);
  if (!line || !rate) return;
  // rate < percent / 100, exactly: numerator × 100 < percent × denominator.
  if (rate.numerator * 100 >= line.percent * rate.denominator) return;
  context.findings.push(
    finding(
      'J2',
      projectWhere(context, 'monitoring.executed'),
      `${ownerLabel(context)}截至 ${month} 月执行率 ${formatRatioPercent(rate)}，低于序时进度预警线 ${line.percent}%（${line.month} 月起适用），须说明原因`,
    ),
  );
}

/** J1 and J3 for one indicator's 监控 columns. */
export function checkMonitoringIndicator(context: IndicatorContext): void {
  const { indicator } = context;
  const monitoring = indicator.monitoring;
  if (!monitoring) return;
  const unit = indicator.annual.unit;
  const quantitative = isQuantitative(indicator.annual);
  let forecast: Rational | null = null;
  if (quantitative) {
    for (const [key, label] of [
      ['toDate', '截至监控时点完成值'],
      ['forecast', '全年预计完成值'],
    ] as const) {
      const text = monitoring[key]?.trim() ?? '';
      if (text === '') continue;
      const value = numberInUnit(text, unit);
      if (value === null) {
        context.findings.push(
          finding(
            'J3',
            indicatorWhere(context, `monitoring.${key}`),
            `${indicatorLabel(context)}${label}「${text}」不是以「${unit || '无单位'}」计的数字（年度指标值 ${renderValue(indicator.annual)}）`,
          ),
        );
      } else if (key === 'forecast') forecast = value;
    }
  }
  const unlikely = monitoring.likelihood !== undefined && monitoring.likelihood !== '确定能';
  const short = forecast !== null && forecastShort(indicator, forecast);
  if (!unlikely && !short) return;
  if (monitoring.causes.length > 0 || monitoring.causeText?.trim()) return;
  const why = unlikely
    ? `完成目标可能性为「${monitoring.likelihood}」`
    : `全年预计完成值 ${monitoring.forecast?.trim()} 达不到年度指标值 ${renderValue(indicator.annual)}`;
  context.findings.push(
    finding(
      'J1',
      indicatorWhere(context, 'monitoring.causes'),
      `${indicatorLabel(context)}${why}，须填写偏差原因`,
    ),
  );
}

const rulesCache = new WeakMap<RunContext['document'], ScoringRules>();

/**
 * Z1 and Z2 from the 自评 scoring: a score under full marks without 偏差原因分析, an actual value
 * that cannot be scored in the indicator's unit. The scoring module says which; the check words
 * it for the clerk and points at the field.
 */
export function checkEvaluationProject(context: ProjectContext): void {
  const { document, project } = context;
  let rules = rulesCache.get(document);
  if (!rules) {
    rules = scoringRulesFor(document);
    rulesCache.set(document, rules);
  }
  const score = scoreProject(document, project.id, rules);
  if (!score) return;
  const names = new Map(project.indicators.map((item) => [item.id, item.name]));
  for (const item of score.findings) {
    if (item.code !== 'S2' && item.code !== 'S4') continue;
    const name = item.indicatorId ? names.get(item.indicatorId) : undefined;
    const subject = item.indicatorId
      ? `${ownerLabel(context)}的指标「${name ?? ''}」`
      : ownerLabel(context);
    const detail = item.message.replace(/^项目「[^」]*」(?:指标「[^」]*」)?：/, '');
    const where = item.indicatorId
      ? { ...projectWhere(context), indicatorId: item.indicatorId }
      : projectWhere(context);
    if (item.code === 'S4') {
      context.findings.push(
        finding(
          'Z1',
          {
            ...where,
            field: item.indicatorId ? 'evaluation.analysis' : 'evaluation.budgetAnalysis',
          },
          `${subject}${detail}`,
        ),
      );
    } else {
      context.findings.push(
        finding('Z2', { ...where, field: 'evaluation.actual' }, `${subject}${detail}`),
      );
    }
  }
}
