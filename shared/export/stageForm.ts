/**
 * What the 监控表 and the 自评表 share with the per-project target form: the GB/T 9704 page, the
 * title block with the year line, money cells, merged 一级/二级 cells and amounts of a stage
 * split (财政拨款 / 上年结转 / 其他).
 */
import {
  formatMoney,
  formatRatioPercent,
  sumMoney,
  type Cents,
  type FundingUnit,
  type Indicator,
  type JixiaoDocument,
  type Project,
  type StageMoney,
} from '../model';
import type {
  FontRole,
  FontSpec,
  LayoutCell,
  LayoutOptions,
  LayoutSection,
  PageSetup,
} from './layout';
import { a4Page, resolveFonts } from './page';
import { cell, headerRowsOf, label, markKeepTogether, type RowDraft } from './cells';
import type { StageGrid } from './stageGrid';
import type { MoneyPart } from './stageTemplates';

/** A4 portrait with the margins of the per-project target form (GB/T 9704-2012). */
export function stageFormPage(): PageSetup {
  return a4Page('portrait', { top: 37, bottom: 35, left: 28, right: 26, header: 15, footer: 25 });
}

/** Title and, when the year is known, `（2025年度）`. */
export function stageTitleBlock(
  document: JixiaoDocument,
  title: string,
): LayoutSection['titleBlock'] {
  const lines: LayoutSection['titleBlock'] = [{ center: { text: title, font: 'title' } }];
  if (document.fiscalYear !== null) {
    lines.push({ center: { text: `（${document.fiscalYear}年度）`, font: 'subtitle' } });
  }
  return lines;
}

/** The form fonts at a table size (title 二号, year 三号, page number 四号 as the target form). */
export function stageFonts(tablePt: number, options: LayoutOptions): Record<FontRole, FontSpec> {
  return resolveFonts(
    { title: 20, subtitle: 16, unit: 12, table: tablePt, pageNumber: 14 },
    options.fonts,
  );
}

/** Sum of the chosen parts of a stage amount. */
export function partsTotal(money: StageMoney, parts: readonly MoneyPart[]): Cents {
  return sumMoney(parts.map((key) => money[key]));
}

/**
 * An amount cell; `showZero` prints an entered 0 (an execution of nothing is a figure, a budget of
 * nothing is blank as in the official tables). Null prints blank.
 */
export function amountCell(
  amount: Cents | null,
  extra: Partial<LayoutCell> = {},
  showZero = false,
): LayoutCell {
  if (amount === null) return cell('', { kind: 'money', align: 'right', ...extra });
  return cell(formatMoney(amount, { blankZero: !showZero }), {
    kind: 'money',
    align: 'right',
    amount,
    ...extra,
  });
}

/** `executed / budget` as `96.50%`; blank when either is missing or the budget is not positive. */
export function rateText(executed: Cents | null, budget: Cents | null): string {
  if (executed === null || budget === null || !(budget > 0)) return '';
  if (!Number.isSafeInteger(executed) || !Number.isSafeInteger(budget)) return '';
  return formatRatioPercent({ numerator: executed, denominator: budget });
}

/**
 * The leading 一级 and 二级 cells of indicator row `index` (merged down over equal neighbours, as
 * in the target form), each spanning the given grid columns.
 */
export function levelCells(
  ordered: readonly Indicator[],
  index: number,
  spans: readonly [number, number],
): LayoutCell[] {
  const indicator = ordered[index] as Indicator;
  const previous = ordered[index - 1];
  const cells: LayoutCell[] = [];
  if (previous?.level1 !== indicator.level1) {
    let rows = 1;
    while (ordered[index + rows]?.level1 === indicator.level1) rows += 1;
    cells.push(label(indicator.level1, { rowSpan: rows, colSpan: spans[0] }));
  }
  if (previous?.level1 !== indicator.level1 || previous.level2 !== indicator.level2) {
    let rows = 1;
    while (
      ordered[index + rows]?.level1 === indicator.level1 &&
      ordered[index + rows]?.level2 === indicator.level2
    ) {
      rows += 1;
    }
    cells.push(label(indicator.level2, { rowSpan: rows, colSpan: spans[1] }));
  }
  return cells;
}

/** `2025-07` → 7; null without a date. */
export function monthOf(asOf: string | undefined): number | null {
  const match = /^\d{4}-(\d{2})/.exec(asOf ?? '');
  return match ? Number(match[1]) : null;
}

