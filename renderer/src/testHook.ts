import { activeRow } from './grid/gridModel';
import { useAppStore } from './store';

/**
 * A read-only window onto the open document for end-to-end tests (the keyboard monkey compares
 * documents, not DOM text, after every key). Installed only when the page was opened with
 * `window.__jixiaoTestHooks = true` set before it loaded, which only the test harness does;
 * nothing in it can change the document.
 */
export function installTestHook(): void {
  const target = window as unknown as { __jixiaoTestHooks?: boolean; __jixiaoTest?: unknown };
  if (target.__jixiaoTestHooks !== true) return;
  let version = 0;
  let last = useAppStore.getState().current?.document;
  useAppStore.subscribe((state) => {
    if (state.current?.document !== last) {
      last = state.current?.document;
      version += 1;
    }
  });
  target.__jixiaoTest = Object.freeze({
    /** Grows by one each time the open document changes (any edit, undo or open). */
    version: () => version,
    /** The open document as JSON, or null. */
    document: () => {
      const document = useAppStore.getState().current?.document;
      return document ? JSON.stringify(document) : null;
    },
    /** Id of the project (or unit) of the grid's active row, or null. */
    activeRowId: () => {
      const row = activeRow();
      return row ? (row.kind === 'unit' ? row.unitId : row.projectId) : null;
    },
    /** Undo steps recorded. */
    undoDepth: () => useAppStore.getState().history.undo.length,
  });
}
