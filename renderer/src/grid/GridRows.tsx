import { memo, useMemo } from 'react';
import {
  GRID_COLUMNS,
  MONEY_COLUMNS,
  type GridColumnKey,
  type GridRow,
} from '../../../shared/edit';
import { level1Label, level2Label, type Framework } from '../../../shared/frameworks';
import {
  AMOUNT_COLUMNS,
  formatMoney,
  projectAmounts,
  renderValue,
  type FundingUnit,
  type Project,
  type RowAmounts,
} from '../../../shared/model';
import { zhCN } from '../i18n/zh-CN';
import { useAppStore, type Selection } from '../store';
import { Marked, type Marks } from './Marked';
import { unitTotals } from './totals';

/**
 * Which cells of a row are selected: the selected column range, when more than one cell is
 * selected. The active cell is not part of it: the grid's cursor (CellEditor) draws it over the
 * table and marks its cell (`data-active`), so an arrow move renders no row of the table.
 */
export interface RowSelection {
  from: number;
  to: number;
}

/**
 * This row's part of a range selection as a string ("from:to", or "" when outside it or when one
 * cell is selected), so a row re-renders only when its own cells change, not on every move.
 */
function rowSelectionKey(selection: Selection, rowIndex: number): string {
  if (selection.row === selection.anchorRow && selection.column === selection.anchorColumn) {
    return '';
  }
  const top = Math.min(selection.row, selection.anchorRow);
  const bottom = Math.max(selection.row, selection.anchorRow);
  if (rowIndex < top || rowIndex > bottom) return '';
  const from = Math.min(selection.column, selection.anchorColumn);
  const to = Math.max(selection.column, selection.anchorColumn);
  return `${from}:${to}`;
}

export function useRowSelection(rowIndex: number): RowSelection | null {
  const key = useAppStore((state) => rowSelectionKey(state.selection, rowIndex));
  if (key === '') return null;
  const [from, to] = key.split(':').map(Number) as [number, number];
  return { from, to };
}

/** A cell's selection classes: `selected` within a range. */
export function selectionClasses(column: number, selection: RowSelection | null): string[] {
  return selection && column >= selection.from && column <= selection.to ? ['selected'] : [];
}

function cellClass(column: number, selection: RowSelection | null, extra = ''): string {
  const key = GRID_COLUMNS[column]?.key as GridColumnKey;
  const classes = [extra];
  if (MONEY_COLUMNS.has(key)) classes.push('money');
  classes.push(...selectionClasses(column, selection));
  return classes.filter(Boolean).join(' ');
}

function MoneyCells({
  amounts,
  rowIndex,
  selection,
}: {
  amounts: RowAmounts;
  rowIndex: number;
  selection: RowSelection | null;
}) {
  return (
    <>
      {AMOUNT_COLUMNS.map((key, offset) => (
        <td
          key={key}
          data-row={rowIndex}
          data-col={offset + 1}
          className={cellClass(offset + 1, selection, key === 'total' ? 'derived' : '')}
        >
          {formatMoney(amounts[key], { blankZero: true })}
        </td>
      ))}
    </>
  );
}

/** An indicator nobody has filled in yet: shown as a greyed hint, not as empty separators. */
function isBlank(indicator: Project['indicators'][number]): boolean {
  return (
    indicator.name.trim() === '' &&
    indicator.level1.trim() === '' &&
    indicator.level2.trim() === '' &&
    renderValue(indicator.period) === '' &&
    renderValue(indicator.annual) === ''
  );
}

/** Indicators shown in a cell before 「共 N 条」: the row stays short, the panel shows all. */
export const SHOWN_INDICATORS = 5;

function Indicators({
  project,
  framework,
  marks,
}: {
  project: Project;
  framework: Framework;
  marks?: Marks;
}) {
  const hidden = project.indicators.length - SHOWN_INDICATORS;
  // Only what the cell shows is built: the first indicators, and the hints for blank ones
  // further down. Building every indicator (hidden with CSS) made each row scrolled into view
  // cost three times the elements at 15 indicators a project.
  const shown = project.indicators
    .map((indicator, index) => ({ indicator, index, blank: isBlank(indicator) }))
    .filter(({ index, blank }) => index < SHOWN_INDICATORS || blank);
  return (
    <>
      <ol className="indicators">
        {shown.map(({ indicator, blank }) =>
          blank ? (
            <li key={indicator.id} className="placeholder">
              {zhCN.grid.blankIndicator}
            </li>
          ) : (
            <li key={indicator.id}>
              {indicator.level1 || indicator.level2 ? (
                <>
                  <span className="category">
                    {[
                      level1Label(framework, indicator.level1),
                      level2Label(framework, indicator.level1, indicator.level2),
                    ]
                      .filter(Boolean)
                      .join('；')}
                  </span>
                  ；
                </>
              ) : null}
              <span className="indicator-name">
                <Marked text={indicator.name} marks={marks} />
              </span>
              ；实施周期指标值：
              <Marked text={renderValue(indicator.period)} marks={marks} />
              ；年度指标值：
              <Marked text={renderValue(indicator.annual)} marks={marks} />。
            </li>
          ),
        )}
      </ol>
      {hidden > 0 ? <p className="indicators-more">{zhCN.grid.moreIndicators(hidden)}</p> : null}
    </>
  );
}

