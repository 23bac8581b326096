import { categoryKey } from '../frameworks';
import {
  adjustedBudget,
  executionRatio,
  isQuantitative,
  parseValue,
  renderValue,
  stageMoneyTotal,
  type Cents,
  type Indicator,
  type JixiaoDocument,
  type MoneyRatio,
  type Project,
} from '../model';
import {
  compare,
  divide,
  fromHundredths,
  isZero,
  min,
  multiply,
  ONE,
  parseDecimal,
  ratio,
  toHundredths,
  ZERO,
  type Rational,
} from './rational';
import type { ScoringGroup, ScoringRules } from './rules';

/** How a line's 得分 is computed. */
export type ScoreMethod = 'higher' | 'lower' | 'graded';

/** One indicator row of the 自评表. Points and scores are integer hundredths (16.67 → 1667). */
export interface ScoreLine {
  indicatorId: string;
  level1: string;
  level2: string;
  name: string;
  /** 年度指标值 as printed. */
  target: string;
  /** 实际完成值 as typed, or the grade for graded lines; null when not given. */
  actual: string | null;
  method: ScoreMethod;
  /** The weight group (一级指标) the line counts in; null when none matches. */
  group: string | null;
  /** 分值. */
  points: number;
  /** 得分, null when it cannot be computed yet (a finding says why). */
  score: number | null;
  notApplicable: boolean;
}

/** The 预算执行率 row. */
export interface BudgetScore {
  label: string;
  points: number;
  /** 全年预算数 (调整后) and 全年执行数, in the document's money unit. */
  budget: Cents;
  executed: Cents | null;
  rate: MoneyRatio | null;
  score: number | null;
}

export interface ScoringFinding {
  /** `S1` … `S9`, see SCORING_FINDINGS. */
  code: keyof typeof SCORING_FINDINGS;
  severity: 'error' | 'warning';
  projectId: string;
  indicatorId?: string;
  /** Chinese sentence naming the project and indicator. */
  message: string;
}

export interface ProjectScore {
  projectId: string;
  rulesId: string;
  lines: ScoreLine[];
  budget: BudgetScore;
  /** 总分 in hundredths; null until every applicable line has a score. */
  total: number | null;
  /** Whether the total was rescaled for dropped (不适用) points. */
  rescaled: boolean;
  findings: ScoringFinding[];
}

/** What each finding code means (for lists and documentation). */
export const SCORING_FINDINGS = {
  S1: '缺少实际完成值',
  S2: '实际完成值不能按指标值计分',
  S3: '缺少或无法识别完成等级',
  S4: '得分低于分值，须填写偏差原因分析及改进措施',
  S5: '一级指标不属于评分规则的任何一组',
  S6: '分值合计与一级指标分值不符',
  S7: '无法计算预算执行率',
  S8: '一级指标组没有指标，其分值按不适用处理',
} as const;

interface Allocation {
  group: ScoringGroup | null;
  points: number;
}

/** Shares a group's points among indicators without a 分值 of their own, by largest remainder. */
function allocate(
  project: Project,
  rules: ScoringRules,
  findings: ScoringFinding[],
): Map<string, Allocation> {
  const result = new Map<string, Allocation>();
  for (const indicator of project.indicators) {
    const key = categoryKey(indicator.level1);
    const group = rules.groups.find((candidate) => candidate.level1Keys.includes(key)) ?? null;
    if (!group) {
      findings.push(
        finding(
          'S5',
          'error',
          project,
          indicator,
          `一级指标「${indicator.level1}」不在评分规则的分组中，不计分`,
        ),
      );
    }
    result.set(indicator.id, { group, points: 0 });
  }
  for (const group of rules.groups) {
    const members = project.indicators.filter((item) => result.get(item.id)?.group === group);
    if (members.length === 0) {
      findings.push({
        code: 'S8',
        severity: 'warning',
        projectId: project.id,
        message: `项目「${project.name}」没有「${group.name}」，该组分值按不适用处理`,
      });
      continue;
    }
    let explicit = 0;
    const open: Indicator[] = [];
    for (const member of members) {
      const text = member.evaluation?.points;
      if (text === undefined) open.push(member);
      else {
        const points = toHundredths(parseDecimal(text) ?? ZERO);
        explicit += points;
        result.set(member.id, { group, points });
      }
    }
    const rest = group.points - explicit;
    if (rest < 0 || (open.length === 0 && rest !== 0)) {
      findings.push({
        code: 'S6',
        severity: 'warning',
        projectId: project.id,
        message: `项目「${project.name}」「${group.name}」各指标分值合计 ${format(explicit)}，与规则的 ${format(group.points)} 分不符`,
      });
    }
    if (open.length === 0) continue;
    const share = Math.max(rest, 0);
    const base = Math.floor(share / open.length);
    let left = share - base * open.length;
    for (const member of open) {
      result.set(member.id, { group, points: base + (left > 0 ? 1 : 0) });
      left -= 1;
    }
  }
  return result;
}

