import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { GridRow } from '../../../shared/edit';
import { COMMANDS, type FundingUnit, type Project } from '../../../shared/model';
import { runCommand } from '../commands';
import { RollForwardReview } from '../importFlow/RollForwardReview';
import { FindingsPanel } from '../findings/FindingsPanel';
import { beforeEntering } from '../focus';
import { GridView } from '../grid/GridView';
import { activeRow } from '../grid/gridModel';
import { zhCN } from '../i18n/zh-CN';
import { ProjectPanel } from '../panel/ProjectPanel';
import { notify, useAppStore, type OpenDocument } from '../store';
import { FindBar } from './FindBar';
import { ImportReportPanel } from './ImportReportPanel';
import { StatusBar } from './StatusBar';
import { StageBar } from '../stage/StageBar';
import { Toolbar } from './Toolbar';
import './documentView.css';

const countCache = new WeakMap<OpenDocument['document'], string>();
const indicatorCounts = new WeakMap<FundingUnit, number>();

/** Indicators of a unit's projects, counted once per unit version. */
function indicatorsOf(unit: FundingUnit): number {
  let count = indicatorCounts.get(unit);
  if (count === undefined) {
    count = unit.projects.reduce((total, project) => total + project.indicators.length, 0);
    indicatorCounts.set(unit, count);
  }
  return count;
}

function counts(current: OpenDocument): string {
  const cached = countCache.get(current.document);
  if (cached) return cached;
  const units = current.document.units;
  const summary = zhCN.document.summary(
    units.length,
    units.reduce((total, unit) => total + unit.projects.length, 0),
    units.reduce((total, unit) => total + indicatorsOf(unit), 0),
  );
  countCache.set(current.document, summary);
  return summary;
}

/** A panel field that holds text it refused (marked, its reason beside it). */
function refusedInPanel(): HTMLElement | null {
  return globalThis.document.querySelector<HTMLElement>('.project-panel [aria-invalid="true"]');
}

/**
 * The project the panel shows: the active one, but when the clerk moves to another project the
 * panel follows after a short pause, so holding an arrow key only repaints the grid. Always the
 * project as it is in `document` now, never a copy from before an edit. While a panel field has
 * the keyboard the panel stays on its project (focus.ts): it follows again once the grid has it.
 */
function usePanelProject(document: OpenDocument['document'], row: GridRow | undefined) {
  const activeId = row?.kind === 'project' ? row.projectId : null;
  const [shownId, setShownId] = useState(activeId);
  const [entered, setEntered] = useState(0);
  const tick = useAppStore((state) => state.revealTick);
  const same = activeId === shownId;
  // F6 into the panel before it followed: it shows the grid's row at once (it would stay behind
  // while the keyboard is in it), rendered before the focus goes in. On a slow PC the focus went
  // to a button of the project shown before, and the Enter after it copied that project's
  // indicator while the grid showed another.
  useEffect(
    () =>
      beforeEntering('panel', () => {
        if (refusedInPanel()) return;
        const now = activeRow();
        flushSync(() => {
          setShownId(now?.kind === 'project' ? now.projectId : null);
          setEntered((count) => count + 1);
        });
      }),
    [],
  );
  useEffect(() => {
    if (same) return;
    const timer = setTimeout(() => {
      // Not while the clerk is in the panel (a field, or its heading's 收起): what the keys there do
      // — typing, 新增指标 — belongs to the project the panel shows. The panel box itself holds the
      // focus only while a command waits for the panel to show its project (focusWhenShown).
      const active = globalThis.document.activeElement;
      const inPanel = active?.closest('.project-panel');
      if (inPanel && inPanel !== active) return;
      // Nor while a field holds text it refused: showing another project would put that
      // project's value in its place, and what the clerk typed would be gone without a word.
      const refused = refusedInPanel();
      if (refused) {
        notify({
          kind: 'info',
          text: zhCN.panel.keptForRefused(refused.getAttribute('aria-label') ?? refused.title),
        });
        return;
      }
      setShownId(activeId);
    }, 120);
    return () => clearTimeout(timer);
    // `document`: a refused field fixed (its text written) lets the panel follow at once.
  }, [activeId, same, tick, document]);
  if (same) {
    const project =
      row?.kind === 'project'
        ? (document.units[row.unitIndex]?.projects[row.projectIndex] ?? null)
        : null;
    return { project, entered };
  }
  return { project: findProject(document, shownId), entered };
}

function findProject(document: OpenDocument['document'], id: string | null): Project | null {
  if (id === null) return null;
  for (const unit of document.units) {
    const found = unit.projects.find((project) => project.id === id);
    if (found) return found;
  }
  return null;
}

/**
 * The project panel for the active row. Only this follows the selection, so a move between
 * cells does not re-render the toolbar, the header and the grid around it.
 */
function PanelForActiveRow({ document }: { document: OpenDocument['document'] }) {
  useAppStore((state) => state.selection.row);
  const { project, entered } = usePanelProject(document, activeRow());
  return (
    <ProjectPanel
      frameworkId={document.frameworkId}
      moneyUnit={document.moneyUnit}
      project={project}
      entered={entered}
    />
  );
}

/** The open document: toolbar, header, find bar, the grid and the side panels. */
export function DocumentView({ current }: { current: OpenDocument }) {
  const { document } = current;
  const find = useAppStore((state) => state.find);
  const panelOpen = useAppStore((state) => state.panelOpen);
  const findingsOpen = useAppStore((state) => state.findingsOpen);
  const dismissReport = () => useAppStore.setState({ current: { ...current, importReport: null } });
  const importFlow = useAppStore((state) => state.importFlow);
  const review =
    importFlow?.stage === 'review' && importFlow.documentId === current.documentId
      ? importFlow
      : null;
  const summary = counts(current);
  return (
    <main className="document-view">
      <Toolbar current={current} counts={summary} />
      {current.importReport ? (
        <ImportReportPanel report={current.importReport} onDismiss={dismissReport} />
      ) : null}
      <header className="document-header">
        <h1>{document.title}</h1>
        <div className="document-meta">
          <span>
            {zhCN.document.department}
            {document.department}
          </span>
          {document.fiscalYear !== null ? (
            <span>
              {zhCN.document.fiscalYear}
              {document.fiscalYear}
            </span>
          ) : null}
          <span>
            {zhCN.document.unit}
            {document.moneyUnit}
          </span>
          <StageBar />
          {current.isSample ? <span className="sample-note">{zhCN.document.sample}</span> : null}
        </div>
      </header>
      {find ? <FindBar mode={find} /> : null}
      <div className="workspace">
        {document.units.length === 0 ? (
          <div className="empty-document">
            <p className="muted">{zhCN.document.emptyUnits}</p>
            <button type="button" onClick={() => void runCommand('addUnit')}>
              {COMMANDS.addUnit.label}
            </button>
          </div>
        ) : (
          <GridView document={document} />
        )}
        {findingsOpen || review || (panelOpen && document.units.length > 0) ? (
          // One side column: with 检查 and 项目详情 both open they share its height, so the grid
          // keeps its width (绩效目标 and 绩效指标 stay in view).
          <div className="side-column">
            {review ? <RollForwardReview review={review.review} toYear={review.toYear} /> : null}
            {findingsOpen ? <FindingsPanel document={document} /> : null}
            {panelOpen && document.units.length > 0 ? (
              <PanelForActiveRow document={document} />
            ) : null}
          </div>
        ) : null}
      </div>
      <StatusBar document={document} counts={summary} />
    </main>
  );
}
