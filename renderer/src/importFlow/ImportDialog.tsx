import { useState } from 'react';
import type { OpenedDocument } from '../../../shared/ipc';
import { findDuplicates, type DuplicateResolution } from '../../../shared/model';
import { zhCN } from '../i18n/zh-CN';
import { Modal } from '../components/Modal';
import { useAppStore } from '../store';
import {
  cancelImport,
  mergeImport,
  mergeStageImport,
  openImportAsNew,
  rollForwardImport,
} from './importActions';
import { GroupedReport, ImportSummary } from './ImportPreview';
import './importDialog.css';

const text = zhCN.importDialog;
const stageText = zhCN.stageImport;
const RESOLUTIONS: DuplicateResolution[] = ['keep-both', 'replace', 'skip'];

type Step = 'choose' | 'merge' | 'rollForward';

/** After a file is imported: preview and report, then 新文档 / 并入 / 复制上年, or 取消. */
export function ImportDialog({
  opened,
  merge = false,
}: {
  opened: OpenedDocument;
  /** Opened by 合并同事的文件…: starts at the merge step. */
  merge?: boolean;
}) {
  const current = useAppStore((state) => state.current);
  const busy = useAppStore((state) => state.busy);
  // A filled 监控表 / 自评表 always starts at the choice: its own merge comes first there.
  const stageForm = opened.importReport?.stage !== undefined;
  const [step, setStep] = useState<Step>(merge && current && !stageForm ? 'merge' : 'choose');
  const run = (work: () => Promise<void>) => {
    useAppStore.setState({ busy: true });
    void work().finally(() => useAppStore.setState({ busy: false }));
  };
  return (
    <Modal
      labelledBy="import-dialog-title"
      className="import-dialog"
      onEscape={() => run(cancelImport)}
    >
      <h2 id="import-dialog-title" className="import-dialog-title">
        {merge ? text.mergeHeading : text.heading}
        <span className="file-name" data-testid="import-file-name">
          {opened.fileName}
          <span className="unsaved">（{text.unsaved}）</span>
        </span>
      </h2>
      <div className="import-dialog-body">
        <ImportSummary document={opened.document} />
        {opened.importReport ? <GroupedReport report={opened.importReport} /> : null}
      </div>
      {step === 'choose' ? (
        <ChooseStep
          stage={opened.importReport?.stage?.kind ?? null}
          onMergeStage={() => run(mergeStageImport)}
          canMerge={current !== null}
          currentName={current?.fileName ?? ''}
          busy={busy}
          onOpen={() => run(openImportAsNew)}
          onStep={setStep}
        />
      ) : null}
      {step === 'merge' && current ? (
        <MergeStep
          opened={opened}
          busy={busy}
          onBack={() => setStep('choose')}
          onMerge={(resolutions) => run(() => mergeImport(resolutions))}
        />
      ) : null}
      {step === 'rollForward' ? (
        <RollForwardStep
          sourceYear={opened.document.fiscalYear}
          busy={busy}
          onBack={() => setStep('choose')}
          onRoll={(year, keep) => run(() => rollForwardImport(year, keep))}
        />
      ) : null}
    </Modal>
  );
}

function ChooseStep(props: {
  /** The filled stage form the import is, if any: its merge comes first. */
  stage: 'monitoring' | 'evaluation' | null;
  onMergeStage: () => void;
  canMerge: boolean;
  currentName: string;
  busy: boolean;
  onOpen: () => void;
  onStep: (step: Step) => void;
}) {
  return (
    <div className="import-choices">
      <p className="muted">{text.choose}</p>
      <div className="import-choice-list">
        {props.stage ? (
          <button
            type="button"
            className="import-choice primary"
            data-testid="merge-stage"
            autoFocus={props.canMerge}
            disabled={props.busy || !props.canMerge}
            title={props.canMerge ? undefined : stageText.needsDocument}
            onClick={props.onMergeStage}
          >
            <strong>{stageText.merge(props.stage)}</strong>
            <small>
              {props.canMerge ? stageText.mergeHint(props.currentName) : stageText.needsDocument}
            </small>
          </button>
        ) : null}
        <button
          type="button"
          className={props.stage ? 'import-choice' : 'import-choice primary'}
          // The dialog takes the keyboard at once: Enter opens, Escape cancels.
          autoFocus={!props.stage || !props.canMerge}
          disabled={props.busy}
          onClick={props.onOpen}
        >
          <strong>{text.openAsNew}</strong>
          <small>{text.openAsNewHint}</small>
        </button>
        <button
          type="button"
          className="import-choice"
          disabled={props.busy || !props.canMerge}
          title={props.canMerge ? undefined : text.mergeNeedsDocument}
          onClick={() => props.onStep('merge')}
        >
          <strong>{text.merge}</strong>
          <small>
            {props.canMerge ? text.mergeHint(props.currentName) : text.mergeNeedsDocument}
          </small>
        </button>
        <button
          type="button"
          className="import-choice"
          disabled={props.busy}
          onClick={() => props.onStep('rollForward')}
        >
          <strong>{text.rollForward}</strong>
          <small>{text.rollForwardHint}</small>
        </button>
      </div>
      <div className="modal-actions">
        <button type="button" disabled={props.busy} onClick={() => void cancelImport()}>
          {text.cancel}
        </button>
      </div>
    </div>
  );
}

