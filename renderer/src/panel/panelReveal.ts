import { useEffect, useRef, type RefObject } from 'react';
import type { FindField, Match } from '../../../shared/edit';
import type { Project } from '../../../shared/model';
import type { Location as FindingLocation } from '../../../shared/rules';
import { focusGrid, focusWhenShown } from '../focus';
import { activeRow } from '../grid/gridModel';
import { useAppStore } from '../store';

/** Fields the grid does not show (or shows read-only): find reveals them in the project panel. */
const PANEL_FIELDS = new Set<FindField>([
  'code',
  'supervisor',
  'implementer',
  'goals.period',
  'indicator.name',
  'indicator.period',
  'indicator.annual',
  'indicator.note',
]);

const HIT = 'find-hit';

/** True when a find match is shown in the project panel rather than in a grid cell. */
export function isPanelMatch(match: Match): boolean {
  return match.projectId !== undefined && PANEL_FIELDS.has(match.field);
}

/** The panel element holding a match's field (the indicator's name when the field has no editor). */
function fieldElement(container: HTMLElement, match: Match): HTMLElement | null {
  const scope = match.indicatorId
    ? container.querySelector<HTMLElement>(`[data-indicator-id="${match.indicatorId}"]`)
    : container;
  if (!scope) return null;
  return (
    scope.querySelector<HTMLElement>(`[data-field="${match.field}"]`) ??
    scope.querySelector<HTMLElement>('[data-field="indicator.name"]')
  );
}

/** The text box to focus for a field: the field itself, or the value box of a value editor. */
function focusTarget(element: HTMLElement): HTMLInputElement | HTMLTextAreaElement | null {
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) return element;
  return element.querySelector<HTMLInputElement>('input');
}

/** Selects the match inside its text box when the box holds the matched text as is. */
function selectMatch(element: HTMLElement, match: Match): void {
  const target = focusTarget(element);
  if (!target) return;
  if (target === element && target.value === match.text) {
    target.setSelectionRange(match.start, match.start + match.length);
  } else {
    target.select();
  }
}

/** What a field shows now: a text box's value, or a value editor's printed value. */
function shownText(element: HTMLElement): string | null {
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)
    return element.value;
  return element.querySelector('.printed')?.textContent ?? null;
}

/**
 * Marks, scrolls to and selects the find match in the panel once the panel shows its project
 * (the panel follows the grid after a pause and renders deferred, so this waits for the render
 * that shows the matched text). The find bar keeps the focus, so Enter goes on to the next
 * match; closing it focuses the field.
 */
export function usePanelReveal(
  project: Project,
  containerRef: RefObject<HTMLElement | null>,
): void {
  const match = useAppStore((state) => state.panelReveal);
  const shown = useRef<Match | null>(null);
  useEffect(() => {
    const container = containerRef.current;
    if (!container || shown.current === match) return;
    container.querySelectorAll(`.${HIT}`).forEach((element) => element.classList.remove(HIT));
    if (!match || match.projectId !== project.id) return;
    const element = fieldElement(container, match);
    if (!element) return;
    const text = shownText(element);
    if (match.field !== 'indicator.note' && text !== match.text) return;
    shown.current = match;
    element.classList.add(HIT);
    element.scrollIntoView({ block: 'center', inline: 'nearest' });
    selectMatch(element, match);
  }, [match, project, containerRef]);
}

/** The indicator fields the rules name without their panel prefix (`values` is both value boxes). */
const INDICATOR_FIELDS: Readonly<Record<string, string>> = {
  name: 'indicator.name',
  period: 'indicator.period',
  annual: 'indicator.annual',
  values: 'indicator.period',
  note: 'indicator.note',
};

/**
 * Brings what a finding points at into sight: its indicator's whole block where the panel has
 * room for it, and in any case the field it names (the block's first line, with 一级 and 二级,
 * for a field without a box of its own).
 */
function scrollToTarget(container: HTMLElement, target: FindingLocation): void {
  const block = target.indicatorId
    ? container.querySelector<HTMLElement>(`[data-indicator-id="${target.indicatorId}"]`)
    : null;
  if (target.indicatorId && !block) return;
  const name = (target.indicatorId && INDICATOR_FIELDS[target.field ?? '']) || target.field;
  const field =
    (name ? (block ?? container).querySelector(`[data-field="${name}"]`) : null) ??
    block?.firstElementChild;
  block?.scrollIntoView({ block: 'center', inline: 'nearest' });
  field?.scrollIntoView({ block: block ? 'nearest' : 'center', inline: 'nearest' });
}

/**
 * Scrolls the place a clicked check finding points at (an indicator far down the list, a goal)
 * into view once the panel shows its project. The findings list keeps the focus, so the clerk
 * goes on down the list.
 */
export function usePanelTarget(
  project: Project,
  containerRef: RefObject<HTMLElement | null>,
): void {
  const target = useAppStore((state) => state.panelTarget);
  useEffect(() => {
    const container = containerRef.current;
    if (!container || !target || target.projectId !== project.id) return;
    useAppStore.setState({ panelTarget: null });
    scrollToTarget(container, target);
  }, [target, project, containerRef]);
}

/** Focuses a revealed field's text box and selects the match in it. */
function focusMatch(element: HTMLElement, match: Match): boolean {
  const target = focusTarget(element);
  if (!target) return false;
  element.classList.remove(HIT);
  target.focus({ preventScroll: true });
  selectMatch(element, match);
  return true;
}

/** The project the panel shows now, if any. */
function panelProjectId(): string | undefined {
  return globalThis.document.querySelector<HTMLElement>('.project-panel [data-project-id]')?.dataset
    .projectId;
}

/** Frames a revealed match may take to be marked once the panel shows its project. */
const MARK_FRAMES = 6;

/**
 * Focuses the field find revealed in the panel (when the find bar closes). True if there was
 * one. The panel follows the grid after a pause: a find bar closed before it showed the match
 * gives the keyboard to the panel, which focuses the field once it is there (a quick Esc went
 * to the grid, and the next key typed landed in a cell). The wait lasts only while the panel is
 * on its way to the match's project; a match it does not mark (a stage view's panel) or a panel
 * that stays elsewhere sends the keyboard to the grid, as before.
 */
export function focusPanelMatch(): boolean {
  const match = useAppStore.getState().panelReveal;
  const clear = () => {
    if (useAppStore.getState().panelReveal === match) useAppStore.setState({ panelReveal: null });
  };
  if (!match || !isPanelMatch(match)) {
    clear();
    return false;
  }
  const selector = `.project-panel .${HIT}`;
  const element = globalThis.document.querySelector<HTMLElement>(selector);
  if (element) {
    clear();
    return focusMatch(element, match);
  }
  const row = activeRow();
  if (row?.kind !== 'project' || row.projectId !== match.projectId) {
    clear();
    return false;
  }
  let markFrames = MARK_FRAMES;
  focusWhenShown(
    'panel',
    selector,
    () => {
      if (useAppStore.getState().panelReveal !== match) return false;
      if (panelProjectId() !== match.projectId) {
        const now = activeRow();
        return now?.kind === 'project' && now.projectId === match.projectId;
      }
      return --markFrames > 0;
    },
    {
      frames: 1,
      focusOn: (found) => {
        clear();
        if (!focusMatch(found, match)) focusGrid();
      },
      onMissing: () => {
        clear();
        focusGrid();
      },
      onCancel: clear,
    },
  );
  return true;
}
