import { gridRows, GRID_COLUMNS, type GridRow, type Patch } from '../../../shared/edit';
import type { JixiaoDocument } from '../../../shared/model';
import { useAppStore, type Selection } from '../store';

const cache = new WeakMap<JixiaoDocument, GridRow[]>();
let last: { document: JixiaoDocument; rows: GridRow[] } | null = null;

/**
 * True when `rows`, the rows of `previous`, still list this document's units and projects in
 * order. A unit that is the same object as in `previous` is known to match (immer shares what an
 * edit did not touch), so an amount edit checks only the one unit it changed.
 */
function sameStructure(
  document: JixiaoDocument,
  previous: JixiaoDocument,
  rows: readonly GridRow[],
): boolean {
  let index = 0;
  for (const [unitIndex, unit] of document.units.entries()) {
    if (unit === previous.units[unitIndex]) {
      const unitRow = rows[index];
      if (unitRow?.kind !== 'unit' || unitRow.unitId !== unit.id) return false;
      index += unit.projects.length + 1;
      continue;
    }
    const unitRow = rows[index++];
    if (unitRow?.kind !== 'unit' || unitRow.unitId !== unit.id) return false;
    for (const project of unit.projects) {
      const row = rows[index++];
      if (row?.kind !== 'project' || row.projectId !== project.id) return false;
    }
  }
  return index === rows.length;
}

/**
 * The grid rows of a document, computed once per document version. An edit that keeps every
 * unit and project in place (a cell, an amount) gets the same array back, so the grid's
 * virtualizer does not lay out every row again after it.
 */
export function rowsOf(document: JixiaoDocument): GridRow[] {
  let rows = cache.get(document);
  if (!rows) {
    rows =
      last && sameStructure(document, last.document, last.rows) ? last.rows : gridRows(document);
    cache.set(document, rows);
    last = { document, rows };
  }
  return rows;
}

export const COLUMN_COUNT = GRID_COLUMNS.length;

/** The active row of the open document, if any. */
export function activeRow(): GridRow | undefined {
  const { current, selection } = useAppStore.getState();
  return current ? rowsOf(current.document)[selection.row] : undefined;
}

/** The selected block: its first and last row and column (the anchor and the active cell sorted). */
export function selectedRange(): { top: number; bottom: number; left: number; right: number } {
  const { selection } = useAppStore.getState();
  const [top, bottom] = [selection.row, selection.anchorRow].sort((a, b) => a - b) as [
    number,
    number,
  ];
  const [left, right] = [selection.column, selection.anchorColumn].sort((a, b) => a - b) as [
    number,
    number,
  ];
  return { top, bottom, left, right };
}

/** Rows covered by the selection, top to bottom. */
export function selectedRows(): GridRow[] {
  const { current, selection } = useAppStore.getState();
  if (!current) return [];
  const [from, to] = [selection.row, selection.anchorRow].sort((a, b) => a - b) as [number, number];
  return rowsOf(current.document).slice(from, to + 1);
}

/**
 * Asked before the active cell moves elsewhere: the grid's open cell writes its text first, and
 * when that text is refused the cell stays where it is (its reason under it). Otherwise the
 * open edit would stay behind on a cell the clerk no longer sees, its text written there later.
 */
let leaveCell: ((row: number, column: number) => boolean) | null = null;

/** Registers the open cell's guard (see `leaveCell`); the returned function ends it. */
export function guardActiveCell(guard: (row: number, column: number) => boolean): () => void {
  leaveCell = guard;
  return () => {
    if (leaveCell === guard) leaveCell = null;
  };
}

/**
 * Moves the active cell (and the range anchor unless extending), kept inside the grid. False
 * when the open cell's text was refused and the cell stays.
 */
export function select(row: number, column: number, extend = false): boolean {
  const { current } = useAppStore.getState();
  const count = current ? rowsOf(current.document).length : 0;
  const target = {
    row: Math.max(0, Math.min(count - 1, row)),
    column: Math.max(0, Math.min(COLUMN_COUNT - 1, column)),
  };
  if (leaveCell && !leaveCell(target.row, target.column)) {
    // The refused cell is brought back into sight, where the keys go on.
    useAppStore.setState((state) => ({ revealTick: state.revealTick + 1 }));
    return false;
  }
  // Read after the guard: writing the open cell may have changed the store.
  const { selection } = useAppStore.getState();
  const next: Selection = {
    ...target,
    anchorRow: selection.anchorRow,
    anchorColumn: selection.anchorColumn,
  };
  if (!extend) {
    next.anchorRow = next.row;
    next.anchorColumn = next.column;
  }
  useAppStore.setState({ selection: next });
  return true;
}

/** Selects the row holding this project or unit id (after a structure edit). */
export function selectId(id: string, column = 0): void {
  const current = useAppStore.getState().current;
  if (!current) return;
  const index = rowsOf(current.document).findIndex((row) =>
    row.kind === 'unit' ? row.unitId === id : row.projectId === id,
  );
  if (index >= 0) select(index, column);
}

/**
 * The grid row a change lies in, from the first of its patches that reaches a unit: that
 * project's row (or the one now at its place, when it was taken out), else the unit's. Null for
 * a change of the document as a whole (its title, all units at once).
 */
export function rowOfChange(document: JixiaoDocument, patches: readonly Patch[]): number | null {
  const path = patches.find((patch) => patch.path[0] === 'units' && patch.path.length > 1)?.path;
  if (!path || typeof path[1] !== 'number') return null;
  const unit = document.units[Math.min(path[1], document.units.length - 1)];
  if (!unit) return null;
  const at = path[2] === 'projects' && typeof path[3] === 'number' ? path[3] : null;
  const project = at === null ? undefined : unit.projects[Math.min(at, unit.projects.length - 1)];
  const index = rowsOf(document).findIndex((row) =>
    project
      ? row.kind === 'project' && row.projectId === project.id
      : row.kind === 'unit' && row.unitId === unit.id,
  );
  return index < 0 ? null : index;
}
