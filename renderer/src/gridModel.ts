import { gridRows, GRID_COLUMNS, type GridRow } from '../../shared/edit';
import type { JixiaoDocument } from '../../shared/model';
import { useAppStore, type Selection } from './store';

const cache = new WeakMap<JixiaoDocument, GridRow[]>();

/** The grid rows of a document, computed once per document version. */
export function rowsOf(document: JixiaoDocument): GridRow[] {
  let rows = cache.get(document);
  if (!rows) {
    rows = gridRows(document);
    cache.set(document, rows);
  }
  return rows;
}

export const COLUMN_COUNT = GRID_COLUMNS.length;

/** The active row of the open document, if any. */
export function activeRow(): GridRow | undefined {
  const { current, selection } = useAppStore.getState();
  return current ? rowsOf(current.document)[selection.row] : undefined;
}

/** Rows covered by the selection, top to bottom. */
export function selectedRows(): GridRow[] {
  const { current, selection } = useAppStore.getState();
  if (!current) return [];
  const [from, to] = [selection.row, selection.anchorRow].sort((a, b) => a - b) as [number, number];
  return rowsOf(current.document).slice(from, to + 1);
}

/** Moves the active cell (and the range anchor unless extending), kept inside the grid. */
export function select(row: number, column: number, extend = false): void {
  const { current, selection } = useAppStore.getState();
  const count = current ? rowsOf(current.document).length : 0;
  const next: Selection = {
    row: Math.max(0, Math.min(count - 1, row)),
    column: Math.max(0, Math.min(COLUMN_COUNT - 1, column)),
    anchorRow: selection.anchorRow,
    anchorColumn: selection.anchorColumn,
  };
  if (!extend) {
    next.anchorRow = next.row;
    next.anchorColumn = next.column;
  }
  useAppStore.setState({ selection: next });
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
