import type { Failure, OpenedDocument, Result } from '../../shared/ipc';
import type { ExportRequest, JixiaoDocument } from '../../shared/model';
import { api } from './api';
import { documentJsonParts, sendParts } from './documentJson';
import { zhCN } from './i18n/zh-CN';
import { cancelRecovery, scheduleRecovery } from './recovery';
import { whileHostAsks } from './focus';
import { notify, showOpened, useAppStore, type OpenDocument } from './store';
import { settlePendingEdits } from './pendingEdits';

export async function refreshRecent(): Promise<void> {
  const result = await api().listRecent();
  if (result.ok) useAppStore.setState({ recent: result.files });
}

export function reportFailure(result: Failure): void {
  if (result.code !== 'cancelled') notify({ kind: 'error', text: result.message });
}

/**
 * Settles unsaved work before the document goes away: 保存 / 不保存 / 取消. Returns false when
 * the user cancelled (or the save did not happen).
 */
export async function settleUnsaved(): Promise<boolean> {
  const current = useAppStore.getState().current;
  if (!current || !current.dirty) return true;
  const answer = await whileHostAsks(() => api().confirmUnsaved({ fileName: current.fileName }));
  if (!answer.ok || answer.choice === 'cancel') return false;
  if (answer.choice === 'save') return save(current.untitled || current.isSample);
  cancelRecovery();
  await api().clearRecovery({ documentId: current.documentId });
  useAppStore.setState({ current: { ...current, dirty: false } });
  return true;
}

/** Opens what `call` returns, after settling unsaved work in the open document. */
export async function openWith(call: () => Promise<Result<OpenedDocument>>): Promise<void> {
  if (!(await settleUnsaved())) return;
  useAppStore.setState({ busy: true });
  try {
    const result = await call();
    if (!result.ok) {
      await refreshRecent();
      return reportFailure(result);
    }
    await closeCurrent();
    showOpened(result);
    notify(
      result.migratedFrom
        ? { kind: 'info', text: zhCN.status.migrated(result.migratedFrom) }
        : null,
    );
    await refreshRecent();
  } finally {
    useAppStore.setState({ busy: false });
  }
}

export async function closeCurrent(): Promise<void> {
  const current = useAppStore.getState().current;
  if (!current) return;
  cancelRecovery();
  await api().closeDocument({ documentId: current.documentId });
}

let transfers = 0;

/**
 * Hands the document to the host in parts (documentJson.ts), one part per task, so a Save of a
 * city's table does not stop the window for the whole document's copy (about a second at
 * 10,000 projects); the save then names the transfer.
 */
async function stageDocument(
  documentId: string,
  document: JixiaoDocument,
): Promise<{ ok: true; transfer: string } | Failure> {
  const transfer = `save-${Date.now().toString(36)}-${(transfers += 1)}`;
  const parts = await documentJsonParts(document);
  const sent = await sendParts(parts, (part, text) =>
    api().stageDocument({ documentId, transfer, part, parts: parts.length, text }),
  );
  if (typeof sent !== 'string') return sent;
  return { ok: true, transfer };
}

/** Saves the open document (asking where for new, sample and imported ones); true when saved. */
export async function save(as: boolean): Promise<boolean> {
  const current = useAppStore.getState().current;
  if (!current) return false;
  // The host asks where to save a new, sample or imported document.
  if (as || current.untitled || current.isSample) return whileHostAsks(() => saveNow(current, as));
  return saveNow(current, as);
}

async function saveNow(current: OpenDocument, as: boolean): Promise<boolean> {
  const staged = await stageDocument(current.documentId, current.document);
  if (!staged.ok) {
    reportFailure(staged);
    return false;
  }
  const argument = { documentId: current.documentId, staged: staged.transfer };
  const result = await (as ? api().saveDocumentAs(argument) : api().saveDocument(argument));
  if (!result.ok) {
    reportFailure(result);
    return false;
  }
  const latest = useAppStore.getState().current ?? current;
  // The host dropped the recovery copy with the save; edits made meanwhile get a new one.
  if (latest.document === current.document) cancelRecovery();
  else scheduleRecovery();
  useAppStore.setState({
    current: {
      ...latest,
      fileName: result.fileName,
      untitled: false,
      isSample: false,
      // Edits made while the host was writing stay unsaved.
      dirty: latest.document !== current.document,
    },
  });
  notify({ kind: 'info', text: zhCN.status.saved(result.fileName) });
  await refreshRecent();
  return true;
}

