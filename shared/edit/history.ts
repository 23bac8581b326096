import type { JixiaoDocument } from '../model';
import { replay, type Patch } from './patches';

/** One undo step: what a single gesture changed (typing a cell, a paste, a drag). */
export interface HistoryEntry {
  label: string;
  patches: Patch[];
  inversePatches: Patch[];
}

/** Undo and redo stacks; the newest entry is last. */
export interface History {
  undo: HistoryEntry[];
  redo: HistoryEntry[];
}

export const EMPTY_HISTORY: History = { undo: [], redo: [] };

/** Steps kept; older ones fall off. */
export const HISTORY_LIMIT = 300;

/** Records a gesture; a new gesture clears redo. Entries that changed nothing are not kept. */
export function record(history: History, entry: HistoryEntry): History {
  if (entry.patches.length === 0) return history;
  const undo = [...history.undo, entry];
  if (undo.length > HISTORY_LIMIT) undo.splice(0, undo.length - HISTORY_LIMIT);
  return { undo, redo: [] };
}

export interface Step {
  document: JixiaoDocument;
  history: History;
  entry: HistoryEntry;
}

/** Reverses the newest gesture, or returns null when there is nothing to undo. */
export function undo(history: History, document: JixiaoDocument): Step | null {
  const entry = history.undo.at(-1);
  if (!entry) return null;
  return {
    document: replay(document, entry.inversePatches),
    history: { undo: history.undo.slice(0, -1), redo: [...history.redo, entry] },
    entry,
  };
}

/** Replays the newest undone gesture, or returns null when there is nothing to redo. */
export function redo(history: History, document: JixiaoDocument): Step | null {
  const entry = history.redo.at(-1);
  if (!entry) return null;
  return {
    document: replay(document, entry.patches),
    history: { undo: [...history.undo, entry], redo: history.redo.slice(0, -1) },
    entry,
  };
}
