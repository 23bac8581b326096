import { useState } from 'react';
import { rollForward } from '../../../shared/model';
import { api } from '../api';
import { closeCurrent, refreshRecent, reportFailure, settleUnsaved } from '../documentFiles';
import { zhCN } from '../i18n/zh-CN';
import { notify, showOpened, useAppStore } from '../store';
import { Modal } from './Modal';

const text = zhCN.rollForward;

/**
 * 文件 → 新建下一年度…: a new, unsaved document for the next budget year made from the open one
 * (units, projects, goals and indicators kept; amounts kept or cleared). The open document is
 * settled first (保存 / 不保存) and stays on disk as it was. Year numbers in its texts are marked in
 * the grid for review, never rewritten.
 */
export async function rollCurrentForward(toYear: number, keepAmounts: boolean): Promise<void> {
  const current = useAppStore.getState().current;
  if (!current || !(await settleUnsaved())) return;
  const rolled = rollForward(current.document, { toYear, keepAmounts });
  const fresh = await api().newDocument();
  if (!fresh.ok) return reportFailure(fresh);
  await closeCurrent();
  showOpened({
    ...fresh,
    document: rolled.document,
    fileName: text.fileName(toYear, rolled.document.title),
  });
  const opened = useAppStore.getState().current;
  useAppStore.setState({
    current: opened ? { ...opened, dirty: true } : opened,
    overlay: null,
    importFlow: { stage: 'review', documentId: fresh.documentId, toYear, review: rolled.review },
  });
  notify({ kind: 'info', text: zhCN.importDialog.rolled(current.document.fiscalYear, toYear) });
  await refreshRecent();
}

/** Asks the new year (the open document's year + 1) and whether to keep the amounts. */
export function RollForwardDialog({ fromYear }: { fromYear: number | null }) {
  const [year, setYear] = useState(String((fromYear ?? new Date().getFullYear()) + 1));
  const [keepAmounts, setKeepAmounts] = useState(false);
  const parsed = Number(year.trim());
  const valid = /^\d{4}$/.test(year.trim()) && parsed >= 1980 && parsed <= 2199;
  const close = () => useAppStore.setState({ overlay: null });
  return (
    <Modal
      labelledBy="roll-forward-title"
      className="properties"
      onEscape={close}
      onSubmit={() => {
        if (valid) void rollCurrentForward(parsed, keepAmounts);
      }}
    >
      <h2 id="roll-forward-title">{text.heading}</h2>
      <p className="muted">{text.body(fromYear)}</p>
      <label>
        {zhCN.importDialog.toYear}
        <input
          value={year}
          inputMode="numeric"
          aria-invalid={!valid}
          aria-describedby={valid ? undefined : 'roll-forward-error'}
          onChange={(event) => setYear(event.target.value)}
        />
      </label>
      {valid ? null : (
        <p className="field-error" id="roll-forward-error">
          {zhCN.importDialog.badYear}
        </p>
      )}
      <label className="choice">
        <input
          type="checkbox"
          checked={keepAmounts}
          onChange={(event) => setKeepAmounts(event.target.checked)}
        />
        {zhCN.importDialog.keepAmounts}
      </label>
      {keepAmounts ? null : <p className="muted">{zhCN.importDialog.keepAmountsHint}</p>}
      <div className="modal-actions">
        <button type="submit" className="primary" disabled={!valid}>
          {text.confirm}
        </button>
        <button type="button" onClick={close}>
          {zhCN.properties.cancel}
        </button>
      </div>
    </Modal>
  );
}
