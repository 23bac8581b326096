import {
  applyAction,
  edit,
  EditError,
  record,
  redo,
  undo,
  type DocumentActionArgs,
  type DocumentActionId,
} from '../../shared/edit';
import type { JixiaoDocument } from '../../shared/model';
import { editLabel, refusal } from './editRules';
import { currentRegion } from './focus';
import { rowOfChange, select } from './grid/gridModel';
import { scheduleRecovery } from './recovery';
import { stageEdit } from './stage/stageState';
import { zhCN } from './i18n/zh-CN';
import { notify, useAppStore } from './store';

let lastError: string | null = null;

/** The reason the last refused edit gave (shown next to the field that asked for it). */
export function lastEditError(): string | null {
  return lastError;
}

/**
 * Runs one document action as one undo step: the document, the history and the unsaved marker
 * change together, and autosave is scheduled. Returns false (with a Chinese notice) when the
 * action refused.
 */
export function commit<K extends DocumentActionId>(
  id: K,
  args: DocumentActionArgs[K],
  label?: string,
): boolean {
  const state = useAppStore.getState();
  const current = state.current;
  if (!current) return false;
  lastError = null;
  const staged = stageEdit(current.document, id, args);
  const refused =
    refusal(current.document, id, args) ?? (staged && 'refused' in staged ? staged.refused : null);
  if (refused) {
    lastError = refused;
    notify({ kind: 'error', text: refused });
    return false;
  }
  let result;
  try {
    result = staged && 'run' in staged ? staged.run() : applyAction(current.document, id, args);
  } catch (error) {
    if (error instanceof EditError) {
      lastError = error.message;
      notify({ kind: 'error', text: error.message });
      return false;
    }
    throw error;
  }
  const named = label ?? editLabel(id, args);
  if (named) result = { ...result, label: named };
  if (result.patches.length === 0) return true;
  useAppStore.setState({
    current: { ...current, document: result.document, dirty: true },
    history: record(state.history, result),
    notice: state.notice?.kind === 'error' ? null : state.notice,
  });
  scheduleRecovery();
  return true;
}

/**
 * Replaces the open document by `next` (computed by a pure function such as a merge) as one undo
 * step labelled `label`: only the top-level fields that differ are recorded.
 */
export function commitDocument(label: string, next: JixiaoDocument): boolean {
  const state = useAppStore.getState();
  const current = state.current;
  if (!current) return false;
  const result = edit(current.document, (draft) => {
    const target = draft as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(next)) {
      if ((current.document as unknown as Record<string, unknown>)[key] !== value)
        target[key] = value;
    }
  });
  if (result.patches.length === 0) return true;
  useAppStore.setState({
    current: { ...current, document: result.document, dirty: true },
    history: record(state.history, {
      label,
      patches: result.patches,
      inversePatches: result.inversePatches,
    }),
  });
  scheduleRecovery();
  return true;
}

/** Undoes the newest gesture (direction 'undo') or redoes the last undone one ('redo'). */
export function undoRedo(direction: 'undo' | 'redo'): void {
  const state = useAppStore.getState();
  const current = state.current;
  if (!current) return;
  const result = (direction === 'undo' ? undo : redo)(state.history, current.document);
  if (!result) {
    notify({
      kind: 'info',
      text: direction === 'undo' ? zhCN.edit.nothingToUndo : zhCN.edit.nothingToRedo,
    });
    return;
  }
  useAppStore.setState({
    current: { ...current, document: result.document, dirty: true },
    history: result.history,
    notice: {
      kind: 'info',
      text:
        direction === 'undo'
          ? zhCN.edit.undone(result.entry.label)
          : zhCN.edit.redone(result.entry.label),
    },
  });
  // As in Excel, the cursor goes to what was undone or redone, so the clerk sees it change (in
  // a long table it was out of sight). Not from the project panel, which stays where the clerk is.
  if (currentRegion() === 'grid') {
    const row = rowOfChange(
      result.document,
      direction === 'undo' ? result.entry.inversePatches : result.entry.patches,
    );
    const { selection } = useAppStore.getState();
    if (row !== null && row !== selection.row) select(row, selection.column);
  }
  scheduleRecovery();
}
