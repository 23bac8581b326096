import { finding, projectLabel, projectWhere, targetOf, type ProjectContext } from './context';
import { hasHtml, hasMixedPunctuation, yearsOutside } from './text';
import type { Finding, TextField } from './types';

/** T1 and T2 on one text cell of a project or an indicator. */
export function checkText(
  context: ProjectContext,
  field: TextField,
  text: string,
  label: string,
  owner = projectLabel(context.project),
  where = projectWhere(context, field),
): Finding[] {
  const findings: Finding[] = [];
  if (hasHtml(text)) {
    findings.push(
      finding('T1', where, `${owner}的${label}残留网页标记（如 <p>）`, {
        fix: { kind: 'strip-html', label: '去除网页标记', target: targetOf(context), field },
      }),
    );
  }
  if (hasMixedPunctuation(text)) {
    findings.push(
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
  return findings;
}

/** T3: years in a goal outside the document's year and the project's period. */
export function checkGoalYears(
  context: ProjectContext,
  field: TextField,
  text: string,
  label: string,
): Finding[] {
  const year = context.document.fiscalYear;
  if (year === null) return [];
  const { periodStart, periodEnd } = context.project;
  const first = Math.min(year, periodStart ?? year);
  const last = Math.max(year, periodEnd ?? year);
  const years = yearsOutside(text, first, last);
  if (years.length === 0) return [];
  return [
    finding(
      'T3',
      projectWhere(context, field),
      `${projectLabel(context.project)}的${label}提到 ${years.join('、')}，本表是 ${year} 年度，是否从上年复制后未改？`,
    ),
  ];
}