/** `2025-07` → `2025年7月`, `2025-07-31` → `2025年7月31日`. */
export function asOfText(asOf: string | undefined): string {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(asOf ?? '');
  if (!match) return '';
  const [, year, month, day] = match;
  return `${year}年${Number(month)}月${day ? `${Number(day)}日` : ''}`;
}

/** The one section of a stage form for a document without projects. */
export function emptyStageSection(
  document: JixiaoDocument,
  title: string,
  page: PageSetup,
  grid: StageGrid,
): LayoutSection {
  return {
    id: 'empty',
    name: title,
    page,
    titleBlock: stageTitleBlock(document, title),
    repeatTitleBlock: true,
    columns: grid.columns,
    headerRows: [],
    bodyRows: [
      {
        role: 'empty',
        cells: [cell('（本文档没有项目）', { colSpan: grid.columns.length, align: 'center' })],
        keepTogether: true,
      },
    ],
  };
}

/** True when some project (or one of its indicators) carries data of the stage. */
export function hasStageData(
  projects: readonly Project[],
  stage: 'monitoring' | 'evaluation',
): boolean {
  return projects.some(
    (project) =>
      project[stage] !== undefined ||
      project.indicators.some((indicator) => indicator[stage] !== undefined),
  );
}

/** The labels the two stage forms' upper rows share (their templates word them alike). */
interface UpperLabels {
  supervisor: string;
  implementer: string;
  goal: string;
  goalExpected: string;
  missing: string;
}

/** 主管部门 and 实施单位: the department and the unit unless the project names its own. */
export function stageFieldRow(
  document: JixiaoDocument,
  unit: FundingUnit,
  project: Project,
  labels: UpperLabels,
  span: (from: number, to?: number) => number,
  lastColumn: number,
): RowDraft {
  return {
    role: 'field',
    cells: [
      label(labels.supervisor, { colSpan: span(0, 1) }),
      cell(project.supervisor ?? document.department, { colSpan: span(2, 3) }),
      label(labels.implementer, { colSpan: span(4, 5) }),
      cell(project.implementer ?? unit.name, { colSpan: span(6, lastColumn) }),
    ],
  };
}

/**
 * 年度总体目标: the approved 年度目标 beside what the stage says of it (`stage`: its label and
 * text), the label marked 未填写 when the text is empty.
 */
export function stageGoalRows(
  project: Project,
  labels: UpperLabels,
  stage: { label: string; text: string },
  span: (from: number, to?: number) => number,
  lastColumn: number,
): RowDraft[] {
  return [
    {
      role: 'goal',
      cells: [
        label(labels.goal, { rowSpan: 2, colSpan: span(0, 1) }),
        label(labels.goalExpected, { colSpan: span(2, 4) }),
        label(`${stage.label}${stage.text.trim() ? '' : labels.missing}`, {
          colSpan: span(5, lastColumn),
        }),
      ],
    },
    {
      role: 'goal',
      cells: [
        cell(project.goals.annual, { colSpan: span(2, 4), verticalAlign: 'top' }),
        cell(stage.text, { colSpan: span(5, lastColumn), verticalAlign: 'top' }),
      ],
    },
  ];
}

/**
 * A stage form's section around its rows: the title block on every page, the project's name as
 * the repeated header, the rows kept together where they fit, and the indicator block's header
 * repeated from the first indicator row on.
 */
export function stageSection(form: {
  project: Project;
  page: PageSetup;
  grid: StageGrid;
  titleBlock: LayoutSection['titleBlock'];
  labels: { projectName: string; continued: string };
  /** Column spans in the indicator block: the project's name fills it from column 2 on. */
  span: (from: number, to?: number) => number;
  lastColumn: number;
  upper: RowDraft[];
  indicators: RowDraft[];
  tablePt: number;
}): LayoutSection {
  const { project, page, grid, span } = form;
  const body = [...form.upper, ...form.indicators];
  return {
    id: project.id,
    name: project.name,
    page,
    titleBlock: form.titleBlock,
    repeatTitleBlock: true,
    columns: grid.columns,
    headerRows: headerRowsOf([
      {
        role: 'field',
        cells: [
          label(form.labels.projectName, { colSpan: span(0, 1) }),
          cell(project.name, { colSpan: span(2, form.lastColumn) }),
        ],
      },
    ]),
    bodyRows: markKeepTogether(body, grid.columns, page, form.tablePt),
    repeatBlockFrom: form.upper.length,
    continuedLabel: form.labels.continued,
  };
}