/** Closes the document and shows the welcome screen. */
export async function closeDocument(): Promise<void> {
  if (!(await settleUnsaved())) return;
  await closeCurrent();
  useAppStore.setState({ current: null, notice: null });
  await refreshRecent();
}

/** Exports the open document through the host's save dialog, with a progress overlay. */
export async function exportCurrent(
  options: ExportRequest,
  /** What to export instead of the open document as it is (变动说明 against a picked file). */
  document?: JixiaoDocument,
): Promise<void> {
  const current = useAppStore.getState().current;
  if (!current) return;
  useAppStore.setState({ exportDialog: null, progress: zhCN.exportDialog.working });
  try {
    const result = await api().exportDocument({
      documentId: current.documentId,
      document: document ?? current.document,
      options,
    });
    if (!result.ok) return reportFailure(result);
    const exportId = result.exportId;
    const show = (how: 'open' | 'folder') => async () => {
      if (!exportId) return;
      const shown = await api().showExported({ exportId, how });
      if (!shown.ok) reportFailure(shown);
    };
    notify({
      kind: 'info',
      text: zhCN.exportDialog.done(result.fileName, Math.ceil(result.bytes / 1024)),
      actions: exportId
        ? [
            { label: zhCN.exportDialog.openFile, run: show('open') },
            { label: zhCN.exportDialog.openFolder, run: show('folder') },
          ]
        : undefined,
    });
  } finally {
    useAppStore.setState({ progress: null });
  }
}

/** Opens a recent file by the id the host gave it. */
export function openRecent(recentId: string): Promise<void> {
  return openWith(() => api().openRecent({ recentId }));
}

/** First start: autosaved work to offer, then the sample when there are no recent files. */
export async function startUp(): Promise<void> {
  const [, recovery, result] = await Promise.all([
    refreshRecent(),
    api().listRecovery(),
    api().openStartup(),
  ]);
  if (recovery.ok && recovery.entries.length > 0) {
    useAppStore.setState({ recoveryOffer: recovery.entries });
  }
  if (!result.ok) return reportFailure(result);
  if (result.opened && !useAppStore.getState().current) showOpened(result.opened);
}

/** 恢复: opens the autosaved copy (unsaved) in place of what is open. */
export async function restoreRecovery(recoveryId: string): Promise<void> {
  const result = await api().restoreRecovery({ recoveryId });
  useAppStore.setState((state) => ({
    recoveryOffer: state.recoveryOffer.filter((entry) => entry.id !== recoveryId),
  }));
  if (!result.ok) return reportFailure(result);
  await closeCurrent();
  showOpened(result);
  notify({ kind: 'info', text: zhCN.recovery.restored(result.fileName) });
}

/** 放弃: deletes the autosaved copy. */
export async function discardRecovery(recoveryId: string): Promise<void> {
  useAppStore.setState((state) => ({
    recoveryOffer: state.recoveryOffer.filter((entry) => entry.id !== recoveryId),
  }));
  await api().discardRecovery({ recoveryId });
}

/** The window's close button: settle unsaved work, then let the host close the window. */
export async function handleCloseRequest(): Promise<void> {
  // Typing not yet confirmed is written first, so the 是否保存 question covers it; a refused one
  // keeps the window open with its reason shown.
  if (!settlePendingEdits()) {
    notify({ kind: 'error', text: zhCN.edit.pendingRefused(zhCN.edit.closeWindow) });
    return;
  }
  if (!(await settleUnsaved())) return;
  await api().closeWindow();
}
