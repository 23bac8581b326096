import { useState } from 'react';
import { FRAMEWORKS } from '../../../shared/frameworks';
import type { DocumentProperties } from '../../../shared/edit';
import { discardRecovery, restoreRecovery } from '../documentFiles';
import { commit } from '../editing';
import { zhCN } from '../i18n/zh-CN';
import { Modal } from './Modal';
import { useAppStore } from '../store';
import {
  convertMoney,
  formatMoney,
  type JixiaoDocument,
  type MoneyUnit,
} from '../../../shared/model';
import { documentTotals } from '../grid/totals';
import type { RecoveryInfo } from '../../../shared/ipc';
import './dialogs.css';

/** Offers work autosaved before a crash: 恢复 or 放弃, one entry at a time. */
export function RecoveryDialog({ entries }: { entries: RecoveryInfo[] }) {
  const text = zhCN.recovery;
  return (
    <Modal labelledBy="recovery-title">
      <h2 id="recovery-title">{text.heading}</h2>
      <p>{text.body}</p>
      <ul className="recovery-list">
        {entries.map((entry) => (
          <li key={entry.id}>
            <span>
              {text.entry(
                entry.fileName,
                new Date(entry.savedAt).toLocaleString('zh-CN'),
                entry.projects,
              )}
            </span>
            <span className="modal-actions">
              <button
                type="button"
                className="primary"
                onClick={() => void restoreRecovery(entry.id)}
              >
                {text.restore}
              </button>
              <button type="button" onClick={() => void discardRecovery(entry.id)}>
                {text.discard}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </Modal>
  );
}

/** 文档属性: title, department, year, money unit (converted exactly) and framework. */
export function PropertiesDialog({ document }: { document: JixiaoDocument }) {
  const text = zhCN.properties;
  const [values, setValues] = useState({
    title: document.title,
    department: document.department,
    fiscalYear: document.fiscalYear === null ? '' : String(document.fiscalYear),
    moneyUnit: document.moneyUnit,
    frameworkId: document.frameworkId,
  });
  const close = () => useAppStore.setState({ overlay: null });
  const submit = () => {
    const year = values.fiscalYear.trim() === '' ? null : Number(values.fiscalYear);
    const changes: DocumentProperties = {};
    if (values.title !== document.title) changes.title = values.title;
    if (values.department !== document.department) changes.department = values.department;
    // Anything that is not a year is refused by the edit with a message (the dialog stays open).
    if (year !== document.fiscalYear) changes.fiscalYear = year;
    if (values.moneyUnit !== document.moneyUnit) changes.moneyUnit = values.moneyUnit;
    if (values.frameworkId !== document.frameworkId) changes.frameworkId = values.frameworkId;
    if (Object.keys(changes).length === 0 || commit('setDocumentProperties', changes)) close();
  };
  // 万元⇄元 converts every amount: the dialog says what 合计 becomes before it is confirmed.
  const converting = values.moneyUnit !== document.moneyUnit;
  const total = documentTotals(document).total;
  const converted = converting
    ? convertMoney(total, document.moneyUnit, values.moneyUnit as MoneyUnit)
    : null;
  const set = (key: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((previous) => ({ ...previous, [key]: event.target.value }));
  return (
    <Modal labelledBy="properties-title" className="properties" onSubmit={submit} onEscape={close}>
      <h2 id="properties-title">{text.heading}</h2>
      <label>
        {text.title}
        <input value={values.title} onChange={set('title')} />
      </label>
      <label>
        {text.department}
        <input value={values.department} onChange={set('department')} />
      </label>
      <label>
        {text.fiscalYear}
        <input value={values.fiscalYear} inputMode="numeric" onChange={set('fiscalYear')} />
      </label>
      <label>
        {text.moneyUnit}
        <select value={values.moneyUnit} onChange={set('moneyUnit')}>
          <option value="万元">万元</option>
          <option value="元">元</option>
        </select>
      </label>
      <label>
        {text.framework}
        <select value={values.frameworkId} onChange={set('frameworkId')}>
          {FRAMEWORKS.map((framework) => (
            <option key={framework.id} value={framework.id}>
              {framework.name}
            </option>
          ))}
        </select>
      </label>
      {converting ? (
        <p className="convert-note" role="status" data-testid="convert-note">
          {text.convert(
            formatMoney(total),
            document.moneyUnit,
            converted === null ? null : formatMoney(converted),
            values.moneyUnit,
          )}
        </p>
      ) : null}
      <div className="modal-actions">
        <button type="submit" className="primary">
          {converting ? text.convertOk : text.ok}
        </button>
        <button type="button" onClick={close}>
          {text.cancel}
        </button>
      </div>
    </Modal>
  );
}
