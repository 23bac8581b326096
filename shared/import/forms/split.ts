/**
 * Splitting a grid into forms: a form starts at its 项目名称 row; title rows (`项目支出绩效目标表`,
 * `（2025年度）`) and anything else before it belong to it as its lead.
 */

import type { FormRow } from '../formRows';
import { TITLE_PATTERN, fieldOf, labelKey } from './labels';

/** One form's rows, from its 项目名称 row to the next form. */
export interface FormBlock {
  rows: FormRow[];
  /** Rows before it since the previous form: titles with the year, 填报单位 lines. */
  lead: FormRow[];
}

/** A row of one or two cells that is a title (the form's own, a year line or a sub-title). */
export function isTitleRow(row: FormRow): boolean {
  const anchors = row.items.filter((item) => item.anchor && item.text !== '');
  return (
    anchors.length > 0 &&
    anchors.length <= 2 &&
    anchors.every((item) => TITLE_PATTERN.test(labelKey(item.text))) &&
    anchors.every((item) => item.text.length <= 60)
  );
}

function startsForm(row: FormRow): boolean {
  return row.items.some((item) => item.anchor && fieldOf(item.text) === 'name');
}

export function splitForms(rows: readonly FormRow[]): { forms: FormBlock[]; lead: FormRow[] } {
  const forms: FormBlock[] = [];
  let pending: FormRow[] = [];
  let current: FormBlock | undefined;
  for (const row of rows) {
    // A second name row straight after the first (专项资金名称, then 项目名称) names the same
    // project: one form, whose reader keeps the other name.
    const onlyNames =
      current !== undefined && pending.length === 0 && current.rows.every(startsForm);
    if (startsForm(row) && current && onlyNames) {
      current.rows.push(row);
    } else if (startsForm(row)) {
      current = { rows: [row], lead: pending };
      forms.push(current);
      pending = [];
    } else if (isTitleRow(row) || !current) {
      pending.push(row);
    } else {
      current.rows.push(row);
    }
  }
  return { forms, lead: pending };
}
