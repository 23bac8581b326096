import { useMemo, useState } from 'react';
import { buildLayout } from '../../../shared/export/layouts';
import { exportCurrent } from '../documentFiles';
import { zhCN } from '../i18n/zh-CN';
import { FontNotice } from './FontNotice';
import { Modal } from './Modal';
import type { ExportFormat } from '../../../shared/model';
import { useAppStore } from '../store';

const text = zhCN.exportDialog;

type Choice = 'disclosure' | 'formAnnual' | 'formMidterm' | 'detail';

/** Chooses the table layout of an export; the host then asks where to save. */
export function ExportDialog({ format }: { format: ExportFormat }) {
  const [choice, setChoice] = useState<Choice>('disclosure');
  const close = () => useAppStore.setState({ exportDialog: null });
  const document = useAppStore((state) => state.current?.document);
  const fonts = useMemo(
    () =>
      document && format !== 'txt'
        ? buildLayout(document, {
            layout: choice === 'disclosure' ? 'disclosure' : 'form',
            variant: choice === 'formMidterm' ? 'midterm' : 'annual',
          }).fonts
        : null,
    [document, format, choice],
  );
  const choices: Choice[] =
    format === 'txt' ? ['disclosure'] : ['disclosure', 'formAnnual', 'formMidterm'];
  if (format === 'xlsx') choices.push('detail');
  const submit = () =>
    void exportCurrent({
      format,
      layout: choice === 'disclosure' || choice === 'detail' ? choice : 'form',
      ...(choice === 'disclosure' || choice === 'detail'
        ? {}
        : { variant: choice === 'formMidterm' ? 'midterm' : 'annual' }),
    });
  return (
    <Modal labelledBy="export-title" onEscape={close}>
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
            {text.layouts[value]}
          </label>
        ))}
      </fieldset>
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
