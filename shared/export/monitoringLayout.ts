/**
 * 项目支出绩效目标执行监控表 (财预〔2019〕136号), one A4 portrait section per project: the target
 * table's indicators with the monitoring columns beside them. Labels, money rows and widths come
 * from the template (resources/templates/monitoring-central-2019.json). A project without
 * monitoring data still prints (the form a clerk hands to the project owner), its blanks marked,
 * and {@link monitoringWarnings} says so.
 */
import { getFramework, type Framework } from '../frameworks';
import {
  adjustedBudget,
  initialBudget,
  renderValue,
  type FundingUnit,
  type Indicator,
  type JixiaoDocument,
  type Project,
} from '../model';
import { groupIndicators } from './formLayout';
import { projectsWarning, warningsByLack, type ExportWarning } from './projectWarnings';
import type { Layout, LayoutOptions, LayoutSection, PageSetup } from './layout';
import { cell, label, type RowDraft } from './cells';
import {
  amountCell,
  emptyStageSection,
  hasStageData,
  levelCells,
  monthOf,
  partsTotal,
  rateText,
  stageFonts,
  stageFieldRow,
  stageFormPage,
  stageGoalRows,
  stageSection,
  stageTitleBlock,
} from './stageForm';
import { stageGrid, type StageGrid } from './stageGrid';
import { fill, MONITORING_TEMPLATE as T } from './stageTemplates';

/** 10 pt: nine columns on 156 mm; every header fits in two lines. */
const TABLE_SIZE_PT = 10;
const MONEY = 0;
const INDICATORS = 1;

/** The 偏差原因分析 cell: the groups that apply, the explanation, and 纠偏措施 when given. */
export function causeText(indicator: Indicator): string {
  const monitoring = indicator.monitoring;
  if (!monitoring) return '';
  const head = monitoring.causes.join('、');
  const text = monitoring.causeText?.trim() ?? '';
  const lines = [head && text ? `${head}：${text}` : head || text];
  const corrective = monitoring.corrective?.trim();
  if (corrective) lines.push(`${T.labels.corrective}：${corrective}`);
  return lines.filter(Boolean).join('\n');
}

function executedLabel(project: Project): string {
  const month = monthOf(project.monitoring?.asOf);
  return month === null
    ? T.labels.executedNoDate
    : fill(T.labels.executed, { month: String(month) });
}

function moneyRows(document: JixiaoDocument, project: Project, grid: StageGrid): RowDraft[] {
  const initial = initialBudget(project);
  const adjusted = adjustedBudget(project);
  const executed = project.monitoring?.executed ?? null;
  const missing = executed ? '' : T.labels.missing;
  const span = (index: number) => ({ colSpan: grid.span(MONEY, index) });
  const rows: RowDraft[] = [
    {
      role: 'money',
      cells: [
        label(fill(T.labels.money, { unit: document.moneyUnit }), span(0)),
        label(T.labels.initial, span(1)),
        label(T.labels.adjusted, span(2)),
        label(`${executedLabel(project)}${missing}`, span(3)),
        label(T.labels.rate, span(4)),
      ],
    },
  ];
  for (const line of T.moneyRows) {
    const budget = partsTotal(adjusted, line.parts);
    const spent = executed ? partsTotal(executed, line.parts) : null;
    rows.push({
      role: 'money',
      cells: [
        label(line.label, span(0)),
        amountCell(partsTotal(initial, line.parts), span(1)),
        amountCell(budget, span(2)),
        amountCell(spent, span(3), true),
        cell(rateText(spent, budget), { align: 'right', ...span(4) }),
      ],
    });
  }
  return rows;
}

function indicatorRows(project: Project, grid: StageGrid, framework: Framework): RowDraft[] {
  const month = monthOf(project.monitoring?.asOf);
  const span = (index: number) => grid.span(INDICATORS, index);
  const headers = T.indicatorColumns.map((column, index) => {
    const text =
      column.key === 'toDate' && month === null
        ? T.toDateNoDate
        : fill(column.header, { month: String(month) });
    return label(text, { bold: true, colSpan: span(index) });
  });
  const rows: RowDraft[] = [{ role: 'indicator-header', cells: headers }];
  const ordered = groupIndicators(project.indicators, framework);
  if (ordered.length === 0) {
    rows.push({
      role: 'empty',
      cells: T.indicatorColumns.map((_, index) => cell('', { colSpan: span(index) })),
    });
    return rows;
  }
  ordered.forEach((indicator, index) => {
    const monitoring = indicator.monitoring;
    rows.push({
      role: 'indicator',
      cells: [
        ...levelCells(ordered, index, [span(0), span(1)]),
        cell(indicator.name, { colSpan: span(2) }),
        cell(renderValue(indicator.annual), { align: 'center', colSpan: span(3) }),
        cell(monitoring?.toDate ?? '', { align: 'center', colSpan: span(4) }),
        cell(monitoring?.forecast ?? '', { align: 'center', colSpan: span(5) }),
        cell(causeText(indicator), { colSpan: span(6) }),
        cell(monitoring?.likelihood ?? '', { align: 'center', colSpan: span(7) }),
        cell(monitoring?.remark ?? '', { colSpan: span(8) }),
      ],
    });
  });
  return rows;
}

