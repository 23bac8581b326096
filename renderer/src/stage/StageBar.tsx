import { useState, type KeyboardEvent } from 'react';
import { STAGES, newId, type Stage } from '../../../shared/model';
import { Modal } from '../components/Modal';
import { commit, lastEditError } from '../editing';
import { zhCN } from '../i18n/zh-CN';
import { notify, useAppStore } from '../store';
import { openAdjustment, setStage, useStage } from './stageState';
import './stage.css';

const text = zhCN.stage;

/**
 * 目标 / 监控 / 自评: a segmented control (a radio group: the arrow keys move between stages, Alt+1
 * to Alt+3 from anywhere). A click does not take the focus from where the clerk was typing.
 */
function StageSwitch() {
  const stage = useStage();
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = STAGES[(STAGES.indexOf(stage) + step + STAGES.length) % STAGES.length] as Stage;
    setStage(next);
    event.currentTarget.querySelector<HTMLElement>(`[data-stage="${next}"]`)?.focus();
  };
  return (
    <div
      className="stage-switch"
      role="radiogroup"
      aria-label={text.switchLabel}
      onKeyDown={onKeyDown}
    >
      {STAGES.map((item) => (
        <button
          key={item}
          type="button"
          role="radio"
          data-stage={item}
          aria-checked={item === stage}
          tabIndex={item === stage ? 0 : -1}
          title={text.hints[item]}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => setStage(item)}
        >
          {text.names[item]}
        </button>
      ))}
    </div>
  );
}

/** 目标调整: who unlocks and why; the unlock is one undoable edit that starts the record. */
function AdjustDialog({
  stage,
  onClose,
}: {
  stage: 'monitoring' | 'evaluation';
  onClose: () => void;
}) {
  const previous = useAppStore(
    (state) => state.current?.document.targetAdjustments?.at(-1)?.by ?? '',
  );
  const [by, setBy] = useState(previous);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const labels = text.adjustDialog;
  const submit = () => {
    const current = useAppStore.getState().current;
    if (!current) return;
    if (by.trim() === '') {
      setError(labels.byRequired);
      return;
    }
    const id = newId('adj');
    const ok = commit('startTargetAdjustment', {
      id,
      at: new Date().toISOString(),
      by: by.trim(),
      stage,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    });
    if (!ok) {
      setError(lastEditError());
      return;
    }
    useAppStore.setState({ adjusting: { documentId: current.documentId, adjustmentId: id } });
    notify({ kind: 'info', text: text.unlocked });
    onClose();
  };
  return (
    <Modal labelledBy="adjust-title" className="adjust-dialog" onSubmit={submit} onEscape={onClose}>
      <h2 id="adjust-title">{labels.heading}</h2>
      <p className="muted">{labels.intro}</p>
      <label>
        {labels.by}
        <input value={by} onChange={(event) => setBy(event.target.value)} aria-invalid={!!error} />
      </label>
      <label>
        {labels.reason}
        <input
          value={reason}
          placeholder={labels.reasonPlaceholder}
          onChange={(event) => setReason(event.target.value)}
        />
      </label>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="modal-actions">
        <button type="submit" className="primary">
          {labels.ok}
        </button>
        <button type="button" onClick={onClose}>
          {labels.cancel}
        </button>
      </div>
    </Modal>
  );
}

/** The stage switch and, in 监控 / 自评, the lock of the target fields (目标调整). */
export function StageBar() {
  const stage = useStage();
  const adjustment = useAppStore((state) => openAdjustment(state));
  const count = useAppStore((state) => state.current?.document.targetAdjustments?.length ?? 0);
  const [dialog, setDialog] = useState(false);
  return (
    <div className="stage-bar">
      <StageSwitch />
      {stage !== 'target' ? (
        adjustment ? (
          <span className="stage-lock unlocked" role="status">
            {text.adjusting(adjustment.by)}
            <button
              type="button"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => {
                useAppStore.setState({ adjusting: null });
                notify({ kind: 'info', text: text.lockedBadge });
              }}
            >
              {text.endAdjust}
            </button>
          </span>
        ) : (
          <span
            className="stage-lock"
            title={count > 0 ? text.adjustmentsHeading(count) : undefined}
          >
            {text.lockedBadge}
            <button type="button" onClick={() => setDialog(true)}>
              {text.adjust}
            </button>
          </span>
        )
      ) : null}
      {dialog && stage !== 'target' ? (
        <AdjustDialog stage={stage} onClose={() => setDialog(false)} />
      ) : null}
    </div>
  );
}
