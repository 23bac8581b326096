import { useMemo, useState } from 'react';
import {
  CHANGE_KIND_LABELS,
  compareYears,
  countChanges,
  formatDifference,
  snapshotOf,
  type ChangeKind,
  type JixiaoDocument,
  type ProjectChanges,
  type YearChange,
  type YearSnapshot,
} from '../../../shared/model';
import { api } from '../api';
import { exportCurrent } from '../documentFiles';
import { focusGrid } from '../focus';
import { selectId } from '../grid/gridModel';
import { zhCN } from '../i18n/zh-CN';
import { useAppStore } from '../store';
import { Modal } from './Modal';
import './compareView.css';

const text = zhCN.compare;

/** Last year as the view compares against it: kept in the document, or a file the clerk picked. */
interface LastYear {
  snapshot: YearSnapshot;
  /** The picked file's name; absent for the 上年数据 kept by 新建下一年度…. */
  fileName?: string;
}

function shorten(value: string, length = 80): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

/** One change as a line: `财政拨款：638.00 → 700.00（+62.00，+9.72%）`. */
function changeText(change: YearChange): string {
  if (change.kind === 'projectAdded') return `${change.subject} ${change.after}`;
  if (change.kind === 'projectDropped') return `${change.subject} ${change.before}`;
  if (change.kind === 'indicatorAdded') return `${change.subject}：${change.after}`;
  if (change.kind === 'indicatorDropped') return `${change.subject}（上年 ${change.before}）`;
  if (change.kind === 'goalChanged') {
    return `${change.subject}：${shorten(change.before)} → ${shorten(change.after)}`;
  }
  const amount =
    change.difference === undefined
      ? ''
      : `（${formatDifference(change.difference)}${change.rate ? `，${change.rate}` : ''}）`;
  return `${change.subject}：${change.before} → ${change.after}${amount}`;
}

/** Selects the project in the grid and gives the grid the keyboard. */
function showProject(projectId: string): void {
  useAppStore.setState({ overlay: null });
  selectId(projectId);
  requestAnimationFrame(() => focusGrid());
}

function ProjectGroup({ group }: { group: ProjectChanges }) {
  const { projectId } = group;
  return (
    <li className={`compare-project compare-${group.status}`}>
      <h3>
        {group.unit} › {group.project}
        {group.previousName ? (
          <small className="muted">{text.previousName(group.previousName)}</small>
        ) : null}
      </h3>
      <ul>
        {group.changes.map((change, index) => (
          <li key={index}>
            {projectId ? (
              <button
                type="button"
                className="compare-change"
                data-kind={change.kind}
                title={
                  change.kind === 'goalChanged' ? `${change.before}\n→\n${change.after}` : undefined
                }
                onClick={() => showProject(projectId)}
              >
                <span className="compare-kind">{CHANGE_KIND_LABELS[change.kind]}</span>
                {changeText(change)}
              </button>
            ) : (
              <span className="compare-change" data-kind={change.kind}>
                <span className="compare-kind">{CHANGE_KIND_LABELS[change.kind]}</span>
                {changeText(change)}
                <span className="muted">{text.notThisYear}</span>
              </span>
            )}
          </li>
        ))}
      </ul>
    </li>
  );
}

function counts(kinds: Record<ChangeKind, number>): string {
  const parts = (Object.keys(CHANGE_KIND_LABELS) as ChangeKind[])
    .filter((kind) => kinds[kind] > 0)
    .map((kind) => `${CHANGE_KIND_LABELS[kind]} ${kinds[kind]}`);
  return parts.length > 0 ? parts.join('，') : text.noChanges;
}

/**
 * 与上年对比: the changes from last year, grouped by project in document order. Last year is the
 * 上年数据 a document made by 新建下一年度… keeps, or a file the clerk picks (any file 导入 reads).
 * Clicking a change selects its project in the grid; Esc closes.
 */
export function CompareView({ document }: { document: JixiaoDocument }) {
  const kept = document.previousYear;
  const [picked, setPicked] = useState<LastYear | null>(null);
  const [error, setError] = useState<string | null>(null);
  const last = useMemo<LastYear | null>(
    () => picked ?? (kept ? { snapshot: kept } : null),
    [picked, kept],
  );
  const comparison = useMemo(
    () => (last ? compareYears(last.snapshot, document) : null),
    [last, document],
  );
  const close = () => useAppStore.setState({ overlay: null });
  const pick = async () => {
    const result = await api().importFile();
    if (!result.ok) {
      if (result.code !== 'cancelled') setError(result.message);
      return;
    }
    // Only the figures are kept: the import's host session closes at once.
    await api().closeDocument({ documentId: result.documentId });
    setError(null);
    setPicked({ snapshot: snapshotOf(result.document), fileName: result.fileName });
  };
  const exportAs = (format: 'docx' | 'xlsx') => {
    if (!last) return;
    close();
    void exportCurrent({ format, layout: 'changes' }, { ...document, previousYear: last.snapshot });
  };
  return (
    <Modal labelledBy="compare-title" className="compare-view" onEscape={close}>
      <h2 id="compare-title">{text.heading}</h2>
      <p className="muted" data-testid="compare-source">
        {last
          ? last.fileName
            ? text.fromFile(last.fileName, last.snapshot.year)
            : text.fromKept(last.snapshot.year)
          : text.noLastYear}
      </p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {comparison ? (
        <>
          <p className="compare-summary">
            {counts(countChanges(comparison))}
            {text.unchanged(comparison.unchanged)}
            {text.moneyUnit(comparison.moneyUnit)}
          </p>
          <ul className="compare-list" aria-label={text.heading}>
            {comparison.projects.map((group, index) => (
              <ProjectGroup key={`${group.projectId ?? group.project}-${index}`} group={group} />
            ))}
          </ul>
        </>
      ) : null}
      <div className="modal-actions">
        <button type="button" className={last ? undefined : 'primary'} onClick={() => void pick()}>
          {last ? text.pickOther : text.pick}
        </button>
        <button type="button" disabled={!last} onClick={() => exportAs('docx')}>
          {text.exportWord}
        </button>
        <button type="button" disabled={!last} onClick={() => exportAs('xlsx')}>
          {text.exportExcel}
        </button>
        <button type="button" onClick={close}>
          {text.close}
        </button>
      </div>
    </Modal>
  );
}