function section(
  document: JixiaoDocument,
  unit: FundingUnit,
  project: Project,
  page: PageSetup,
  grid: StageGrid,
  framework: Framework,
): LayoutSection {
  const span = (from: number, to?: number) => grid.span(INDICATORS, from, to);
  const progress = project.monitoring?.goalProgress ?? '';
  const upper: RowDraft[] = [
    stageFieldRow(document, unit, project, T.labels, span, 8),
    ...moneyRows(document, project, grid),
    ...stageGoalRows(project, T.labels, { label: T.labels.goalProgress, text: progress }, span, 8),
  ];
  return stageSection({
    project,
    page,
    grid,
    titleBlock: stageTitleBlock(document, T.title),
    labels: {
      projectName: T.labels.projectName,
      continued: fill(T.labels.continued, { name: project.name }),
    },
    span,
    lastColumn: 8,
    upper,
    indicators: indicatorRows(project, grid, framework),
    tablePt: TABLE_SIZE_PT,
  });
}

/** The grid of the monitoring form on a page: money block and indicator table. */
export function monitoringGrid(page: PageSetup): StageGrid {
  return stageGrid(page, [
    T.moneyColumns.map((column) => column.widthMm),
    T.indicatorColumns.map((column) => column.widthMm),
  ]);
}

/** One 监控表 per project of the document. */
export function monitoringLayout(document: JixiaoDocument, options: LayoutOptions = {}): Layout {
  const page = stageFormPage();
  const grid = monitoringGrid(page);
  const framework = getFramework(document.frameworkId);
  const sections = document.units.flatMap((unit) =>
    unit.projects.map((project) => section(document, unit, project, page, grid, framework)),
  );
  return {
    kind: 'monitoring',
    title: T.title,
    fonts: stageFonts(TABLE_SIZE_PT, options),
    pageNumbers: { format: '— {page} —', align: 'outside' },
    sections: sections.length > 0 ? sections : [emptyStageSection(document, T.title, page, grid)],
  };
}

/**
 * What the clerk should know before exporting the 监控表: a document without any monitoring data
 * exports blank forms (targets filled in, execution columns empty); a project without data or
 * indicators without 执行情况 are named.
 */
export function monitoringWarnings(document: JixiaoDocument): ExportWarning[] {
  const projects = document.units.flatMap((unit) => unit.projects);
  const any = hasStageData(projects, 'monitoring');
  if (projects.length > 0 && !any) {
    return [
      {
        text: `本文档还没有监控数据：导出的是空白监控表（预算和指标已从目标表带入），执行数、执行情况等栏留空并标“${T.labels.missing}”，请填写后再报送。`,
      },
    ];
  }
  const lacks: Array<{ name: string; lack: string }> = [];
  const blanks: string[] = [];
  let blank = 0;
  for (const project of projects) {
    const missing = [
      project.monitoring?.asOf ? '' : '监控时点',
      project.monitoring?.executed ? '' : '执行数',
      project.monitoring?.goalProgress?.trim() ? '' : '目标执行情况',
    ].filter(Boolean);
    if (missing.length > 0) lacks.push({ name: project.name, lack: missing.join('、') });
    const count = project.indicators.filter((item) => !item.monitoring?.toDate?.trim()).length;
    if (count > 0) {
      blanks.push(project.name);
      blank += count;
    }
  }
  const warnings = warningsByLack(
    lacks,
    (named, lack) => `${named}没有${lack}：表中已标“${T.labels.missing}”，请补填。`,
  );
  if (blanks.length > 0) {
    warnings.push(
      projectsWarning(
        blanks,
        (named) =>
          `${named}${blanks.length > 1 ? '共' : ''}有 ${blank} 条指标没有填写执行情况，表中留空。`,
      ),
    );
  }
  return warnings;
}
