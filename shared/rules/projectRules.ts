import { categoryKey } from '../frameworks';
import { formatMoney, projectAmounts } from '../model';
import { finding, projectLabel, projectWhere, targetOf, type ProjectContext } from './context';
import { isPlaceholder } from './text';
import { checkGoalYears, checkText } from './textRules';
import type { DeclaredTotals, Finding } from './types';

/**
 * M1 for one project. The 总计 of the annual money is derived (`projectAmounts`), so it can only
 * disagree with a total read from an imported table. The 中期/实施期 money stores its own total
 * (the per-project form prints it), which must equal 财政拨款 + 其他资金.
 */
export function checkProjectMoney(context: ProjectContext, declared?: DeclaredTotals): Finding[] {
  const findings: Finding[] = [];
  const { project, document } = context;
  const unit = document.moneyUnit;
  const printed = declared?.projects?.[project.id];
  const derived = projectAmounts(project).total;
  if (printed !== undefined && printed !== derived) {
    findings.push(
      finding(
        'M1',
        projectWhere(context, 'money.total'),
        `${projectLabel(project)}表中总计 ${formatMoney(printed)} ${unit}，但财政拨款、财政专户拨款、其他资金之和为 ${formatMoney(derived)} ${unit}`,
      ),
    );
  }
  const periodMoney = project.periodMoney;
  if (periodMoney) {
    const sum = periodMoney.fiscal + periodMoney.other;
    if (periodMoney.total !== sum) {
      findings.push(
        finding(
          'M1',
          projectWhere(context, 'periodMoney.total'),
          `${projectLabel(project)}中期资金总额 ${formatMoney(periodMoney.total)} ${unit}，但财政拨款与其他资金之和为 ${formatMoney(sum)} ${unit}`,
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
  }
  return findings;
}

/** R6, then the text rules on the project's name and goals. */
export function checkProjectText(context: ProjectContext): Finding[] {
  const { project } = context;
  const findings: Finding[] = [];
  findings.push(...checkText(context, 'name', project.name, '项目名称'));
  if (isPlaceholder(project.goals.annual)) {
    findings.push(
      finding(
        'R6',
        projectWhere(context, 'goals.annual'),
        `${projectLabel(project)}没有填写年度绩效目标`,
      ),
    );
  }
  findings.push(...checkText(context, 'goals.annual', project.goals.annual, '年度目标'));
  findings.push(...checkGoalYears(context, 'goals.annual', project.goals.annual, '年度目标'));
  const period = project.goals.period;
  if (period !== undefined) {
    findings.push(...checkText(context, 'goals.period', period, '实施期目标'));
    findings.push(...checkGoalYears(context, 'goals.period', period, '实施期目标'));
  }
  return findings;
}

/** R1, R2, R3, R8: the project's list of indicators as a whole. */
export function checkIndicatorSet(context: ProjectContext): Finding[] {
  const { project, settings } = context;
  const findings: Finding[] = [];
  const where = projectWhere(context, 'indicators');
  const label = projectLabel(project);
  const categories = project.indicators.map(context.categoryOf);
  const has = (level1Key: string, level2Keys?: readonly string[]) =>
    categories.some(
      (category) =>
        category.level1Key === level1Key &&
        (level2Keys === undefined || level2Keys.includes(category.level2Key)),
    );
  const output = categoryKey('产出指标');
  const outcome = categoryKey('效益指标');
  if (!has(output)) {
    findings.push(
      finding('R1', where, `${label}没有产出指标`, { reviewerReason: '建议增加明确产出指标' }),
    );
  }
  if (!has(outcome)) {
    findings.push(
      finding('R1', where, `${label}没有效益指标`, { reviewerReason: '建议增加明确效益指标' }),
    );
  }
  // A project without indicators already has R1 twice; R2 and R3 would only repeat it.
  if (project.indicators.length > 0) {
    if (!has(categoryKey('满意度指标'))) {
      findings.push(finding('R2', where, `${label}没有满意度指标`));
    }
    if (has(output) && !has(output, ['数量'])) {
      findings.push(finding('R3', where, `${label}没有数量指标`));
    }
    if (has(output) && !has(output, ['质量', '时效'])) {
      findings.push(finding('R3', where, `${label}没有质量指标或时效指标`));
    }
  }
  const count = project.indicators.length;
  const { indicatorCountMin: min, indicatorCountMax: max } = settings;
  if (count < min || count > max) {
    findings.push(
      finding(
        'R8',
        where,
        `${label}有 ${count} 个三级指标，常见范围是 ${min}–${max} 个`,
        count < min ? {} : { reviewerReason: '其他' },
      ),
    );
  }
  return findings;
}