/** The marks the grid's text shows now: the find bar's query, years to review after 新建下一年度. */
function useMarks(): Marks | undefined {
  const find = useAppStore((state) => state.findQuery);
  const years = useAppStore(
    (state) =>
      state.importFlow?.stage === 'review' &&
      state.importFlow.documentId === state.current?.documentId,
  );
  return useMemo(
    () =>
      find || years
        ? { query: find?.text, matchCase: find?.matchCase, years: years || undefined }
        : undefined,
    [find, years],
  );
}

interface RowProps {
  row: GridRow;
  /** A check finding on this row, shown as a corner mark on its name. */
  mark?: 'error' | 'warning';
  rowIndex: number;
  measure: (element: HTMLTableRowElement | null) => void;
  /** Taller than TALL_ROW: its name stays in view while it scrolls (sticky). */
  tall?: boolean;
}

/** Rows at least this tall (px) keep their name in view; shorter rows show it whole anyway. */
export const TALL_ROW = 240;

function DragHandle({ rowIndex, label }: { rowIndex: number; label: string }) {
  return (
    <span
      className="drag-handle"
      draggable
      title={label}
      aria-hidden="true"
      onDragStart={(event) => {
        event.dataTransfer.setData('application/x-jixiao-row', String(rowIndex));
        event.dataTransfer.effectAllowed = 'move';
      }}
    >
      ⠿
    </span>
  );
}

/** A row's first cell: the drag handle, the name and the check mark. */
export function NameCell({
  rowIndex,
  selection,
  mark,
  dragLabel,
  name,
  marks,
}: {
  rowIndex: number;
  selection: RowSelection | null;
  mark: RowProps['mark'];
  dragLabel: string;
  name: string;
  marks?: Marks;
}) {
  return (
    <th
      scope="row"
      data-row={rowIndex}
      data-col={0}
      className={cellClass(0, selection, mark ? `mark-${mark}` : '')}
    >
      {/* Sticky: the name stays in view while the clerk scrolls through a tall row. */}
      <span className="name-text">
        <DragHandle rowIndex={rowIndex} label={dragLabel} />
        <Marked text={name} marks={marks} />
      </span>
    </th>
  );
}

/** A funding unit's row: its name and the sums of its projects. */
export const UnitRow = memo(function UnitRow({
  unit,
  rowIndex,
  measure,
  mark,
  tall,
}: RowProps & { unit: FundingUnit }) {
  const selection = useRowSelection(rowIndex);
  const marks = useMarks();
  return (
    <tr
      className={tall ? 'unit-row tall' : 'unit-row'}
      data-index={rowIndex}
      data-unit-id={unit.id}
      ref={measure}
    >
      <NameCell
        rowIndex={rowIndex}
        selection={selection}
        mark={mark}
        dragLabel="拖动以调整单位顺序"
        name={unit.name}
        marks={marks}
      />
      <MoneyCells amounts={unitTotals(unit)} rowIndex={rowIndex} selection={selection} />
      <td data-row={rowIndex} data-col={5} className={cellClass(5, selection)} />
      <td data-row={rowIndex} data-col={6} className={cellClass(6, selection)} />
    </tr>
  );
});

/** A project's row: name, amounts (总计 derived), 年度目标 and the indicator run. */
export const ProjectRow = memo(function ProjectRow({
  project,
  framework,
  rowIndex,
  measure,
  mark,
  tall,
}: RowProps & { project: Project; framework: Framework }) {
  const selection = useRowSelection(rowIndex);
  const marks = useMarks();
  return (
    <tr
      className={tall ? 'project-row tall' : 'project-row'}
      data-index={rowIndex}
      data-project-id={project.id}
      ref={measure}
    >
      <NameCell
        rowIndex={rowIndex}
        selection={selection}
        mark={mark}
        dragLabel="拖动以调整项目顺序，可拖到其他单位"
        name={project.name}
        marks={marks}
      />
      <MoneyCells amounts={projectAmounts(project)} rowIndex={rowIndex} selection={selection} />
      <td data-row={rowIndex} data-col={5} className={cellClass(5, selection, 'goal')}>
        <div className="clamp">
          <Marked text={project.goals.annual} marks={marks} />
        </div>
      </td>
      <td data-row={rowIndex} data-col={6} className={cellClass(6, selection)}>
        <Indicators project={project} framework={framework} marks={marks} />
      </td>
    </tr>
  );
});
