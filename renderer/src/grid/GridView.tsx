import {
  memo,
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
  type DragEvent,
  type MouseEvent,
} from 'react';
import { GRID_COLUMNS, type GridRow } from '../../../shared/edit';
import { getFramework } from '../../../shared/frameworks';
import { AMOUNT_COLUMNS, formatMoney, type JixiaoDocument } from '../../../shared/model';
import { commit } from '../editing';
import { focusGrid } from '../focus';
import { rowsOf, select, selectId } from './gridModel';
import { zhCN } from '../i18n/zh-CN';
import { useAppStore, type Selection } from '../store';
import { CellEditor } from './CellEditor';
import { ProjectRow, TALL_ROW, UnitRow } from './GridRows';
import { rowHeights } from './rowHeights';
import { windowExtractor } from './rowWindow';
import { useRowVirtualizer } from './useRowVirtualizer';
import { documentTotals } from './totals';
import { useStage } from '../stage/stageState';
import { StageHeader, StageProjectRow, StageUnitRow } from './StageRows';
import './grid.css';

/** Rows up to this count render in full (print-like, searchable with the browser); above, virtualized. */
const FULL_RENDER_LIMIT = 150;

function rowKey(row: GridRow | undefined, index: number): string {
  if (!row) return String(index);
  return row.kind === 'unit' ? row.unitId : row.projectId;
}

/**
 * Keeps the active cell on screen whatever moved it (keys, find, structure edits). A layout
 * effect, before the cell editor's (rendered after it): both read the cell's box in the one
 * layout the move needs, where a passive effect read it again after the editor had moved.
 */
function FollowActiveCell({ reveal }: { reveal: (row: number, column: number) => void }) {
  const row = useAppStore((state) => state.selection.row);
  const column = useAppStore((state) => state.selection.column);
  const tick = useAppStore((state) => state.revealTick);
  useLayoutEffect(() => reveal(row, column), [row, column, reveal, tick]);
  return null;
}

/**
 * The disclosure table as an editable grid: a semantic <table>, one <tbody> per funding unit,
 * virtualized rows, totals derived (summed again only for the unit an edit touched), edited
 * through one text box.
 */
