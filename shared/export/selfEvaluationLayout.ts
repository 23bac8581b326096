/**
 * 项目支出绩效自评表 (财预〔2020〕10号), one A4 portrait section per project. Every 分值, 得分,
 * 执行率 and the 总分 come from shared/scoring (the rules are data); nothing here is typed by the
 * clerk or computed apart from it. Labels, money rows and widths come from the template
 * (resources/templates/self-evaluation-central-2020.json).
 */
import { getFramework, type Framework } from '../frameworks';
import {
  adjustedBudget,
  formatRatioPercent,
  initialBudget,
  renderValue,
  type FundingUnit,
  type JixiaoDocument,
  type Project,
} from '../model';
import {
  formatHundredths,
  scoreProject,
  scoringRulesFor,
  type ProjectScore,
  type ScoreLine,
  type ScoringRules,
} from '../scoring';
import { groupIndicators } from './formLayout';
import type { Layout, LayoutOptions, LayoutSection, PageSetup } from './layout';
import { cell, label, type RowDraft } from './cells';
import {
  amountCell,
  emptyStageSection,
  hasStageData,
  levelCells,
  partsTotal,
  stageFonts,
  stageFieldRow,
  stageFormPage,
  stageGoalRows,
  stageSection,
  stageTitleBlock,
} from './stageForm';
import type { ExportWarning } from './projectWarnings';
import { stageGrid, type StageGrid } from './stageGrid';
import { fill, SELF_EVALUATION_TEMPLATE as T } from './stageTemplates';

/** 五号 as the target form: eight columns on 156 mm. */
const TABLE_SIZE_PT = 10.5;
const MONEY = 0;
const INDICATORS = 1;

/** Full marks of the rules: 预算执行率 plus every group (100 with the national weights). */
export function fullPoints(rules: ScoringRules): number {
  return rules.budgetPoints + rules.groups.reduce((sum, group) => sum + group.points, 0);
}

/** A score cell's text: two decimals, or blank while it cannot be computed. */
function scoreText(score: number | null): string {
  return score === null ? '' : formatHundredths(score);
}

function moneyRows(
  document: JixiaoDocument,
  project: Project,
  result: ProjectScore,
  grid: StageGrid,
): RowDraft[] {
  const initial = initialBudget(project);
  const adjusted = adjustedBudget(project);
  const executed = project.evaluation?.executed ?? null;
  const span = (index: number) => ({ colSpan: grid.span(MONEY, index) });
  const dash = (index: number) => cell(T.labels.dash, { align: 'center', ...span(index) });
  const rows: RowDraft[] = [
    {
      role: 'money',
      cells: [
        label(fill(T.labels.money, { unit: document.moneyUnit }), span(0)),
        label(T.labels.initial, span(1)),
        label(T.labels.adjusted, span(2)),
        label(`${T.labels.executed}${executed ? '' : T.labels.missing}`, span(3)),
        label(T.labels.points, span(4)),
        label(T.labels.rate, span(5)),
        label(T.labels.score, span(6)),
      ],
    },
  ];
  for (const line of T.moneyRows) {
    const budget = result.budget;
    rows.push({
      role: 'money',
      cells: [
        label(line.label, span(0)),
        amountCell(partsTotal(initial, line.parts), span(1)),
        amountCell(partsTotal(adjusted, line.parts), span(2)),
        amountCell(executed ? partsTotal(executed, line.parts) : null, span(3), true),
        ...(line.scored
          ? [
              cell(formatHundredths(budget.points), { align: 'center', ...span(4) }),
              cell(budget.rate ? formatRatioPercent(budget.rate) : '', {
                align: 'center',
                ...span(5),
              }),
              cell(scoreText(budget.score), { align: 'center', ...span(6) }),
            ]
          : [dash(4), dash(5), dash(6)]),
      ],
    });
  }
  const analysis = project.evaluation?.budgetAnalysis?.trim() ?? '';
  const below = result.budget.score !== null && result.budget.score < result.budget.points;
  if (analysis !== '' || below) {
    rows.push({
      role: 'field',
      cells: [
        label(`${T.labels.budgetAnalysis}${analysis ? '' : T.labels.missing}`, {
          colSpan: grid.span(MONEY, 0, 1),
        }),
        cell(analysis, { colSpan: grid.span(MONEY, 2, 6) }),
      ],
    });
  }
  return rows;
}

/** 得分 of a line: two decimals; `不适用` for a dropped indicator; `不计分` outside every group. */
function lineScore(line: ScoreLine | undefined): string {
  if (!line) return '';
  if (line.notApplicable) return '不适用';
  if (line.group === null) return '不计分';
  return scoreText(line.score);
}

