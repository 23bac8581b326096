import { memo, type ReactNode } from 'react';
import type { GridRow } from '../../../shared/edit';
import {
  renderValue,
  type FundingUnit,
  type Indicator,
  type JixiaoDocument,
  type Project,
} from '../../../shared/model';
import { zhCN } from '../i18n/zh-CN';
import {
  amountTotal,
  behindSchedule,
  moneyText,
  points,
  projectScore,
  projectsOf,
  rateText,
  sumAmount,
  sumRate,
} from '../stage/figures';
import { NameCell, selectionClasses, useRowSelection, type RowSelection } from './GridRows';
import type { StageView } from './stageColumns';
import { STAGE_COLUMNS } from './stageColumns';
import './stageRows.css';

const text = zhCN.stage;

function cellClass(stage: StageView, column: number, selection: RowSelection | null, extra = '') {
  const classes = [extra, STAGE_COLUMNS[stage][column]?.className ?? ''];
  classes.push(...selectionClasses(column, selection));
  return classes.filter(Boolean).join(' ');
}

/** The six cells after the name, for a row of either kind. */
function Cells({
  stage,
  rowIndex,
  selection,
  cells,
}: {
  stage: StageView;
  rowIndex: number;
  selection: RowSelection | null;
  cells: Array<{ content: ReactNode; extra?: string }>;
}) {
  return (
    <>
      {cells.map((cell, offset) => (
        <td
          key={offset}
          data-row={rowIndex}
          data-col={offset + 1}
          className={cellClass(stage, offset + 1, selection, cell.extra)}
        >
          {cell.content}
        </td>
      ))}
    </>
  );
}

/** One indicator's monitoring line: 年度指标值, 截至, 全年预计, 可能性, 偏差原因. */
function monitoringLine(indicator: Indicator): string {
  const monitoring = indicator.monitoring;
  const parts = [`${zhCN.stage.panel.target} ${renderValue(indicator.annual) || text.notFilled}`];
  if (monitoring?.toDate) parts.push(`${text.grid.toDate} ${monitoring.toDate}`);
  if (monitoring?.forecast) parts.push(`${text.grid.forecast} ${monitoring.forecast}`);
  if (monitoring?.likelihood) parts.push(monitoring.likelihood);
  if (monitoring?.causes.length) parts.push(`偏差：${monitoring.causes.join('、')}`);
  return parts.join('；');
}

function IndicatorLines({
  project,
  line,
}: {
  project: Project;
  line: (indicator: Indicator, index: number) => string;
}) {
  return (
    <ol className="indicators stage-indicators">
      {/* The first five, as the target view's cell: the others are in the panel. */}
      {project.indicators.slice(0, 5).map((indicator, index) => (
        <li key={indicator.id}>
          <span className="indicator-name">{indicator.name || text.notFilled}</span>：
          {line(indicator, index)}
        </li>
      ))}
    </ol>
  );
}

interface StageRowProps {
  stage: StageView;
  document: JixiaoDocument;
  row: GridRow;
  rowIndex: number;
  mark?: 'error' | 'warning';
  measure: (element: HTMLTableRowElement | null) => void;
}

