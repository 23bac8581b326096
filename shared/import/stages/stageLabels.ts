/**
 * Labels of the stage forms this program writes (resources/templates/monitoring-central-2019.json,
 * self-evaluation-central-2020.json) that the synonym lists in `forms/labels.ts` do not carry, and
 * the title rows that open the next form. Compared by base label, as the lists there are.
 */

import type { FormRow } from '../formRows';
import { TITLE_PATTERN, labelKey, labelParts, stageOfTitle } from '../forms/labels';

/** 年度总体目标's 预期 header in the 监控表 template (`全年目标` beside `执行情况`). */
const GOAL_EXPECTED = /^全年目标$/u;

/** The 自评表's project-level 预算执行偏差原因分析及改进措施 line under the money block. */
const BUDGET_ANALYSIS = /^预算执行(?:率)?偏差原因分析(?:及改进措施)?$/u;

export function isGoalExpectedExtra(text: string): boolean {
  return GOAL_EXPECTED.test(labelParts(text).base);
}

export function isBudgetAnalysisLabel(text: string): boolean {
  return BUDGET_ANALYSIS.test(labelParts(text).base);
}

/**
 * A row of one or two short cells that are titles: a stage form's own (`项目支出绩效目标执行监控表`,
 * `项目支出绩效自评表`), a target form's or a year line. Such a row starts the next form.
 */
export function isFormTitleRow(row: FormRow): boolean {
  const anchors = row.items.filter((item) => item.anchor && item.text !== '');
  return (
    anchors.length > 0 &&
    anchors.length <= 2 &&
    anchors.every((item) => item.text.length <= 60) &&
    anchors.every(
      (item) => stageOfTitle(item.text) !== null || TITLE_PATTERN.test(labelKey(item.text)),
    )
  );
}
