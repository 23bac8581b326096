import { categoryKey } from '../frameworks';
import { formatMoney, projectAmounts, storedAmounts } from '../model';
import { finding, ownerLabel, projectWhere, targetOf, type ProjectContext } from './context';
import { isPlaceholder } from './text';
import { checkGoalYears, checkText } from './textRules';
import type { DeclaredTotals, ReviewerReason } from './types';

/**
 * M1 for one project. The 总计 of the annual money is derived (`projectAmounts`), so it can only
 * disagree with a total read from an imported table. The 中期/实施期 money stores its own total
 * (the per-project form prints it), which must equal 财政拨款 + 其他资金.
 */
export function checkProjectMoney(context: ProjectContext, declared?: DeclaredTotals): void {
  const { project, document } = context;
  const unit = document.moneyUnit;
  checkNegativeMoney(context);
  const printed = declared?.projects?.[project.id];
  if (printed !== undefined) {
    const derived = projectAmounts(project).total;
    if (printed !== derived) {
      context.findings.push(
        finding(
          'M1',
          projectWhere(context, 'money.total'),
          `${ownerLabel(context)}表中总计 ${formatMoney(printed)} ${unit}，但财政拨款、财政专户拨款、其他资金之和为 ${formatMoney(derived)} ${unit}`,
        ),
      );
    }
  }
  const periodMoney = project.periodMoney;
  if (!periodMoney) return;
  const sum = periodMoney.fiscal + periodMoney.other;
  if (periodMoney.total === sum) return;
  context.findings.push(
    finding(
      'M1',
      projectWhere(context, 'periodMoney.total'),
      `${ownerLabel(context)}中期资金总额 ${formatMoney(periodMoney.total)} ${unit}，但财政拨款与其他资金之和为 ${formatMoney(sum)} ${unit}`,
      {
        fix: {
          kind: 'set-period-total',
          label: `总额改为 ${formatMoney(sum)}`,
          target: targetOf(context),
          from: periodMoney.total,
          to: sum,
        },
      },
    ),
  );
}

/**
 * M4: an amount below zero. The editor refuses one, but a table read from another program, a
 * merge or a document changed outside the program can carry it (an imported `-638.00` checked
 * clean and exported as printed).
 */
function checkNegativeMoney(context: ProjectContext): void {
  const { project, document } = context;
  for (const { field, label, cents } of storedAmounts(project)) {
    if (typeof cents !== 'number' || !(cents < 0)) continue;
    context.findings.push(
      finding(
        'M4',
        projectWhere(context, field),
        `${ownerLabel(context)}${label}为 ${formatMoney(cents)} ${document.moneyUnit}，金额不能为负数`,
      ),
    );
  }
}

/** R6, then the text rules on the project's name and goals. */
export function checkProjectText(context: ProjectContext): void {
  const { project } = context;
  checkText(context, 'name', project.name, '项目名称');
  if (isPlaceholder(project.goals.annual)) {
    context.findings.push(
      finding(
        'R6',
        projectWhere(context, 'goals.annual'),
        `${ownerLabel(context)}没有填写年度绩效目标`,
      ),
    );
  }
  checkText(context, 'goals.annual', project.goals.annual, '年度目标');
  checkGoalYears(context, 'goals.annual', project.goals.annual, '年度目标');
  const period = project.goals.period;
  if (period !== undefined) {
    checkText(context, 'goals.period', period, '实施期目标');
    checkGoalYears(context, 'goals.period', period, '实施期目标');
  }
}

const OUTPUT = categoryKey('产出指标');
const OUTCOME = categoryKey('效益指标');
const SATISFACTION = categoryKey('满意度指标');

/** Which categories a project's list of indicators covers, in one pass. */
function coverage(context: ProjectContext) {
  const covered = {
    output: false,
    outcome: false,
    satisfaction: false,
    quantity: false,
    qualityOrTime: false,
  };
  for (const indicator of context.project.indicators) {
    const { level1Key, level2Key } = context.categoryOf(indicator);
    if (level1Key === OUTPUT) {
      covered.output = true;
      if (level2Key === '数量') covered.quantity = true;
      if (level2Key === '质量' || level2Key === '时效') covered.qualityOrTime = true;
    } else if (level1Key === OUTCOME) covered.outcome = true;
    else if (level1Key === SATISFACTION) covered.satisfaction = true;
  }
  return covered;
}

/** A finding on the project's list of indicators: `「项目」` + problem. */
function setFinding(
  context: ProjectContext,
  code: 'R1' | 'R2' | 'R3' | 'R8',
  problem: string,
  extra?: { reviewerReason?: ReviewerReason },
): void {
  context.findings.push(
    finding(code, projectWhere(context, 'indicators'), `${ownerLabel(context)}${problem}`, extra),
  );
}

/** R1, R2, R3, R8: the project's list of indicators as a whole. */
export function checkIndicatorSet(context: ProjectContext): void {
  const { project, settings } = context;
  const covered = coverage(context);
  if (!covered.output) {
    setFinding(context, 'R1', '没有产出指标', { reviewerReason: '建议增加明确产出指标' });
  }
  if (!covered.outcome) {
    setFinding(context, 'R1', '没有效益指标', { reviewerReason: '建议增加明确效益指标' });
  }
  // A project without indicators already has R1 twice; R2 and R3 would only repeat it.
  if (project.indicators.length > 0) {
    if (!covered.satisfaction) setFinding(context, 'R2', '没有满意度指标');
    if (covered.output && !covered.quantity) setFinding(context, 'R3', '没有数量指标');
    if (covered.output && !covered.qualityOrTime) {
      setFinding(context, 'R3', '没有质量指标或时效指标');
    }
  }
  const count = project.indicators.length;
  const { indicatorCountMin: min, indicatorCountMax: max } = settings;
  if (count < min || count > max) {
    setFinding(
      context,
      'R8',
      `有 ${count} 个三级指标，常见范围是 ${min}–${max} 个`,
      count < min ? {} : { reviewerReason: '其他' },
    );
  }
}