/** A project's row in the 监控 or 自评 view: its amounts, 执行率, 总分 and indicator lines. */
export const StageProjectRow = memo(function StageProjectRow({
  stage,
  document,
  project,
  rowIndex,
  mark,
  measure,
}: StageRowProps & { project: Project }) {
  const selection = useRowSelection(rowIndex);
  const adjusted = moneyText(amountTotal(project, 'yearBudget.adjusted'));
  let cells: Array<{ content: ReactNode; extra?: string }>;
  if (stage === 'monitoring') {
    const monitoring = project.monitoring;
    cells = [
      { content: moneyText(amountTotal(project, 'yearBudget.initial')) },
      { content: adjusted },
      { content: moneyText(amountTotal(project, 'monitoring.executed')) },
      {
        content: rateText(project, 'monitoring.executed'),
        extra: behindSchedule(document, project) ? 'behind' : '',
      },
      {
        content: (
          <div className="clamp">
            {monitoring ? text.asOf(monitoring.asOf) : ''}
            {monitoring?.goalProgress ? `　${monitoring.goalProgress}` : ''}
          </div>
        ),
        extra: 'goal',
      },
      { content: <IndicatorLines project={project} line={monitoringLine} /> },
    ];
  } else {
    const score = projectScore(document, project);
    const line = (indicator: Indicator, index: number) => {
      const scored = score?.lines[index];
      const evaluation = indicator.evaluation;
      const actual = scored?.method === 'graded' ? evaluation?.grade : evaluation?.actual;
      const parts = [
        `${zhCN.stage.panel.target} ${renderValue(indicator.annual) || text.notFilled}`,
      ];
      if (scored?.notApplicable) return [...parts, text.grid.notApplicable].join('；');
      if (actual) {
        const label = scored?.method === 'graded' ? text.grid.grade : text.grid.actual;
        parts.push(`${label} ${actual}`);
      }
      parts.push(`${text.grid.points} ${points(scored?.points)}`);
      if (scored?.score !== null && scored?.score !== undefined) {
        parts.push(`${text.grid.score} ${points(scored.score)}`);
      }
      return parts.join('；');
    };
    cells = [
      { content: adjusted },
      { content: moneyText(amountTotal(project, 'evaluation.executed')) },
      { content: rateText(project, 'evaluation.executed') },
      { content: points(score?.total), extra: 'derived' },
      {
        content: <div className="clamp">{project.evaluation?.goalActual ?? ''}</div>,
        extra: 'goal',
      },
      { content: <IndicatorLines project={project} line={line} /> },
    ];
  }
  return (
    <tr className="project-row" data-index={rowIndex} data-project-id={project.id} ref={measure}>
      <NameCell
        rowIndex={rowIndex}
        selection={selection}
        mark={mark}
        dragLabel="拖动以调整项目顺序，可拖到其他单位"
        name={project.name}
      />
      <Cells stage={stage} rowIndex={rowIndex} selection={selection} cells={cells} />
    </tr>
  );
});

/** Sums of a unit's (or the document's) projects for the stage's money columns. */
export function stageSums(stage: StageView, units: readonly FundingUnit[]): string[] {
  const projects = projectsOf(units);
  const adjusted = sumAmount(projects, 'yearBudget.adjusted');
  const amount = stage === 'monitoring' ? 'monitoring.executed' : 'evaluation.executed';
  const executed = sumAmount(projects, amount);
  // The rate of a sum counts only the projects whose 执行数 is filled in: the others are not
  // known to have spent nothing.
  const reporting = projects.filter((project) => amountTotal(project, amount) !== null);
  const rate = sumRate(executed, sumAmount(reporting, 'yearBudget.adjusted'));
  if (stage === 'monitoring') {
    return [
      moneyText(sumAmount(projects, 'yearBudget.initial')),
      moneyText(adjusted),
      moneyText(executed),
      rate,
    ];
  }
  return [moneyText(adjusted), moneyText(executed), rate, ''];
}

/** A funding unit's row in the 监控 or 自评 view: the sums of its projects. */
export const StageUnitRow = memo(function StageUnitRow({
  stage,
  unit,
  rowIndex,
  mark,
  measure,
}: Omit<StageRowProps, 'document'> & { unit: FundingUnit }) {
  const selection = useRowSelection(rowIndex);
  const sums = stageSums(stage, [unit]);
  return (
    <tr className="unit-row" data-index={rowIndex} data-unit-id={unit.id} ref={measure}>
      <NameCell
        rowIndex={rowIndex}
        selection={selection}
        mark={mark}
        dragLabel="拖动以调整单位顺序"
        name={unit.name}
      />
      <Cells
        stage={stage}
        rowIndex={rowIndex}
        selection={selection}
        cells={[...sums.map((content) => ({ content })), { content: '' }, { content: '' }]}
      />
    </tr>
  );
});

/** The 监控 / 自评 header: the stage's column names and the 合计 row. */
export function StageHeader({ stage, document }: { stage: StageView; document: JixiaoDocument }) {
  const sums = stageSums(stage, document.units);
  return (
    <>
      <tr>
        {STAGE_COLUMNS[stage].map((column) => (
          <th key={column.label} scope="col">
            {column.label}
          </th>
        ))}
      </tr>
      <tr className="total-row">
        <th scope="row">{text.total}</th>
        {sums.map((sum, index) => (
          <td key={index} className={STAGE_COLUMNS[stage][index + 1]?.className}>
            {sum}
          </td>
        ))}
        <td />
        <td />
      </tr>
    </>
  );
}
