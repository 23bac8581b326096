import { useMemo, useState } from 'react';
import { midtermWarnings } from '../../../shared/export/formLayout';
import type { StageLayoutKind } from '../../../shared/export/layout';
import { buildLayout } from '../../../shared/export/layouts';
import { stageWarnings } from '../../../shared/export/stageLayouts';
import type { ExportFormat, ExportRequest } from '../../../shared/model';
import { projectLabel } from '../../../shared/model/quote';
import { exportCurrent } from '../documentFiles';
import { zhCN } from '../i18n/zh-CN';
import { FontNotice } from './FontNotice';
import { Modal } from './Modal';
import { useAppStore } from '../store';
import './exportDialog.css';

const text = zhCN.exportDialog;

/** The stage layouts (监控, 自评, 汇总): their dialog labels and the export layout they are. */
const STAGE_CHOICES = {
  monitoring: { layout: 'monitoring', label: '绩效目标执行监控表（A4 纵向，每个项目一页）' },
  selfEvaluation: {
    layout: 'self-evaluation',
    label: '绩效自评表（A4 纵向，每个项目一页，得分自动计算）',
  },
  stageSummary: {
    layout: 'stage-summary',
    label: '监控与自评汇总表（全部项目的执行率和总分一张表）',
  },
} as const satisfies Record<string, { layout: StageLayoutKind; label: string }>;

type StageChoice = keyof typeof STAGE_CHOICES;
type Choice = 'disclosure' | 'formAnnual' | 'formMidterm' | 'detail' | StageChoice;

const WARNINGS_TITLE = '导出前请注意：';

function isStage(choice: Choice): choice is StageChoice {
  return choice in STAGE_CHOICES;
}

/** The export request of a choice. */
function optionsOf(choice: Choice, format: ExportFormat): ExportRequest {
  if (isStage(choice)) return { format, layout: STAGE_CHOICES[choice].layout };
  if (choice === 'disclosure' || choice === 'detail') return { format, layout: choice };
  return { format, layout: 'form', variant: choice === 'formMidterm' ? 'midterm' : 'annual' };
}

/** Chooses the table layout of an export; the host then asks where to save. */
export function ExportDialog({ format }: { format: ExportFormat }) {
  const [choice, setChoice] = useState<Choice>('disclosure');
  const close = () => useAppStore.setState({ exportDialog: null });
  const document = useAppStore((state) => state.current?.document);
  const fonts = useMemo(() => {
    if (!document || format === 'txt') return null;
    const options = optionsOf(choice, format);
    // The 明细表 uses the disclosure table's fonts.
    const layout = options.layout === 'detail' ? 'disclosure' : options.layout;
    return buildLayout(document, { layout, variant: options.variant ?? 'annual' }).fonts;
  }, [document, format, choice]);
  // What the clerk must know before the file goes out: blank 中期 fields, missing stage data.
  const warnings = useMemo(() => {
    if (!document) return [];
    if (choice === 'formMidterm') return midtermWarnings(document);
    return isStage(choice) ? stageWarnings(document, STAGE_CHOICES[choice].layout) : [];
  }, [document, choice]);
  const choices: Choice[] =
    format === 'txt'
      ? ['disclosure']
      : ['disclosure', 'formAnnual', 'formMidterm', ...(Object.keys(STAGE_CHOICES) as Choice[])];
  if (format === 'xlsx') choices.splice(3, 0, 'detail');
  const submit = () => void exportCurrent(optionsOf(choice, format));
  return (
    <Modal labelledBy="export-title" className="export-dialog" onEscape={close}>
      <h2 id="export-title">{text.title[format]}</h2>
      <fieldset>
        <legend>{text.layoutLabel}</legend>
        {choices.map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="export-layout"
              value={value}
              checked={choice === value}
              onChange={() => setChoice(value)}
            />
            {isStage(value) ? STAGE_CHOICES[value].label : text.layouts[value]}
          </label>
        ))}
      </fieldset>
      {warnings.length > 0 && (
        <div
          className="font-note export-warnings"
          role="note"
          aria-label={WARNINGS_TITLE}
          style={{ maxHeight: '12em', overflowY: 'auto' }}
        >
          {WARNINGS_TITLE}
          <ul>
            {warnings.map((warning, index) => (
              <li key={index}>
                {warning.text}
                {warning.projects && (
                  <details className="export-warning-projects">
                    <summary>{text.allProjects(warning.projects.length)}</summary>
                    <ul>
                      {warning.projects.map((name, at) => (
                        <li key={at}>{projectLabel({ name })}</li>
                      ))}
                    </ul>
                  </details>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {fonts && <FontNotice fonts={fonts} purpose="export" />}
      <div className="modal-actions">
        <button type="button" className="primary" onClick={submit}>
          {text.confirm}
        </button>
        <button type="button" onClick={close}>
          {text.cancel}
        </button>
      </div>
    </Modal>
  );
}

/** Blocks the window while a long host call runs, saying what is happening. */
export function ProgressOverlay({ text: label }: { text: string }) {
  return (
    <div className="modal-backdrop" role="status" aria-live="polite">
      <div className="modal progress">
        <div className="spinner" aria-hidden="true" />
        {label}
      </div>
    </div>
  );
}