function format(hundredths: number): string {
  return (hundredths / 100).toFixed(2);
}

function finding(
  code: ScoringFinding['code'],
  severity: ScoringFinding['severity'],
  project: Project,
  indicator: Indicator,
  text: string,
): ScoringFinding {
  return {
    code,
    severity,
    projectId: project.id,
    indicatorId: indicator.id,
    message: `项目「${project.name}」指标「${indicator.name}」：${text}`,
  };
}

/** The share of points earned, or a finding why it cannot be known. */
function earnedShare(
  project: Project,
  indicator: Indicator,
  method: ScoreMethod,
  rules: ScoringRules,
  findings: ScoringFinding[],
): Rational | null {
  const evaluation = indicator.evaluation;
  if (method === 'graded') {
    const label = evaluation?.grade?.trim() ?? '';
    if (label === '') {
      findings.push(finding('S3', 'warning', project, indicator, '请选择完成等级'));
      return null;
    }
    const grade = rules.grades.find((candidate) => candidate.label === label);
    if (!grade) {
      findings.push(
        finding(
          'S3',
          'error',
          project,
          indicator,
          `完成等级「${label}」不在评分规则的列表中（${rules.grades.map((g) => g.label).join('、')}）`,
        ),
      );
      return null;
    }
    return divide(parseDecimal(grade.percent) ?? ZERO, ratio(100n, 1n));
  }
  const text = evaluation?.actual?.trim() ?? '';
  if (text === '') {
    findings.push(finding('S1', 'warning', project, indicator, '缺少实际完成值'));
    return null;
  }
  const actualValue = parseValue(text);
  const unit = indicator.annual.unit;
  const actual = isQuantitative(actualValue) ? parseDecimal(actualValue.value) : null;
  if (!actual || (actualValue.unit !== '' && actualValue.unit !== unit)) {
    findings.push(
      finding(
        'S2',
        'error',
        project,
        indicator,
        `实际完成值「${text}」不是以「${unit || '无单位'}」计的数字`,
      ),
    );
    return null;
  }
  const target = parseDecimal(indicator.annual.value) ?? ZERO;
  if (method === 'higher') {
    return isZero(target) ? ONE : min(divide(actual, target), ONE);
  }
  return compare(actual, target) <= 0 ? ONE : divide(target, actual);
}

function methodOf(indicator: Indicator, rules: ScoringRules): ScoreMethod {
  const { sign } = indicator.annual;
  if (rules.gradedSigns.includes(sign) || !isQuantitative(indicator.annual)) return 'graded';
  if (rules.lowerSigns.includes(sign)) return 'lower';
  return rules.higherSigns.includes(sign) ? 'higher' : 'graded';
}

