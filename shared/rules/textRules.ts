import {
  finding,
  indicatorLabel,
  indicatorWhere,
  isIndicatorContext,
  ownerLabel,
  projectWhere,
  targetOf,
  type IndicatorContext,
  type ProjectContext,
} from './context';
import { hasHtml, hasMixedPunctuation, mayNeedTextFix, yearsOutside } from './text';
import type { Location, TextField } from './types';

/** Whose text it is (`「项目」` or `「项目」的指标「…」`) and where, for a finding. */
function ownerAndWhere(
  context: ProjectContext | IndicatorContext,
  field: TextField,
): [owner: string, where: Location] {
  return isIndicatorContext(context)
    ? [indicatorLabel(context), indicatorWhere(context, field)]
    : [ownerLabel(context), projectWhere(context, field)];
}

/**
 * Bidirectional overrides, isolates and marks, and C0/C1 controls other than tab and line
 * breaks: text that shows differently from what it is.
 */
const HIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** T4 on one text cell of a project or an indicator: names the first hidden character. */
function checkHidden(
  context: ProjectContext | IndicatorContext,
  field: TextField,
  text: string,
  label: string,
): void {
  const found = HIDDEN.exec(text);
  if (!found) return;
  const code = (found[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  const [owner, where] = ownerAndWhere(context, field);
  context.findings.push(
    finding(
      'T4',
      where,
      `${owner}的${label}含有不可见的控制字符 U+${code}（第 ${found.index + 1} 个字符），显示的文字与实际内容不同，请删除`,
    ),
  );
}

/** T4 and T1 on one text cell of a project or an indicator. */
export function checkHtml(
  context: ProjectContext | IndicatorContext,
  field: TextField,
  text: string,
  label: string,
): void {
  checkHidden(context, field, text, label);
  checkMarkup(context, field, text, label);
}

function checkMarkup(
  context: ProjectContext | IndicatorContext,
  field: TextField,
  text: string,
  label: string,
): void {
  if (!hasHtml(text)) return;
  const [owner, where] = ownerAndWhere(context, field);
  context.findings.push(
    finding('T1', where, `${owner}的${label}残留网页标记（如 <p>）`, {
      fix: { kind: 'strip-html', label: '去除网页标记', target: targetOf(context), field },
    }),
  );
}

/** T4, T1 and T2 on one text cell of a project or an indicator. */
export function checkText(
  context: ProjectContext | IndicatorContext,
  field: TextField,
  text: string,
  label: string,
): void {
  checkHidden(context, field, text, label);
  if (!mayNeedTextFix(text)) return;
  checkMarkup(context, field, text, label);
  if (!hasMixedPunctuation(text)) return;
  const [owner, where] = ownerAndWhere(context, field);
  context.findings.push(
    finding('T2', where, `${owner}的${label}在中文旁使用了半角标点`, {
      fix: {
        kind: 'normalise-punctuation',
        label: '改为全角标点',
        target: targetOf(context),
        field,
      },
    }),
  );
}

/** T3: years in a goal outside the document's year and the project's period. */
export function checkGoalYears(
  context: ProjectContext,
  field: TextField,
  text: string,
  label: string,
): void {
  const year = context.document.fiscalYear;
  if (year === null) return;
  const { periodStart, periodEnd } = context.project;
  const first = Math.min(year, periodStart ?? year);
  const last = Math.max(year, periodEnd ?? year);
  const years = yearsOutside(text, first, last);
  if (years.length === 0) return;
  context.findings.push(
    finding(
      'T3',
      projectWhere(context, field),
      `${ownerLabel(context)}的${label}提到 ${years.join('、')}，本表是 ${year} 年度，是否从上年复制后未改？`,
    ),
  );
}
