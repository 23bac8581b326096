import { useEffect, useId, useRef } from 'react';
import { zhCN } from '../i18n/zh-CN';
import { Modal } from '../components/Modal';
import { useAppStore } from '../store';
import { cancelPasteImport, submitPastedText } from './importActions';
import { usePasteStore } from './pasteStore';
import './pasteImport.css';

const text = zhCN.pasteImport;

/** Counts lines the way the importer will see them. */
function lineCount(value: string): number {
  return value === '' ? 0 : value.split(/\r\n|\r|\n/).length;
}

/**
 * 粘贴表格导入: a text box for a table copied out of a PDF, Word, a web page or a spreadsheet.
 * 导入 goes to the same import dialog as a file; a refusal is explained under the text, which is
 * kept. Ctrl+Enter imports, Escape cancels.
 */
export function PasteImportDialog() {
  const { text: value, error } = usePasteStore();
  const busy = useAppStore((state) => state.busy);
  const hintId = useId();
  const errorId = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  // Text kept from the last opening is selected: a new paste or the first key replaces it.
  useEffect(() => box.current?.select(), []);
  const submit = () => {
    if (!busy) void submitPastedText(usePasteStore.getState().text);
  };
  return (
    <Modal
      labelledBy="paste-import-title"
      className="paste-import"
      onSubmit={submit}
      onEscape={cancelPasteImport}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          submit();
        }
      }}
    >
      <h2 id="paste-import-title">{text.heading}</h2>
      <p id={hintId} className="muted">
        {text.hint}
      </p>
      <textarea
        ref={box}
        className="paste-import-text"
        aria-label={text.label}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        aria-invalid={error !== null}
        autoFocus
        spellCheck={false}
        wrap="off"
        value={value}
        onChange={(event) => usePasteStore.setState({ text: event.target.value, error: null })}
      />
      <p className="muted paste-import-count">{text.count(value.length, lineCount(value))}</p>
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="modal-actions">
        <button type="submit" className="primary" disabled={busy || value.trim() === ''}>
          {busy ? text.working : text.confirm}
        </button>
        <button type="button" disabled={busy} onClick={cancelPasteImport}>
          {text.cancel}
        </button>
      </div>
    </Modal>
  );
}
