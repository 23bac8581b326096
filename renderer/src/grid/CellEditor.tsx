import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import {
  editText,
  GRID_COLUMNS,
  isCellEditable,
  rowRef,
  type GridColumnKey,
  type RowRef,
} from '../../../shared/edit';
import { currentStage, stageCellRefusal } from '../stage/stageState';
import { commit, lastEditError } from '../editing';
import { guardActiveCell, rowsOf, select } from './gridModel';
import { zhCN } from '../i18n/zh-CN';
import { gridMayTakeKeys } from '../focus';
import { notify, useAppStore } from '../store';
import { holdPending } from '../pendingEdits';
import { clearSelection, copySelection, pasteInto } from './cellClipboard';
import './cellEditor.css';

/** Editing state of the active cell: `replace` started by typing, `edit` by Enter/F2/double click. */
interface Editing {
  row: number;
  column: number;
  /** The project or unit and the field being edited: what the text is written to. */
  target: RowRef;
  key: GridColumnKey;
  mode: 'replace' | 'edit';
  initial: string;
}

interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

/** What placeBox last wrote to each element's style. */
const lastPlaced = new WeakMap<HTMLElement, { placed: string; width: string; height: string }>();

/**
 * Puts an absolutely placed element over `box`, at least `minWidth` wide. It is moved by a
 * transform on its own layer, so a move lays nothing out (top/left did); the page's layers are
 * still put together again each move, about 0.5 ms with the panel closed.
 */
function placeBox(element: HTMLElement, box: Box, minWidth: number): void {
  const placed = `translate(${box.left}px, ${box.top}px)`;
  const width = `${Math.max(box.width, minWidth)}px`;
  const height = `${box.height}px`;
  // Each write marks the box's style for recomputing; a move seldom changes its size.
  const last = lastPlaced.get(element);
  const { style } = element;
  if (last?.placed !== placed) style.transform = placed;
  if (last?.width !== width) style.width = width;
  if (last?.height !== height) style.height = height;
  lastPlaced.set(element, { placed, width, height });
}

/**
 * Marks the active cell (`data-active`, which React never writes, so a row rendered again for
 * its own reasons keeps it) and unmarks the one before: the table's cells are not rendered for
 * a move. Screen readers follow the focused text box; tests find the active cell by it.
 */
function markActiveCell(container: HTMLElement | null, row: number, column: number): void {
  if (!container) return;
  const previous = container.querySelector('[data-active]');
  const cell = container.querySelector(`[data-row="${row}"][data-col="${column}"]`);
  if (previous === cell) return;
  previous?.removeAttribute('data-active');
  cell?.setAttribute('data-active', '');
}

/** Puts a refusal's message under the box. */
function placeError(element: HTMLElement | null, box: Box | null): void {
  if (!element || !box) return;
  element.style.top = `${box.top + box.height + 2}px`;
  element.style.left = `${box.left}px`;
}

const MOVES: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/**
 * The grid's single text box. It keeps the focus while the clerk moves around, invisible over
 * the active cell, so the first key of a word (or of a pinyin composition) lands in it and
 * starts editing without being lost. Keys that belong to an IME composition are never handled.
 */
