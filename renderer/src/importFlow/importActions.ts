import { describeStageMerge, mergeStageValues } from '../../../shared/import/stages/merge';
import { MAX_PASTED_CHARS, type OpenedDocument } from '../../../shared/ipc';
import {
  findDuplicates,
  mergeDocuments,
  rollForward,
  type DuplicateResolution,
} from '../../../shared/model';
import { api } from '../api';
import { closeCurrent, refreshRecent, reportFailure, settleUnsaved } from '../documentFiles';
import { commitDocument } from '../editing';
import { zhCN } from '../i18n/zh-CN';
import { notify, showOpened, useAppStore } from '../store';
import { usePasteStore } from './pasteStore';

const text = zhCN.importDialog;
const pasteText = zhCN.pasteImport;

/** The import waiting in the dialog, if any. */
function pending(): OpenedDocument | null {
  const flow = useAppStore.getState().importFlow;
  return flow?.stage === 'dialog' ? flow.opened : null;
}

/**
 * 导入往年表格…: asks the host for a file and shows the import dialog over what is open.
 * With `merge` (合并同事的文件…) the dialog goes straight to merging into the open document.
 */
export async function startImport(merge = false): Promise<void> {
  if (pending()) return;
  useAppStore.setState({ busy: true });
  try {
    const result = await api().importFile();
    if (!result.ok) return reportFailure(result);
    useAppStore.setState({ importFlow: { stage: 'dialog', opened: result, merge } });
  } finally {
    useAppStore.setState({ busy: false });
  }
}

/** 粘贴表格导入…: opens the paste box (with what was pasted last time, if it was refused). */
export function startPasteImport(): void {
  if (pending()) return;
  usePasteStore.setState({ open: true });
}

/**
 * Closes the paste box, the open document untouched. What was pasted is kept for the next
 * opening (selected there, so a new paste replaces it): an Esc threw a long paste away.
 */
export function cancelPasteImport(): void {
  usePasteStore.setState({ open: false, error: null });
}

/**
 * 导入 in the paste box: the host reads the text as a file's; the import dialog follows. A refusal
 * stays in the box under the text, which is kept for the clerk to fix or paste again.
 */
export async function submitPastedText(pasted: string): Promise<void> {
  const paste = pasteText;
  if (pasted.trim() === '') return usePasteStore.setState({ error: paste.empty });
  if (pasted.length > MAX_PASTED_CHARS) {
    return usePasteStore.setState({ error: paste.tooLong(MAX_PASTED_CHARS) });
  }
  useAppStore.setState({ busy: true });
  try {
    const result = await api().importText({ text: pasted });
    if (!result.ok) {
      usePasteStore.setState({ error: result.message });
      return;
    }
    usePasteStore.setState({ open: false, text: '', error: null });
    useAppStore.setState({ importFlow: { stage: 'dialog', opened: result } });
  } finally {
    useAppStore.setState({ busy: false });
  }
}

/** 取消: closes the import's host session; the open document is untouched. */
export async function cancelImport(): Promise<void> {
  const opened = pending();
  if (!opened) return;
  useAppStore.setState({ importFlow: null });
  await api().closeDocument({ documentId: opened.documentId });
}

/** 作为新文档打开: the import replaces the open document, with its report shown. */
export async function openImportAsNew(): Promise<void> {
  const opened = pending();
  if (!opened || !(await settleUnsaved())) return;
  await closeCurrent();
  showOpened(opened);
  useAppStore.setState({ importFlow: null });
  notify(null);
  await refreshRecent();
}

/** 并入当前文档: merges the import into the open document as one undo step. */
export async function mergeImport(resolutions: Record<string, DuplicateResolution>): Promise<void> {
  const flow = useAppStore.getState().importFlow;
  const opened = pending();
  const current = useAppStore.getState().current;
  if (!opened || !current) return;
  const colleague = flow?.stage === 'dialog' && flow.merge === true;
  const duplicates = findDuplicates(current.document, opened.document);
  const result = mergeDocuments(current.document, opened.document, { resolutions });
  const chosen = (id: string) => resolutions[id] ?? 'keep-both';
  const replaced = duplicates.filter((entry) => chosen(entry.incomingProjectId) === 'replace');
  const skipped = duplicates.filter((entry) => chosen(entry.incomingProjectId) === 'skip');
  const incoming = opened.document.units.reduce((sum, unit) => sum + unit.projects.length, 0);
  const added = incoming - replaced.length - skipped.length;
  const unchanged = JSON.stringify(result.document) === JSON.stringify(current.document);
  if (!unchanged) {
    commitDocument(colleague ? text.mergeColleagueUndoLabel : text.mergeUndoLabel, result.document);
  }
  useAppStore.setState({ importFlow: null });
  await api().closeDocument({ documentId: opened.documentId });
  notify({
    // Amounts set to 0 or replaced are to be checked: shown as long as a warning.
    kind: !unchanged && result.checks.length > 0 ? 'warning' : 'info',
    text: unchanged
      ? text.nothingMerged
      : [
          text.merged(added, replaced.length, skipped.length),
          ...result.checks,
          ...result.notes,
        ].join(' '),
  });
}

/** 复制上年: opens the import rolled forward to `toYear` and lists the years found in texts. */
export async function rollForwardImport(toYear: number, keepAmounts: boolean): Promise<void> {
  const opened = pending();
  if (!opened || !(await settleUnsaved())) return;
  const rolled = rollForward(opened.document, { toYear, keepAmounts });
  await closeCurrent();
  // Unsaved, as every import; the report was read in the dialog, the review list replaces it.
  showOpened({ ...opened, document: rolled.document });
  const current = useAppStore.getState().current;
  useAppStore.setState({
    current: current ? { ...current, importReport: null } : current,
    importFlow: {
      stage: 'review',
      documentId: opened.documentId,
      toYear,
      review: rolled.review,
    },
  });
  notify({ kind: 'info', text: text.rolled(opened.document.fiscalYear, toYear) });
  await refreshRecent();
}

/**
 * 合并到当前文档的监控/自评数据: puts a filled 监控表 or 自评表's values into the open document's
 * matching projects and indicators as one undo step; the merge report (what did not match, what
 * was replaced, printed figures that differ from ours) replaces the import report under the grid.
 */
export async function mergeStageImport(): Promise<void> {
  const opened = pending();
  const stage = opened?.importReport?.stage;
  const current = useAppStore.getState().current;
  if (!opened || !stage || !current) return;
  const { document, report } = mergeStageValues(current.document, opened.document, stage);
  const changed = JSON.stringify(document) !== JSON.stringify(current.document);
  if (changed) commitDocument(zhCN.stageImport.undoLabel(stage.kind), document);
  const merged = useAppStore.getState().current;
  useAppStore.setState({
    importFlow: null,
    current: merged && {
      ...merged,
      importReport: {
        format: zhCN.stageImport.reportFormat(stage.kind),
        entries: report.entries,
        counts: report.matched,
      },
    },
  });
  await api().closeDocument({ documentId: opened.documentId });
  notify({
    kind: 'info',
    text: changed ? describeStageMerge(report) : zhCN.stageImport.nothingMerged,
  });
}
