/**
 * Per-project forms (项目支出绩效目标申报表 and every region's variant, DOMAIN.md §4, §10), read by
 * meaning through the label synonyms in `labels.ts`: one form per project, grouped into units by
 * 实施单位, amounts converted exactly into the document's unit. This module is the entry; the
 * parts live beside it in `forms/`.
 */

import { getFramework } from '../../frameworks';
import { DEFAULT_TITLE, newId, type FundingUnit, type MoneyUnit } from '../../model';
import { formRows } from '../formRows';
import { documentMoneyUnit } from '../documentUnit';
import { convertAmounts } from './amounts';
import { readIndicatorHeader } from './indicatorHeader';
import { fieldOf } from './labels';
import { dominantYear, plausibleYear } from '../years';
import { readForm } from './readForm';
import { isTitleRow, splitForms } from './split';
import { FormReporter } from './types';
import { stripCode, unitOf } from './unitCode';
import type { GridTable } from '../grid';
import { shorten } from '../indicatorRun';
import { ImportError, type ImportResult, importResult, knownFrameworkId } from '../report';

export interface ProjectFormOptions {
  frameworkId?: string;
  fiscalYear?: number | null;
  /** Unit of the document the forms go into; default 万元 unless an amount needs 元. */
  moneyUnit?: MoneyUnit;
  format?: string;
}

/** True when the tables hold at least one per-project form (项目名称 and an indicator header). */
export function looksLikeProjectForms(tables: readonly GridTable[]): boolean {
  const rows = formRows(tables);
  return (
    rows.some((row) => row.items.some((item) => fieldOf(item.text) === 'name')) &&
    rows.some((row) => readIndicatorHeader(row) !== null)
  );
}

/**
 * Imports per-project forms into one document: projects grouped by 实施单位, amounts converted
 * exactly into the document's unit (reported), categories matched to the framework.
 */
export function importProjectForms(
  tables: readonly GridTable[],
  options: ProjectFormOptions = {},
): ImportResult {
  const reporter = new FormReporter();
  const frameworkId = knownFrameworkId(options.frameworkId, reporter);
  const framework = getFramework(frameworkId);
  const rows = formRows(tables);
  const { forms, lead } = splitForms(rows);
  if (forms.length === 0) throw new ImportError('未找到“项目名称”栏，不是项目绩效目标申报表。');
  const read = forms.map((form) => readForm(form, framework, reporter));
  for (const row of lead) {
    if (isTitleRow(row)) continue;
    for (const item of row.items) {
      if (item.anchor && item.text !== '') {
        reporter.add('raw', `表格之后的文字「${shorten(item.text)}」未导入。`, item.cell.source);
      }
    }
  }

  // The document's unit: the caller's, else 万元 when every amount converts exactly, else 元.
  const moneyUnit =
    options.moneyUnit ??
    documentMoneyUnit(
      read.flatMap((form) =>
        form.amounts.map(({ label, amount, source }) => ({
          field: label || '金额',
          amount,
          source,
        })),
      ),
      reporter,
    );
  for (const form of read) convertAmounts(form, moneyUnit, reporter);

  const units: FundingUnit[] = [];
  for (const form of read) {
    const name = unitOf(
      form.unitName,
      [
        ['填报单位', form.filer],
        ['主管部门', form.supervisor],
      ],
      (kind, message) => reporter.add(kind, message, form.source, form.project.name),
    );
    let unit = units.find((candidate) => candidate.name === name);
    if (!unit) units.push((unit = { id: newId('unit'), name, projects: [] }));
    unit.projects.push(form.project);
    if (form.project.name === '') reporter.add('warning', '项目名称为空。', form.source);
    if (form.project.goals.annual === '')
      reporter.add('warning', '没有年度目标。', form.source, form.project.name);
  }

  const fiscalYear = resolveYear(read, options.fiscalYear, reporter);

  const supervisors = [
    ...new Set(read.map((form) => stripCode(form.supervisor)).filter((name) => name !== '')),
  ];
  if (supervisors.length > 1)
    reporter.add('warning', `各表的主管部门不一致：${supervisors.join('、')}；采用第一个。`);
  const department = supervisors[0] ?? '';
  if (department === '') reporter.add('warning', '表中没有主管部门，部门名称为空。');

  return importResult(
    { title: DEFAULT_TITLE, department, fiscalYear, moneyUnit, frameworkId, units },
    reporter.entries,
    options.format ?? '项目绩效目标申报表',
  );
}

/**
 * The budget year: the caller's, else the year in the forms' titles, else the year that
 * dominates the names and goals (reported for the clerk to confirm), else none.
 */
function resolveYear(
  read: ReturnType<typeof readForm>[],
  given: number | null | undefined,
  reporter: FormReporter,
): number | null {
  if (given !== undefined) return given !== null && plausibleYear(given) ? given : null;
  const years = [...new Set(read.flatMap((form) => form.years))].filter(plausibleYear);
  if (years.length > 1)
    reporter.add('warning', `各表的年度不一致：${years.join('、')}；采用第一个。`);
  const titled = years[0];
  if (titled !== undefined) return titled;
  const hint = dominantYear(read.flatMap((form) => [form.project.name, form.project.goals.annual]));
  if (hint !== null) {
    reporter.add(
      'warning',
      `表头中没有年度；项目名称和年度目标中写的是 ${hint} 年，预算年度按 ${hint} 填写，请核对。`,
    );
    return hint;
  }
  reporter.add('warning', '表头中没有年度，预算年度留空，请在文档信息中填写。');
  return null;
}