export function CellEditor({
  scrollRef,
  layoutKey,
  onReveal,
  onOpenIndicators,
}: {
  scrollRef: RefObject<HTMLDivElement | null>;
  /** Changes whenever rows are measured or moved, so the box follows its cell. */
  layoutKey: number;
  /** Scrolls the cell into view. */
  onReveal: (row: number, column: number) => void;
  onOpenIndicators: () => void;
}) {
  const selection = useAppStore((state) => state.selection);
  const document = useAppStore((state) => state.current?.document);
  const [editing, setEditing] = useState<Editing | null>(null);
  /**
   * The edit as it is now, before React renders again: a second finish in the same moment (a
   * save that wrote the cell, then a blur or another command) finds it over and writes nothing.
   */
  const editingNow = useRef<Editing | null>(null);
  /** Where the box sits: written to the DOM directly, so a move renders nothing again. */
  const box = useRef<Box | null>(null);
  /** Why the last confirm was refused, shown under the cell while it stays open to fix. */
  const [error, setError] = useState<string | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const cursorRef = useRef<HTMLDivElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const composing = useRef(false);
  /** Where the last Tab landed, and the column its run of Tabs began at on that row. */
  const tabRun = useRef<{
    row: number;
    column: number;
    at: { row: number; column: number };
  } | null>(null);

  useLayoutEffect(() => {
    const container = scrollRef.current;
    const cell = container?.querySelector<HTMLElement>(
      `[data-row="${selection.row}"][data-col="${selection.column}"]`,
    );
    const cursor = cursorRef.current;
    if (!container || !cell) {
      if (cursor) cursor.hidden = true;
      return;
    }
    const outer = container.getBoundingClientRect();
    const rect = cell.getBoundingClientRect();
    const header = container.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    // A row can be taller than the window (long goals): the box is sized for typing and sits
    // at the visible top of the cell, not stretched over the whole cell.
    const key = GRID_COLUMNS[selection.column]?.key;
    const height =
      key === 'goal'
        ? Math.min(Math.max(rect.height, 160), 320)
        : Math.max(30, Math.min(rect.height, key === 'name' ? 96 : 34));
    const cellTop = rect.top - outer.top + container.scrollTop;
    const visibleTop = container.scrollTop + header;
    const left = rect.left - outer.left + container.scrollLeft;
    box.current = {
      top: Math.max(cellTop, Math.min(visibleTop, cellTop + rect.height - height)),
      left,
      width: rect.width,
      height,
    };
    if (textRef.current) placeBox(textRef.current, box.current, editing ? 120 : 0);
    if (cursor) {
      placeBox(cursor, { top: cellTop, left, width: rect.width, height: rect.height }, 0);
      cursor.hidden = false;
    }
    placeError(errorRef.current, box.current);
  }, [scrollRef, selection.row, selection.column, document, layoutKey, editing]);

  // After every render: the rows the grid rendered with it may be new elements.
  useLayoutEffect(() => markActiveCell(scrollRef.current, selection.row, selection.column));

  // A refusal's message sits under the box.
  useLayoutEffect(() => placeError(errorRef.current, box.current), [error]);

  // Takes the focus back after a move or an edit only while the grid owns the keyboard (focus.ts):
  // never from a panel field, the find bar, a menu or a dialog.
  useLayoutEffect(() => {
    const text = textRef.current;
    // …and only when no other control holds the focus (focus.ts keeps the region up to date,
    // this makes sure a stale region can never pull the keys away from a visible field).
    const active = globalThis.document.activeElement;
    const elsewhere =
      active !== null &&
      active !== globalThis.document.body &&
      !scrollRef.current?.contains(active);
    if (text && active !== text && gridMayTakeKeys() && !elsewhere)
      text.focus({ preventScroll: true });
  }, [selection, document, scrollRef]);

  const cellInfo = (row: number, column: number) => {
    if (!document) return null;
    const gridRow = rowsOf(document)[row];
    const key = GRID_COLUMNS[column]?.key;
    return gridRow && key ? { gridRow, key } : null;
  };

  const begin = (mode: Editing['mode']): boolean => {
    const info = cellInfo(selection.row, selection.column);
    const text = textRef.current;
    if (!info || !text || !document) return false;
    const staged = stageCellRefusal(info.key);
    if (staged) {
      if (info.gridRow.kind === 'project') onOpenIndicators();
      notify({ kind: 'info', text: staged });
      text.value = '';
      return false;
    }
    if (!isCellEditable(info.gridRow, info.key)) {
      if (info.key === 'indicators' && info.gridRow.kind === 'project') {
        // Said every time: with the panel already open, opening it shows nothing new.
        onOpenIndicators();
        notify({ kind: 'info', text: zhCN.edit.indicatorsInPanel });
      } else notify({ kind: 'info', text: zhCN.edit.derived });
      text.value = '';
      return false;
    }
    const initial = editText(document, info.gridRow, info.key);
    if (mode === 'edit') {
      text.value = initial;
      text.setSelectionRange(initial.length, initial.length);
    }
    onReveal(selection.row, selection.column);
    editingNow.current = {
      row: selection.row,
      column: selection.column,
      target: rowRef(info.gridRow),
      key: info.key,
      mode,
      initial,
    };
    setEditing(editingNow.current);
    return true;
  };

  /** Writes the edit; false when the text was refused (the editor stays open to fix it). */
  const finish = (save: boolean): boolean => {
    const text = textRef.current;
    const open = editingNow.current;
    if (!text || open === null) return true;
    // Written to the project the edit began on, whatever rows came or went meanwhile (an undo).
    if (save && text.value !== open.initial) {
      const written = commit('setCells', {
        cells: [{ row: open.target, column: open.key, text: text.value }],
      });
      if (!written) {
        setError(lastEditError());
        return false;
      }
    }
    text.value = '';
    setError(null);
    editingNow.current = null;
    setEditing(null);
    return true;
  };

  // Typing in the cell is written before a save, a close or another command (pendingEdits.ts),
  // as Excel does with a cell being edited; the cell stays where it is.
  const settleTyping = useRef(finish);
  useLayoutEffect(() => {
    settleTyping.current = finish;
  });
  const isEditing = editing !== null;
  useLayoutEffect(
    () => (isEditing ? holdPending(() => settleTyping.current(true)) : undefined),
    [isEditing],
  );
  // Rows that come or go above an open edit (an undo, a row dragged, 移到单位) move its project:
  // the cursor goes with it, so the text stays over the project it is written to.
  useLayoutEffect(() => {
    const open = editingNow.current;
    if (!open || !document) return;
    const at = rowsOf(document).findIndex((row) =>
      open.target.kind === 'unit'
        ? row.kind === 'unit' && row.unitId === open.target.unitId
        : row.kind === 'project' && row.projectId === open.target.projectId,
    );
    if (at < 0 || at === open.row) return;
    open.row = at;
    select(at, open.column);
  }, [document]);

  // Nothing moves the active cell away from an open edit without writing it first (a refusal
  // keeps the cell where it is): an edit left open on a cell out of sight was written there
  // by a later key, to a project the clerk no longer looked at.
  useLayoutEffect(
    () =>
      isEditing
        ? guardActiveCell((row, column) => {
            const open = editingNow.current;
            if (open === null || (open.row === row && open.column === column)) return true;
            return settleTyping.current(true);
          })
        : undefined,
    [isEditing],
  );

  // The grid scrolls the new active cell into view itself (FollowActiveCell); asking the
  // virtualizer too made it write scrollTop and watch the scroll for frames after every move.
  const move = (rows: number, columns: number, extend = false) => {
    select(selection.row + rows, selection.column + columns, extend);
  };

  /**
   * Tab and Shift+Tab: the next or previous column, wrapping to the next or previous row at the
   * ends, as in a Word or WPS table. Remembers where the run of Tabs began on its row.
   */
  const tab = (backward: boolean) => {
    const last = GRID_COLUMNS.length - 1;
    const rowCount = document ? rowsOf(document).length : 0;
    let { row, column } = selection;
    const step = () => {
      if (backward && column > 0) column -= 1;
      else if (backward && row > 0) [row, column] = [row - 1, last];
      else if (!backward && column < last) column += 1;
      else if (!backward && row < rowCount - 1) [row, column] = [row + 1, 0];
    };
    step();
    // 总计 is summed, never typed: Tab passes it, so name, Tab, amount lands in 财政拨款 (the
    // amount typed there was refused). Arrows and clicks still reach it.
    if (GRID_COLUMNS[column]?.key === 'total' && currentStage() === 'target') step();
    const run = tabRun.current;
    const start =
      run && run.at.row === selection.row && run.at.column === selection.column && run.row === row
        ? run.column
        : row === selection.row
          ? selection.column
          : column;
    tabRun.current = { row, column: start, at: { row, column } };
    select(row, column);
  };

  /**
   * Enter after typing across a row with Tab goes to the next row under the cell the Tabs began
   * at, as in Excel; otherwise straight down.
   */
  const down = () => {
    const run = tabRun.current;
    tabRun.current = null;
    if (run && run.at.row === selection.row && run.at.column === selection.column)
      select(selection.row + 1, run.column);
    else move(1, 0);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>) => {
    // Defence in depth: a key that reaches the box while the grid does not own the keyboard.
    if (!gridMayTakeKeys()) {
      event.preventDefault();
      return;
    }
    // An Enter or Tab that confirms a pinyin composition belongs to the IME.
    if (event.nativeEvent.isComposing || event.keyCode === 229 || composing.current) return;
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    if (editing) {
      if ((event.ctrlKey || event.metaKey) && ['z', 'y'].includes(event.key.toLowerCase())) {
        // The page-wide native undo could reach other fields: Ctrl+Z puts back the cell's text.
        event.preventDefault();
        if (event.key.toLowerCase() === 'z' && !event.shiftKey) {
          event.currentTarget.value = editing.initial;
        }
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setError(null);
        finish(false);
      } else if (event.key === 'Enter' && (event.altKey || event.shiftKey)) {
        event.preventDefault();
        event.currentTarget.setRangeText(
          '\n',
          event.currentTarget.selectionStart,
          event.currentTarget.selectionEnd,
          'end',
        );
      } else if (event.key === 'Enter' && plain) {
        event.preventDefault();
        if (finish(true)) down();
      } else if (event.key === 'Tab' && !event.ctrlKey && !event.altKey) {
        event.preventDefault();
        if (finish(true)) tab(event.shiftKey);
      } else if (editing.mode === 'replace' && plain && !event.shiftKey && MOVES[event.key]) {
        event.preventDefault();
        const [rows, columns] = MOVES[event.key] as [number, number];
        if (finish(true)) move(rows, columns);
      }
      return;
    }
    // Ctrl+Home / Ctrl+End: the first cell and the last one, as in Excel and WPS (with Shift,
    // the selection reaches there).
    if (
      (event.ctrlKey || event.metaKey) &&
      !event.altKey &&
      (event.key === 'Home' || event.key === 'End') &&
      document
    ) {
      event.preventDefault();
      const home = event.key === 'Home';
      select(
        home ? 0 : rowsOf(document).length - 1,
        home ? 0 : GRID_COLUMNS.length - 1,
        event.shiftKey,
      );
      return;
    }
    if (!plain && !(event.shiftKey && MOVES[event.key])) return;
    const delta = MOVES[event.key];
    if (delta) {
      event.preventDefault();
      move(delta[0], delta[1], event.shiftKey);
    } else if (event.key === 'Tab') {
      event.preventDefault();
      tab(event.shiftKey);
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      begin('edit');
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      clearSelection();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      select(selection.row, event.key === 'Home' ? 0 : GRID_COLUMNS.length - 1);
    }
  };

  const editingHere = editing !== null;
  // Its own form: Chromium's autofill reads every field of the form a typed-in field belongs to
  // on each key, and fields outside any form all count as one form (the project panel's ~100).
  return (
    <form className="cell-editor-form" onSubmit={(event) => event.preventDefault()}>
      <textarea
        ref={textRef}
        className={editingHere ? 'cell-editor editing' : 'cell-editor'}
        aria-label={zhCN.edit.cellEditor}
        data-grid-editor={editingHere ? 'editing' : 'navigating'}
        tabIndex={-1}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'cell-error' : undefined}
        spellCheck={false}
        onKeyDown={onKeyDown}
        onCompositionStart={() => {
          composing.current = true;
          if (!editing) begin('replace');
        }}
        onCompositionEnd={() => {
          composing.current = false;
        }}
        onInput={(event) => {
          if (!gridMayTakeKeys() && !editing) {
            event.currentTarget.value = '';
            return;
          }
          if (!editing && !composing.current && event.currentTarget.value !== '') {
            const typed = event.currentTarget.value;
            if (begin('replace')) event.currentTarget.value = typed;
          }
        }}
        onBlur={() => {
          if (editing) finish(true);
        }}
        onDoubleClick={() => begin('edit')}
        onCopy={(event) => {
          if (editing) return;
          event.preventDefault();
          copySelection(event.clipboardData);
        }}
        onCut={(event) => {
          if (editing) return;
          event.preventDefault();
          copySelection(event.clipboardData);
          clearSelection();
        }}
        onPaste={(event) => {
          if (editing) return;
          event.preventDefault();
          pasteInto(event.clipboardData);
        }}
      />
      <div className="grid-cursor" ref={cursorRef} hidden aria-hidden="true" />
      {error && editing ? (
        <div className="cell-error" id="cell-error" ref={errorRef}>
          {error}
        </div>
      ) : null}
    </form>
  );
}
