import { useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  checkDocument,
  ruleInfo,
  summarise,
  type Finding,
  type RuleCode,
} from '../../../shared/rules';
import type { JixiaoDocument } from '../../../shared/model';
import { commit } from '../editing';
import { rowsOf, select } from '../grid/gridModel';
import { zhCN } from '../i18n/zh-CN';
import { regionKeyDown } from '../focus';
import { api } from '../api';
import { reportFailure } from '../documentFiles';
import { notify, useAppStore } from '../store';
import { setStage } from '../stage/stageState';
import './findingsPanel.css';

const text = zhCN.findings;
type Filter = 'all' | 'error' | 'warning';

/** The grid column a finding points at: money, goal or indicators; else the name. */
function columnOf(finding: Finding): number {
  const field = finding.where.field ?? '';
  if (finding.where.indicatorId || field === 'indicators') return 6;
  if (field.startsWith('goals')) return 5;
  if (field.startsWith('money')) return 1;
  return 0;
}

/** Selects the finding's cell; the project panel shows its indicator or field too. */
function reveal(document: JixiaoDocument, finding: Finding): void {
  const { projectId, unitId } = finding.where;
  const index = rowsOf(document).findIndex((row) =>
    projectId
      ? row.kind === 'project' && row.projectId === projectId
      : row.kind === 'unit' && row.unitId === unitId,
  );
  // A finding of the 监控 (J) or 自评 (Z) rules is shown where its fields are.
  if (finding.code.startsWith('J')) setStage('monitoring');
  else if (finding.code.startsWith('Z')) setStage('evaluation');
  // A cell being typed in whose text was refused keeps the cursor (its reason under it).
  if (index >= 0 && !select(index, columnOf(finding))) return;
  // The panel scrolls to the indicator or field the finding names.
  if (projectId) useAppStore.setState({ panelOpen: true, panelTarget: finding.where });
}

function ruleTitle(code: string): string {
  try {
    return ruleInfo(code as RuleCode).title;
  } catch {
    return code;
  }
}

/** 提交前检查 report: the host writes it as text where the clerk chooses. */
async function exportCheckReport(): Promise<void> {
  const current = useAppStore.getState().current;
  if (!current) return;
  const result = await api().exportCheckReport({
    documentId: current.documentId,
    document: current.document,
  });
  if (!result.ok) return reportFailure(result);
  notify({ kind: 'info', text: text.exported(result.fileName) });
}

/** A reviewer's reason worth showing: not empty and not the catch-all 其他. */
function hasReason(reason: string | undefined): reason is string {
  return reason !== undefined && reason.trim() !== '' && reason.trim() !== '其他';
}

/** 检查: the reviewers' rules run on the open document, with counts, a filter and fixes. */
export function FindingsPanel({ document }: { document: JixiaoDocument }) {
  // Checking a large document waits for typing to settle instead of slowing each key.
  const deferred = useDeferredValue(document);
  const findings = useMemo(() => checkDocument(deferred), [deferred]);
  const [filter, setFilter] = useState<Filter>('all');
  useEffect(() => {
    const marks = new Map<string, 'error' | 'warning'>();
    for (const finding of findings) {
      const id = finding.where.projectId ?? finding.where.unitId;
      if (id && marks.get(id) !== 'error') marks.set(id, finding.severity);
    }
    useAppStore.setState({ findingMarks: marks });
    return () => useAppStore.setState({ findingMarks: new Map() });
  }, [findings]);
  const counts = summarise(findings);
  const shown =
    filter === 'all' ? findings : findings.filter((finding) => finding.severity === filter);
  const panelRef = useRef<HTMLElement>(null);
  /** Where a fix was applied from the keyboard's place in the list, until the list has changed. */
  const fixedAt = useRef<number | null>(null);
  // A fixed finding leaves the list with the button that had the focus: the keys go on to the
  // finding now in its place (or the last), not to the top of the panel or nowhere.
  useLayoutEffect(() => {
    const at = fixedAt.current;
    const panel = panelRef.current;
    if (at === null || !panel) return;
    fixedAt.current = null;
    // Left alone: the focus still in the list, or taken elsewhere meanwhile (the grid, a dialog).
    const active = globalThis.document.activeElement;
    const lost = !active?.isConnected || active === globalThis.document.body;
    if (!lost && (active.closest('.findings-list') || !panel.contains(active))) return;
    const targets = panel.querySelectorAll<HTMLElement>('.finding-target');
    (targets[Math.min(at, targets.length - 1)] ?? panel).focus();
  }, [findings]);
  return (
    <aside
      ref={panelRef}
      className="findings-panel"
      aria-labelledby="findings-heading"
      data-focus-region="findings"
      tabIndex={-1}
      onKeyDown={regionKeyDown()}
    >
      <header className="panel-header">
        <h2 id="findings-heading">{text.heading}</h2>
        <span className="findings-counts">{text.counts(counts.errors, counts.warnings)}</span>
        <button type="button" onClick={() => void exportCheckReport()}>
          {text.exportReport}
        </button>
        <button type="button" onClick={() => useAppStore.setState({ findingsOpen: false })}>
          {zhCN.panel.close}
        </button>
      </header>
      <div className="findings-filter" role="radiogroup" aria-label="筛选">
        {(['all', 'error', 'warning'] as const).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="findings-filter"
              checked={filter === value}
              onChange={() => setFilter(value)}
            />
            {value === 'all' ? text.all : value === 'error' ? text.errors : text.warnings}
          </label>
        ))}
      </div>
      {shown.length === 0 ? (
        <p className="muted">{text.none}</p>
      ) : (
        <ol className="findings-list">
          {shown.slice(0, 500).map((finding, index) => (
            <li key={`${finding.code}-${index}`} className={`finding finding-${finding.severity}`}>
              {/* The reviewer's wording leads; the rule code is in the tooltip. */}
              <button
                type="button"
                className="link finding-target"
                title={`${finding.severity === 'error' ? text.errors : text.warnings} ${finding.code}：${ruleTitle(finding.code)}`}
                data-rule={finding.code}
                onClick={() => reveal(document, finding)}
              >
                {hasReason(finding.reviewerReason) ? (
                  <span className="finding-reason">{finding.reviewerReason}</span>
                ) : null}
                <span className="finding-message">{finding.message}</span>
              </button>
              {finding.fix ? (
                <button
                  type="button"
                  className="finding-fix"
                  title={finding.fix.label}
                  onClick={() => {
                    if (finding.fix && commit('applyFix', { fix: finding.fix }))
                      fixedAt.current = index;
                  }}
                >
                  {text.fix}：{finding.fix.label}
                </button>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