export const GridView = memo(function GridView({ document }: { document: JixiaoDocument }) {
  const marks = useAppStore((state) => state.findingMarks);
  const stage = useStage();
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = rowsOf(document);
  const framework = getFramework(document.frameworkId);
  const total = documentTotals(document);
  // The virtualizer lays out every row again whenever getItemKey changes: it changes only with
  // the rows, which stay the same array through edits that move no unit or project.
  const getItemKey = useCallback((index: number) => rowKey(rows[index], index), [rows]);
  const heights = rowHeights(stage, document, rows);
  const [rangeExtractor] = useState(() => windowExtractor(FULL_RENDER_LIMIT));
  const virtualizer = useRowVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: heights.estimate,
    measureElement: heights.measure,
    getItemKey,
    rangeExtractor,
  });
  const items = virtualizer.getVirtualItems();
  // Scrolls a cell into view below the sticky header: by its own box when it is rendered, else
  // through the virtualizer, which knows where rows not rendered are. (Moves used to ask the
  // virtualizer first, which ignores the header, and then corrected it: two scrolls a key.)
  const reveal = useCallback(
    (row: number, column: number) => {
      const container = scrollRef.current;
      if (!container || row < 0 || row >= rows.length) return;
      const cell = container.querySelector<HTMLElement>(
        `[data-row="${row}"][data-col="${column}"]`,
      );
      if (!cell) {
        virtualizer.scrollToIndex(row, { align: 'auto' });
        return;
      }
      const outer = container.getBoundingClientRect();
      const rect = cell.getBoundingClientRect();
      const header = container.querySelector('thead')?.getBoundingClientRect().height ?? 0;
      const top = outer.top + header;
      // A row taller than the window shows its top below the header, a shorter one its bottom
      // at the window's bottom.
      if (rect.top < top || (rect.bottom > outer.bottom && rect.height >= outer.bottom - top)) {
        container.scrollTop -= top - rect.top;
      } else if (rect.bottom > outer.bottom) container.scrollTop += rect.bottom - outer.bottom;
    },
    [virtualizer, rows.length],
  );

  const focusEditor = () =>
    scrollRef.current
      ?.querySelector<HTMLTextAreaElement>('textarea.cell-editor')
      ?.focus({ preventScroll: true });

  const onMouseDown = (event: MouseEvent<HTMLTableElement>) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-row][data-col]');
    if (!cell || (event.target as HTMLElement).closest('.drag-handle')) return;
    event.preventDefault();
    // Back from the project panel to the grid's own row: the panel, which stayed on its project
    // while the clerk was in it, follows the grid again (a move would have told it).
    if (globalThis.document.activeElement?.closest('.project-panel')) {
      useAppStore.setState((state) => ({ revealTick: state.revealTick + 1 }));
    }
    if (
      event.button === 0 ||
      !isInSelection(
        useAppStore.getState().selection,
        Number(cell.dataset.row),
        Number(cell.dataset.col),
      )
    ) {
      select(Number(cell.dataset.row), Number(cell.dataset.col), event.shiftKey);
    }
    focusEditor();
  };

  const onDrop = (event: DragEvent<HTMLTableElement>) => {
    const from = Number(event.dataTransfer.getData('application/x-jixiao-row'));
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-row]');
    if (!cell || !Number.isInteger(from)) return;
    event.preventDefault();
    dropRow(document, rows[from], rows[Number(cell.dataset.row)]);
  };

  const groups: Array<{ unitIndex: number; items: typeof items }> = [];
  for (const item of items) {
    const row = rows[item.index];
    if (!row) continue;
    const last = groups.at(-1);
    if (last && last.unitIndex === row.unitIndex) last.items.push(item);
    else groups.push({ unitIndex: row.unitIndex, items: [item] });
  }
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <div
      className="grid-scroll"
      ref={scrollRef}
      data-focus-region="grid"
      // Chromium lets Tab stop on a scrolling box whose only field is out of the Tab order; the
      // keys there would reach nothing, so the focus goes on to the active cell's text box.
      onFocus={(event) => {
        if (event.target === event.currentTarget) focusGrid();
      }}
    >
      <table
        className="disclosure"
        aria-label={zhCN.edit.gridLabel}
        aria-rowcount={rows.length + 2}
        onMouseDown={onMouseDown}
        onContextMenu={(event) => {
          const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-row][data-col]');
          if (!cell) return;
          event.preventDefault();
          // The menu acts on the selection: when the mouse press could not move it there (a cell
          // being typed in refused its text), it would act on another row than the one clicked.
          const { selection } = useAppStore.getState();
          if (!isInSelection(selection, Number(cell.dataset.row), Number(cell.dataset.col))) return;
          useAppStore.setState({ contextMenu: { x: event.clientX, y: event.clientY } });
        }}
        onDragOver={(event) => {
          if (event.dataTransfer.types.includes('application/x-jixiao-row')) event.preventDefault();
        }}
        onDrop={onDrop}
      >
        <colgroup>
          <col className="col-name" />
          <col className="col-money" span={4} style={{ width: moneyWidth(total) }} />
          <col className="col-goal" />
          <col className="col-indicators" />
        </colgroup>
        <thead>
          {stage !== 'target' ? <StageHeader stage={stage} document={document} /> : null}
          <tr hidden={stage !== 'target'}>
            {GRID_COLUMNS.map((column) => (
              <th key={column.key} scope="col">
                {column.label}
              </th>
            ))}
          </tr>
          <tr className="total-row" hidden={stage !== 'target'}>
            <th scope="row">合计</th>
            {AMOUNT_COLUMNS.map((key) => (
              <td key={key} className="money">
                {formatMoney(total[key], { blankZero: true })}
              </td>
            ))}
            <td />
            <td />
          </tr>
        </thead>
        {groups.map((group, groupIndex) => {
          const unit = document.units[group.unitIndex];
          if (!unit) return null;
          return (
            <tbody key={unit.id}>
              {groupIndex === 0 && before > 0 ? (
                <tr className="spacer" style={{ height: before }} />
              ) : null}
              {group.items.map((item) => {
                const row = rows[item.index] as GridRow;
                const common = {
                  row,
                  rowIndex: item.index,
                  measure: virtualizer.measureElement,
                  tall: item.size >= TALL_ROW,
                  mark: marks.get(row.kind === 'unit' ? row.unitId : row.projectId),
                };
                if (stage !== 'target') {
                  const project = row.kind === 'project' ? unit.projects[row.projectIndex] : null;
                  if (row.kind === 'unit')
                    return <StageUnitRow key={item.key} stage={stage} unit={unit} {...common} />;
                  return project ? (
                    <StageProjectRow
                      key={item.key}
                      stage={stage}
                      document={document}
                      project={project}
                      {...common}
                    />
                  ) : null;
                }
                if (row.kind === 'unit') return <UnitRow key={item.key} unit={unit} {...common} />;
                const project = unit.projects[row.projectIndex];
                return project ? (
                  <ProjectRow key={item.key} project={project} framework={framework} {...common} />
                ) : null;
              })}
              {groupIndex === groups.length - 1 && after > 0 ? (
                <tr className="spacer" style={{ height: after }} />
              ) : null}
            </tbody>
          );
        })}
      </table>
      <FollowActiveCell reveal={reveal} />
      <CellEditor
        scrollRef={scrollRef}
        layoutKey={virtualizer.getTotalSize()}
        onReveal={reveal}
        onOpenIndicators={openIndicators}
      />
    </div>
  );
});

/**
 * The amount columns' width: 78 px, or wide enough for the longest 合计 (no amount is negative,
 * so no row's amount is longer). A city's total of millions of 万元 ran into the next column.
 */
function moneyWidth(total: Record<(typeof AMOUNT_COLUMNS)[number], number>): string {
  // Digits are tabular (one `ch` each), separators about 0.4 `ch`; the padding is 6 px a side.
  const widest = Math.max(
    ...AMOUNT_COLUMNS.map((key) => {
      const text = formatMoney(total[key], { blankZero: true });
      const digits = text.replace(/[^0-9]/g, '').length;
      return digits + 0.4 * (text.length - digits);
    }),
  );
  return `max(78px, calc(${widest.toFixed(1)}ch + 14px))`;
}

const openIndicators = () => useAppStore.setState({ panelOpen: true });

function isInSelection(selection: Selection, row: number, column: number): boolean {
  return (
    row >= Math.min(selection.row, selection.anchorRow) &&
    row <= Math.max(selection.row, selection.anchorRow) &&
    column >= Math.min(selection.column, selection.anchorColumn) &&
    column <= Math.max(selection.column, selection.anchorColumn)
  );
}

/** Drag and drop of a row: projects move within or across units, units among units. */
function dropRow(
  document: JixiaoDocument,
  from: GridRow | undefined,
  to: GridRow | undefined,
): void {
  if (!from || !to || from === to) return;
  if (from.kind === 'unit') {
    if (commit('moveUnit', { unitId: from.unitId, toIndex: to.unitIndex })) selectId(from.unitId);
    return;
  }
  const toIndex = to.kind === 'unit' ? 0 : to.projectIndex;
  const unitId = document.units[to.unitIndex]?.id;
  if (unitId && commit('moveProject', { projectId: from.projectId, toUnitId: unitId, toIndex })) {
    selectId(from.projectId);
  }
}
