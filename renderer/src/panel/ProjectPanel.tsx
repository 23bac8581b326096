import type { ProjectTextField } from '../../../shared/edit';
import { projectText } from '../../../shared/edit';
import { memo, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { formatMoney, projectAmounts, type Project } from '../../../shared/model';
import { commit } from '../editing';
import { zhCN } from '../i18n/zh-CN';
import { focusGrid, regionKeyDown } from '../focus';
import { selectId } from '../grid/gridModel';
import { useAppStore } from '../store';
import { PanelResizer, usePanelWidth } from './PanelResizer';
import { CommitField } from './CommitField';
import { IndicatorTable } from './IndicatorTable';
import { useAfterPaint } from './afterPaint';
import { usePanelReveal, usePanelTarget } from './panelReveal';
import { CommonUnits } from './ValueEditor';
import { StagePanelBody } from './StagePanel';
import { useStage } from '../stage/stageState';
import './projectPanel.css';

const text = zhCN.panel;

function FieldOf({
  project,
  field,
  multiline = false,
  className,
}: {
  project: Project;
  field: ProjectTextField;
  multiline?: boolean;
  className?: string;
}) {
  const label = text.fields[field];
  return (
    <label className={`panel-field ${className ?? ''}`}>
      <span>{label}</span>
      <CommitField
        label={label}
        field={field}
        multiline={multiline}
        value={projectText(project, field)}
        onCommit={(value) =>
          commit('setProjectText', { projectId: project.id, field, text: value })
        }
      />
    </label>
  );
}

type FieldProps = Parameters<typeof FieldOf>[0];

/**
 * A field renders again only when what it shows changes (its text, or the project it writes to):
 * a confirmed amount in the grid re-renders the panel's project, and every field rendered again
 * rewrote its text box (textarea.defaultValue), which then had to be laid out again — the long
 * 年度目标 shaped anew for a changed 财政拨款.
 */
const Field = memo(
  FieldOf,
  (before: FieldProps, after: FieldProps) =>
    before.project.id === after.project.id &&
    before.field === after.field &&
    before.multiline === after.multiline &&
    before.className === after.className &&
    projectText(before.project, before.field) === projectText(after.project, after.field),
);

/**
 * Every field of one project, its goals and its indicator table. One frame late: moving through
 * the grid or confirming an amount there paints the grid first, the panel follows. While the
 * clerk works in the panel, an edit of its project is shown at once: a drop-down changed by a
 * key showed the old value again until the late render came, and on a slow PC the next key
 * started from there and was lost.
 */
export const ProjectPanel = memo(function ProjectPanel({
  frameworkId,
  moneyUnit,
  project: latest,
  entered = 0,
}: {
  frameworkId: string;
  moneyUnit: string;
  project: Project | null;
  /**
   * Counts the times the keyboard is about to come in (F6, 新增指标 from the grid): each shows
   * `project` at once, without the frame's lag (see useAfterPaint).
   */
  entered?: number;
}) {
  const panelWidth = usePanelWidth();
  const stage = useStage();
  const late = useAfterPaint(latest, entered);
  const [focused, setFocused] = useState(false);
  const project = focused && late && latest && late.id === latest.id ? latest : late;
  // Esc from a field: back to the grid, at this project's row.
  const onKeyDown = regionKeyDown(() => {
    if (project) selectId(project.id, useAppStore.getState().selection.column);
    focusGrid();
  });
  const panelRef = useRef<HTMLElement>(null);
  useKeepFocusInView(panelRef, project);
  return (
    <>
      <PanelResizer />
      <aside
        ref={panelRef}
        className="project-panel"
        aria-labelledby="panel-heading"
        data-focus-region="panel"
        tabIndex={-1}
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget)) setFocused(false);
        }}
        style={{ width: panelWidth }}
      >
        <header className="panel-header">
          <h2 id="panel-heading">{text.heading}</h2>
          <button
            type="button"
            onClick={() => {
              // The button goes with the panel: the keyboard goes to the grid first, never nowhere.
              focusGrid();
              useAppStore.setState({ panelOpen: false });
            }}
          >
            {text.close}
          </button>
        </header>
        {project && stage !== 'target' ? (
          <StagePanelBody stage={stage} project={project} />
        ) : project ? (
          <ProjectFields frameworkId={frameworkId} moneyUnit={moneyUnit} project={project} />
        ) : (
          <p className="muted">{text.none}</p>
        )}
        <CommonUnits />
      </aside>
    </>
  );
});