function budgetScore(
  project: Project,
  rules: ScoringRules,
  findings: ScoringFinding[],
): BudgetScore {
  const executed = project.evaluation?.executed;
  const rate = executionRatio(project, executed);
  const budget = stageMoneyTotal(adjustedBudget(project));
  let score: number | null = null;
  if (!executed) {
    findings.push({
      code: 'S7',
      severity: 'warning',
      projectId: project.id,
      message: `项目「${project.name}」：缺少全年执行数`,
    });
  } else if (!rate) {
    findings.push({
      code: 'S7',
      severity: 'error',
      projectId: project.id,
      message: `项目「${project.name}」：全年预算数为 0 或超出范围，无法计算执行率`,
    });
  } else {
    const exact = ratio(BigInt(rate.numerator), BigInt(rate.denominator));
    const capped = min(exact, parseDecimal(rules.rateCap) ?? ONE);
    score = toHundredths(multiply(capped, fromHundredths(rules.budgetPoints)));
    if (
      score < rules.budgetPoints &&
      rules.reasonBelowFull &&
      !project.evaluation?.budgetAnalysis?.trim()
    ) {
      findings.push({
        code: 'S4',
        severity: 'error',
        projectId: project.id,
        message: `项目「${project.name}」：预算执行率得分 ${format(score)} 低于 ${format(rules.budgetPoints)} 分，须填写偏差原因分析及改进措施`,
      });
    }
  }
  return {
    label: rules.budgetLabel,
    points: rules.budgetPoints,
    budget,
    executed: executed ? stageMoneyTotal(executed) : null,
    rate,
    score,
  };
}

/**
 * Scores one project of the 自评表 from its data and the rules: every 得分 and the 总分 are
 * computed here, exactly (rationals, rounded to 0.01 per line), never typed.
 */
export function scoreProject(
  document: JixiaoDocument,
  projectId: string,
  rules: ScoringRules,
): ProjectScore | null {
  const project = document.units
    .flatMap((unit) => unit.projects)
    .find((candidate) => candidate.id === projectId);
  if (!project) return null;
  const findings: ScoringFinding[] = [];
  const allocation = allocate(project, rules, findings);
  const lines = project.indicators.map((indicator): ScoreLine => {
    const { group, points } = allocation.get(indicator.id) ?? { group: null, points: 0 };
    const method = methodOf(indicator, rules);
    const notApplicable = indicator.evaluation?.notApplicable === true;
    const line: ScoreLine = {
      indicatorId: indicator.id,
      level1: indicator.level1,
      level2: indicator.level2,
      name: indicator.name,
      target: renderValue(indicator.annual),
      actual:
        (method === 'graded' ? indicator.evaluation?.grade : indicator.evaluation?.actual) ?? null,
      method,
      group: group?.name ?? null,
      points,
      score: null,
      notApplicable,
    };
    if (!group || notApplicable) return line;
    const share = earnedShare(project, indicator, method, rules, findings);
    if (!share) return line;
    line.score = toHundredths(multiply(share, fromHundredths(points)));
    if (line.score < points && rules.reasonBelowFull && !indicator.evaluation?.analysis?.trim()) {
      findings.push(
        finding(
          'S4',
          'error',
          project,
          indicator,
          `得分 ${format(line.score)} 低于分值 ${format(points)}，须填写偏差原因分析及改进措施`,
        ),
      );
    }
    return line;
  });
  const budget = budgetScore(project, rules, findings);
  const counted = lines.filter((line) => line.group !== null && !line.notApplicable);
  const full = rules.budgetPoints + rules.groups.reduce((sum, group) => sum + group.points, 0);
  const applicable = rules.budgetPoints + counted.reduce((sum, line) => sum + line.points, 0);
  const complete = budget.score !== null && counted.every((line) => line.score !== null);
  const sum = (budget.score ?? 0) + counted.reduce((total, line) => total + (line.score ?? 0), 0);
  const rescaled = rules.rescaleNotApplicable && applicable !== full && applicable > 0;
  const total = !complete
    ? null
    : rescaled
      ? toHundredths(ratio(BigInt(sum) * BigInt(full), BigInt(applicable) * 100n))
      : sum;
  return { projectId, rulesId: rules.id, lines, budget, total, rescaled, findings };
}

/** Scores every project of the document in order, for a summary of 执行率 and 总分. */
export function scoreDocument(document: JixiaoDocument, rules: ScoringRules): ProjectScore[] {
  return document.units.flatMap((unit) =>
    unit.projects.map((item) => scoreProject(document, item.id, rules) as ProjectScore),
  );
}