function indicatorRows(
  project: Project,
  result: Scored,
  grid: StageGrid,
  framework: Framework,
): RowDraft[] {
  const span = (index: number) => grid.span(INDICATORS, index);
  const rows: RowDraft[] = [
    {
      role: 'indicator-header',
      cells: T.indicatorColumns.map((column, index) =>
        label(column.header, { bold: true, colSpan: span(index) }),
      ),
    },
  ];
  const lines = new Map(result.lines.map((line) => [line.indicatorId, line]));
  const ordered = groupIndicators(project.indicators, framework);
  if (ordered.length === 0) {
    rows.push({
      role: 'empty',
      cells: T.indicatorColumns.map((_, index) => cell('', { colSpan: span(index) })),
    });
  }
  ordered.forEach((indicator, index) => {
    const line = lines.get(indicator.id);
    const evaluation = indicator.evaluation;
    const actual = evaluation?.actual?.trim() || evaluation?.grade?.trim() || '';
    rows.push({
      role: 'indicator',
      cells: [
        ...levelCells(ordered, index, [span(0), span(1)]),
        cell(indicator.name, { colSpan: span(2) }),
        cell(renderValue(indicator.annual), { align: 'center', colSpan: span(3) }),
        cell(actual, { align: 'center', colSpan: span(4) }),
        cell(line ? formatHundredths(line.points) : '', { align: 'center', colSpan: span(5) }),
        cell(lineScore(line), { align: 'center', colSpan: span(6) }),
        cell(evaluation?.analysis ?? '', { colSpan: span(7) }),
      ],
    });
  });
  rows.push({
    role: 'total',
    cells: [
      label(T.labels.total, { bold: true, colSpan: grid.span(INDICATORS, 0, 4) }),
      cell(formatHundredths(result.fullPoints), { align: 'center', bold: true, colSpan: span(5) }),
      cell(scoreText(result.total), { align: 'center', bold: true, colSpan: span(6) }),
      cell(result.rescaled ? '不适用指标的分值已按百分制折算' : '', { colSpan: span(7) }),
    ],
  });
  return rows;
}

interface Scored extends ProjectScore {
  fullPoints: number;
}

function section(
  document: JixiaoDocument,
  unit: FundingUnit,
  project: Project,
  page: PageSetup,
  grid: StageGrid,
  framework: Framework,
  rules: ScoringRules,
): LayoutSection {
  const span = (from: number, to?: number) => grid.span(INDICATORS, from, to);
  const result: Scored = {
    ...(scoreProject(document, project.id, rules) as ProjectScore),
    fullPoints: fullPoints(rules),
  };
  const actual = project.evaluation?.goalActual ?? '';
  const upper: RowDraft[] = [
    stageFieldRow(document, unit, project, T.labels, span, 7),
    ...moneyRows(document, project, result, grid),
    ...stageGoalRows(project, T.labels, { label: T.labels.goalActual, text: actual }, span, 7),
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
    lastColumn: 7,
    upper,
    indicators: indicatorRows(project, result, grid, framework),
    tablePt: TABLE_SIZE_PT,
  });
}

/** One 自评表 per project, scored by the document's rules. */
export function selfEvaluationLayout(
  document: JixiaoDocument,
  options: LayoutOptions = {},
): Layout {
  const page = stageFormPage();
  const grid = stageGrid(page, [
    T.moneyColumns.map((column) => column.widthMm),
    T.indicatorColumns.map((column) => column.widthMm),
  ]);
  const framework = getFramework(document.frameworkId);
  const rules = scoringRulesFor(document);
  const sections = document.units.flatMap((unit) =>
    unit.projects.map((project) => section(document, unit, project, page, grid, framework, rules)),
  );
  return {
    kind: 'self-evaluation',
    title: T.title,
    fonts: stageFonts(TABLE_SIZE_PT, options),
    pageNumbers: { format: '— {page} —', align: 'outside' },
    sections: sections.length > 0 ? sections : [emptyStageSection(document, T.title, page, grid)],
  };
}

/**
 * What the clerk should know before exporting the 自评表: a document without any 自评 data
 * exports blank forms; otherwise every scoring finding (a missing 实际完成值, a score under full
 * marks without 偏差原因分析 …), so no blank 得分 goes out unexplained.
 */
export function selfEvaluationWarnings(document: JixiaoDocument): ExportWarning[] {
  const projects = document.units.flatMap((unit) => unit.projects);
  const any = hasStageData(projects, 'evaluation');
  if (projects.length > 0 && !any) {
    return [
      {
        text: `本文档还没有自评数据：导出的是空白自评表（预算、分值和指标已从目标表带入），执行数、实际完成值和得分留空并标“${T.labels.missing}”，请填写后再报送。`,
      },
    ];
  }
  const rules = scoringRulesFor(document);
  const warnings: ExportWarning[] = [];
  for (const project of projects) {
    const result = scoreProject(document, project.id, rules);
    if (!result) continue;
    if (result.total === null) {
      warnings.push({ text: `「${project.name}」的总分还不能计算（原因见下），表中总分留空。` });
    }
    for (const finding of result.findings) warnings.push({ text: finding.message });
  }
  return warnings;
}