function MergeStep(props: {
  opened: OpenedDocument;
  busy: boolean;
  onBack: () => void;
  onMerge: (resolutions: Record<string, DuplicateResolution>) => void;
}) {
  const current = useAppStore((state) => state.current);
  const duplicates = current ? findDuplicates(current.document, props.opened.document) : [];
  const [resolutions, setResolutions] = useState<Record<string, DuplicateResolution>>({});
  const chosen = (id: string) => resolutions[id] ?? 'keep-both';
  const setAll = (resolution: DuplicateResolution) =>
    setResolutions(
      Object.fromEntries(duplicates.map((entry) => [entry.incomingProjectId, resolution])),
    );
  const incoming = props.opened.document.units.reduce((sum, unit) => sum + unit.projects.length, 0);
  return (
    <form
      className="import-step import-merge"
      onSubmit={(event) => {
        event.preventDefault();
        props.onMerge(
          Object.fromEntries(
            duplicates.map((entry) => [entry.incomingProjectId, chosen(entry.incomingProjectId)]),
          ),
        );
      }}
    >
      <h3>{text.merge}</h3>
      {duplicates.length === 0 ? (
        <p>{text.noDuplicates(incoming)}</p>
      ) : (
        <>
          <p>{text.duplicatesHeading(duplicates.length)}</p>
          <p className="import-set-all">
            {text.setAll}
            {RESOLUTIONS.map((resolution) => (
              <button key={resolution} type="button" onClick={() => setAll(resolution)}>
                {text.resolutions[resolution]}
              </button>
            ))}
          </p>
          <ul className="duplicate-list">
            {duplicates.map((entry) => (
              <li key={entry.incomingProjectId} className="duplicate">
                <span className="duplicate-name">
                  {entry.unit} › {entry.project}
                </span>
                <select
                  aria-label={text.resolutionFor(entry.project)}
                  value={chosen(entry.incomingProjectId)}
                  onChange={(event) =>
                    setResolutions((previous) => ({
                      ...previous,
                      [entry.incomingProjectId]: event.target.value as DuplicateResolution,
                    }))
                  }
                >
                  {RESOLUTIONS.map((resolution) => (
                    <option key={resolution} value={resolution}>
                      {text.resolutions[resolution]}
                    </option>
                  ))}
                </select>
              </li>
            ))}
          </ul>
        </>
      )}
      <StepActions
        confirm={text.confirmMerge}
        disabled={props.busy}
        busy={props.busy}
        onBack={props.onBack}
      />
    </form>
  );
}

/** The footer of a step: its confirm button (submits the form), 返回 and 取消. */
function StepActions(props: {
  confirm: string;
  disabled: boolean;
  busy: boolean;
  onBack: () => void;
}) {
  return (
    <div className="modal-actions">
      <button type="submit" className="primary" disabled={props.disabled}>
        {props.confirm}
      </button>
      <button type="button" onClick={props.onBack}>
        {text.back}
      </button>
      <button type="button" disabled={props.busy} onClick={() => void cancelImport()}>
        {text.cancel}
      </button>
    </div>
  );
}

function RollForwardStep(props: {
  sourceYear: number | null;
  busy: boolean;
  onBack: () => void;
  onRoll: (year: number, keepAmounts: boolean) => void;
}) {
  const [year, setYear] = useState(String((props.sourceYear ?? new Date().getFullYear()) + 1));
  const [keepAmounts, setKeepAmounts] = useState(false);
  const parsed = Number(year.trim());
  const valid = /^\d{4}$/.test(year.trim()) && parsed >= 1980 && parsed <= 2199;
  return (
    <form
      className="import-step import-roll"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) props.onRoll(parsed, keepAmounts);
      }}
    >
      <h3>{text.rollForward}</h3>
      <label>
        {text.toYear}
        <input
          value={year}
          inputMode="numeric"
          aria-invalid={!valid}
          onChange={(event) => setYear(event.target.value)}
        />
      </label>
      {valid ? null : <p className="field-error">{text.badYear}</p>}
      <label className="choice">
        <input
          type="checkbox"
          checked={keepAmounts}
          onChange={(event) => setKeepAmounts(event.target.checked)}
        />
        {text.keepAmounts}
      </label>
      {keepAmounts ? null : <p className="muted">{text.keepAmountsHint}</p>}
      <StepActions
        confirm={text.confirmRollForward}
        disabled={props.busy || !valid}
        busy={props.busy}
        onBack={props.onBack}
      />
    </form>
  );
}