/** Room the sticky heading takes at the top of the panel (its scroll-padding-top). */
const HEADING_PX = 48;

/**
 * A field the clerk is in stays in sight when an edit changes the panel around it (a hint or a
 * row appearing above it pushed a 一级 drop-down out of view as the clerk changed it with ←/→).
 * Reads layout only while the focus is in the panel.
 */
function useKeepFocusInView(panelRef: RefObject<HTMLElement | null>, project: unknown) {
  useLayoutEffect(() => {
    const panel = panelRef.current;
    const active = globalThis.document.activeElement;
    if (!panel || !(active instanceof HTMLElement) || active === panel) return;
    // The heading (收起) is sticky: always in sight.
    if (!panel.contains(active) || active.closest('.panel-header')) return;
    const box = panel.getBoundingClientRect();
    const rect = active.getBoundingClientRect();
    if (rect.top < box.top + HEADING_PX || rect.bottom > box.bottom) {
      active.scrollIntoView({ block: 'nearest' });
    }
  }, [panelRef, project]);
}

/**
 * Memoized on its plain props: the panel renders again whenever the grid's project changes, but
 * these fields only when the project they show does. Rendered again with the same project, React
 * rewrites each text box's default text (textarea.defaultValue), and every such box had to be
 * laid out again in the frame of the grid's move or confirmed amount.
 */
const ProjectFields = memo(function ProjectFields({
  frameworkId,
  moneyUnit,
  project,
}: {
  frameworkId: string;
  moneyUnit: string;
  project: Project;
}) {
  const amounts = projectAmounts(project);
  const bodyRef = useRef<HTMLDivElement>(null);
  usePanelReveal(project, bodyRef);
  usePanelTarget(project, bodyRef);
  return (
    <div className="panel-body" data-project-id={project.id} ref={bodyRef}>
      <Field project={project} field="name" multiline className="wide" />
      <div className="panel-grid">
        <Field project={project} field="code" />
        <Field project={project} field="supervisor" />
        <Field project={project} field="implementer" />
        <label className="panel-field">
          <span>{text.fields.attribute}</span>
          <select
            aria-label={text.fields.attribute}
            value={project.attribute ?? ''}
            onChange={(event) =>
              commit('setProjectText', {
                projectId: project.id,
                field: 'attribute',
                text: event.target.value,
              })
            }
          >
            <option value="">{text.attributeNone}</option>
            <option value="新增">新增</option>
            <option value="延续">延续</option>
          </select>
        </label>
        <Field project={project} field="periodStart" />
        <Field project={project} field="periodEnd" />
      </div>
      <section className="panel-section">
        <h3>{text.moneyHeading(moneyUnit)}</h3>
        <div className="panel-grid money-grid">
          <Field project={project} field="money.fiscal" />
          <Field project={project} field="money.specialAccount" />
          <Field project={project} field="money.other" />
          <label className="panel-field">
            <span>{text.total}</span>
            <span className="derived-total" data-testid="project-total">
              {formatMoney(amounts.total)}
            </span>
          </label>
          <Field project={project} field="money.carryover" />
          <Field project={project} field="periodMoney.total" />
          <Field project={project} field="periodMoney.fiscal" />
          <Field project={project} field="periodMoney.other" />
        </div>
      </section>
      <section className="panel-section">
        <h3>{text.goalsHeading}</h3>
        <Field project={project} field="goals.annual" multiline className="wide" />
        <Field project={project} field="goals.period" multiline className="wide" />
      </section>
      <IndicatorTable frameworkId={frameworkId} project={project} />
    </div>
  );
});
