/**
 * 项目支出绩效监控与自评汇总表: every project on one row with its 全年预算数, the 监控表's
 * execution and 执行率, the 自评表's execution, 执行率 and 总分 — all taken from the same
 * functions the per-project forms use, so the summary never disagrees with them. One table (one
 * sheet in Excel), A4 landscape like the disclosure table, header repeated on every page.
 */
import {
  adjustedBudget,
  stageMoneyTotal,
  sumMoney,
  type Cents,
  type JixiaoDocument,
} from '../model';
import { formatHundredths, scoreProject, scoringRulesFor } from '../scoring';
import { departmentLine, yearLine } from './disclosureLayout';
import type { Layout, LayoutCell, LayoutOptions, LayoutSection } from './layout';
import { a4Page, columnsFor, resolveFonts } from './page';
import { cell, headerRowsOf, label, markKeepTogether, type RowDraft } from './cells';
import { warningsByLack, type ExportWarning } from './projectWarnings';
import { amountCell, asOfText, rateText } from './stageForm';
import { fill, STAGE_SUMMARY_TEMPLATE as T } from './stageTemplates';

const TABLE_SIZE_PT = 10.5;
const CENTER = { align: 'center' } as const;

/** One row per project and a 合计 row; 总分 from shared/scoring with two decimals. */
export function stageSummaryLayout(document: JixiaoDocument, options: LayoutOptions = {}): Layout {
  const page = a4Page('landscape', {
    top: 12,
    bottom: 15,
    left: 12,
    right: 12,
    header: 6,
    footer: 6,
  });
  const columns = columnsFor(
    page,
    T.columns.map((column) => [column.key, column.weight] as const),
  );
  const rules = scoringRulesFor(document);
  const totals = { budget: [] as Cents[], monitored: [] as Cents[], executed: [] as Cents[] };
  const rows: RowDraft[] = [];
  let index = 0;
  for (const unit of document.units) {
    for (const project of unit.projects) {
      index += 1;
      const budget = stageMoneyTotal(adjustedBudget(project));
      const monitoredMoney = project.monitoring?.executed;
      const monitored = monitoredMoney ? stageMoneyTotal(monitoredMoney) : null;
      const executedMoney = project.evaluation?.executed;
      const executed = executedMoney ? stageMoneyTotal(executedMoney) : null;
      const score = scoreProject(document, project.id, rules)?.total ?? null;
      totals.budget.push(budget);
      if (monitored !== null) totals.monitored.push(monitored);
      if (executed !== null) totals.executed.push(executed);
      const cells: LayoutCell[] = [
        cell(String(index), CENTER),
        cell(unit.name),
        cell(project.name),
        amountCell(budget),
        cell(asOfText(project.monitoring?.asOf), CENTER),
        amountCell(monitored, {}, true),
        cell(rateText(monitored, budget), { align: 'right' }),
        amountCell(executed, {}, true),
        cell(rateText(executed, budget), { align: 'right' }),
        cell(score === null ? '' : formatHundredths(score), CENTER),
      ];
      rows.push({ role: 'project', cells });
    }
  }
  const budget = sumMoney(totals.budget);
  // A 合计 of some projects only would read as the department's figure: blank unless all have it.
  const monitored = totals.monitored.length === index ? sumMoney(totals.monitored) : null;
  const executed = totals.executed.length === index ? sumMoney(totals.executed) : null;
  const totalRow: RowDraft = {
    role: 'total',
    cells: [
      label(T.labels.total, { bold: true, colSpan: 3 }),
      amountCell(budget, { bold: true }),
      cell(''),
      amountCell(monitored, { bold: true }, true),
      cell(rateText(monitored, budget), { align: 'right', bold: true }),
      amountCell(executed, { bold: true }, true),
      cell(rateText(executed, budget), { align: 'right', bold: true }),
      cell(''),
    ],
  };
  const section: LayoutSection = {
    id: 'stage-summary',
    name: '监控与自评汇总',
    page,
    titleBlock: [
      { center: { text: T.title, font: 'title' } },
      ...yearLine(document),
      {
        left: { text: departmentLine(document), font: 'unit' },
        right: { text: fill(T.labels.unitLine, { unit: document.moneyUnit }), font: 'unit' },
      },
    ],
    repeatTitleBlock: true,
    columns,
    headerRows: headerRowsOf([
      { role: 'header', cells: T.columns.map((column) => label(column.header, { bold: true })) },
    ]),
    bodyRows: markKeepTogether([totalRow, ...rows], columns, page, TABLE_SIZE_PT),
  };
  return {
    kind: 'stage-summary',
    title: T.title,
    fonts: resolveFonts(
      { title: 16, subtitle: 12, unit: 11, table: TABLE_SIZE_PT, pageNumber: 14 },
      options.fonts,
    ),
    pageNumbers: { format: '— {page} —', align: 'outside' },
    sections: [section],
  };
}

/** Projects whose row in the summary has blanks, and why. */
export function stageSummaryWarnings(document: JixiaoDocument): ExportWarning[] {
  const rules = scoringRulesFor(document);
  const lacks: Array<{ name: string; lack: string }> = [];
  for (const unit of document.units) {
    for (const project of unit.projects) {
      const missing = [
        project.monitoring?.executed ? '' : '监控执行数',
        project.evaluation?.executed ? '' : '全年执行数',
        scoreProject(document, project.id, rules)?.total != null ? '' : '自评总分',
      ].filter(Boolean);
      if (missing.length > 0) lacks.push({ name: project.name, lack: missing.join('、') });
    }
  }
  return warningsByLack(lacks, (projects, lack) => `${projects}没有${lack}：汇总表中留空。`);
}
