import {
  applyRecordedAction,
  changesTargets,
  type ActionEdit,
  type DocumentActionArgs,
  type DocumentActionId,
} from '../../../shared/edit';
import type { JixiaoDocument, Stage, TargetAdjustment } from '../../../shared/model';
import { zhCN } from '../i18n/zh-CN';
import { notify, useAppStore, type AppState } from '../store';
import { settlePendingEdits } from '../pendingEdits';

function stageOf(state: AppState): Stage {
  const id = state.current?.documentId;
  return (id && state.stages[id]) || 'target';
}

/** The stage the open document's view shows (目标 unless the clerk switched). */
export function useStage(): Stage {
  return useAppStore(stageOf);
}

export function currentStage(): Stage {
  return stageOf(useAppStore.getState());
}

/** Switches the open document's view to a stage; the choice is kept for that document. */
export function setStage(stage: Stage): void {
  const { current, stages } = useAppStore.getState();
  if (!current || stages[current.documentId] === stage) return;
  // Typing in a cell or field of this stage is written before the view changes under it.
  if (!settlePendingEdits()) {
    notify({ kind: 'error', text: zhCN.edit.pendingRefused(zhCN.stage.names[stage]) });
    return;
  }
  useAppStore.setState({ stages: { ...stages, [current.documentId]: stage } });
}

/** The open 目标调整 record, if the clerk unlocked one and it is still in the document. */
export function openAdjustment(state: AppState = useAppStore.getState()): TargetAdjustment | null {
  const { current, adjusting } = state;
  if (!current || !adjusting || adjusting.documentId !== current.documentId) return null;
  return (
    current.document.targetAdjustments?.find((entry) => entry.id === adjusting.adjustmentId) ?? null
  );
}

/** True when the open 目标调整 lets the view edit target fields. */
export function useTargetsEditable(): boolean {
  return useAppStore((state) => stageOf(state) === 'target' || openAdjustment(state) !== null);
}

/** Grid columns of the 监控 / 自评 view are summaries: only the name (a target field) is a cell. */
function gridCellsOutsideName(id: DocumentActionId, args: unknown): boolean {
  if (id === 'setCells') {
    return (args as DocumentActionArgs['setCells']).cells.some((cell) => cell.column !== 'name');
  }
  if (id === 'pasteGrid') {
    const { column, block } = args as DocumentActionArgs['pasteGrid'];
    return column !== 'name' || block.some((row) => row.length > 1);
  }
  return false;
}

/**
 * How the stage view treats a document action: refused (with the reason), recorded in the open
 * 目标调整, or run as it is. Target edits in 监控 / 自评 need 目标调整 unlocked.
 */
export function stageEdit<K extends DocumentActionId>(
  document: JixiaoDocument,
  id: K,
  args: DocumentActionArgs[K],
): { refused: string } | { run: () => ActionEdit } | null {
  if (currentStage() === 'target' || !changesTargets(id)) return null;
  if (gridCellsOutsideName(id, args)) return { refused: zhCN.stage.gridReadOnly };
  const adjustment = openAdjustment();
  if (!adjustment) return { refused: zhCN.stage.locked };
  return { run: () => applyRecordedAction(document, id, args, adjustment.id) };
}

/**
 * Why a grid cell of the 监控 / 自评 view cannot be typed into, or null: the figures are typed in
 * the panel; the name is a target field, open only while 目标调整 is unlocked.
 */
export function stageCellRefusal(column: string): string | null {
  if (currentStage() === 'target') return null;
  if (column !== 'name') return zhCN.stage.gridReadOnly;
  return openAdjustment() ? null : zhCN.stage.locked;
}
