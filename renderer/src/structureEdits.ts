import { flushSync } from 'react-dom';
import { newId } from '../../shared/model';
import { commit } from './editing';
import { currentRegion, focusGrid, focusWhenShown, prepareToEnter } from './focus';
import { activeRow, select, selectedRows, selectId } from './grid/gridModel';
import { zhCN } from './i18n/zh-CN';
import { notify, useAppStore } from './store';

/*
 * Edits of the document's structure from where the clerk is (新增/复制/删除/移动 rows, 新增指标,
 * 移到其他单位): each picks ids and places, commits one document action and moves the selection.
 */

function document() {
  return useAppStore.getState().current?.document;
}

/** 新增项目: below the active project, or first in the active unit. */
export function addProject(): void {
  const doc = document();
  if (!doc) return;
  const row = activeRow();
  if (!row) {
    const unitId = newId('unit');
    if (commit('addUnit', { id: unitId, name: doc.department || zhCN.structure.newUnitName }))
      selectId(unitId);
    return;
  }
  const id = newId('proj');
  const index = row.kind === 'project' ? row.projectIndex + 1 : 0;
  if (
    commit('addProject', { unitId: row.unitId, id, index, name: zhCN.structure.newProjectName })
  ) {
    selectId(id);
    focusGrid();
  }
}

/** 新增单位: after the active unit. */
export function addUnit(): void {
  const doc = document();
  if (!doc) return;
  const row = activeRow();
  const id = newId('unit');
  const index = row ? row.unitIndex + 1 : doc.units.length;
  if (commit('addUnit', { id, index, name: zhCN.structure.newUnitName })) {
    selectId(id);
    focusGrid();
  }
}

/** 复制: the active project or unit, placed right after it. */
export function duplicateRow(): void {
  const row = activeRow();
  if (!row) return;
  if (row.kind === 'project') {
    const id = newId('proj');
    if (commit('duplicateProject', { projectId: row.projectId, id })) selectId(id);
  } else {
    const id = newId('unit');
    if (commit('duplicateUnit', { unitId: row.unitId, id })) selectId(id);
  }
}

/** 删除: the selected projects, or the active unit with its projects. One undo step. */
export function deleteRows(): void {
  const rows = selectedRows();
  const projects = rows.flatMap((row) => (row.kind === 'project' ? [row.projectId] : []));
  const names = rows.flatMap((row) =>
    row.kind === 'project'
      ? [document()?.units[row.unitIndex]?.projects[row.projectIndex]?.name ?? '']
      : [],
  );
  const { selection } = useAppStore.getState();
  const unit = rows[0]?.kind === 'unit' ? document()?.units[rows[0].unitIndex] : undefined;
  const done =
    projects.length > 0
      ? commit('deleteProjects', { projectIds: projects })
      : unit
        ? commit('deleteUnit', { unitId: unit.id })
        : false;
  if (done) {
    select(Math.min(selection.row, selection.anchorRow), selection.column);
    notify({
      kind: 'info',
      text:
        projects.length === 0 && unit
          ? zhCN.structure.deletedUnit(unit.name, unit.projects.length)
          : zhCN.structure.deletedProjects(names),
    });
  }
}

/**
 * 上移 / 下移: a project moves within its unit and, at the unit's edge, into the neighbouring
 * unit; a unit moves among units.
 */
export function moveRow(direction: -1 | 1): void {
  const doc = document();
  const row = activeRow();
  if (!doc || !row) return;
  const { column } = useAppStore.getState().selection;
  if (row.kind === 'unit') {
    const toIndex = row.unitIndex + direction;
    if (toIndex < 0 || toIndex >= doc.units.length) return;
    if (commit('moveUnit', { unitId: row.unitId, toIndex })) selectId(row.unitId, column);
    return;
  }
  const unit = doc.units[row.unitIndex];
  if (!unit) return;
  const toIndex = row.projectIndex + direction;
  if (toIndex >= 0 && toIndex < unit.projects.length) {
    if (commit('moveProject', { projectId: row.projectId, toUnitId: unit.id, toIndex })) {
      selectId(row.projectId, column);
    }
    return;
  }
  const neighbour = doc.units[row.unitIndex + direction];
  if (!neighbour) return;
  const index = direction < 0 ? neighbour.projects.length : 0;
  if (commit('moveProject', { projectId: row.projectId, toUnitId: neighbour.id, toIndex: index })) {
    selectId(row.projectId, column);
  }
}

/** Moves a project to a unit (context menu 移到单位), at the end of its list. */
export function moveProjectToUnit(projectId: string, unitId: string): void {
  const unit = document()?.units.find((item) => item.id === unitId);
  if (!unit) return;
  if (commit('moveProject', { projectId, toUnitId: unitId, toIndex: unit.projects.length })) {
    selectId(projectId);
  }
}

/** The project the panel shows, if any. */
function panelProjectId(): string | undefined {
  return globalThis.document?.querySelector<HTMLElement>('.project-panel [data-project-id]')
    ?.dataset.projectId;
}

/** 新增指标 for the active project; the panel shows it. */
export function addIndicator(): void {
  // From a field or button of the panel, the indicator goes to the project the panel shows (it
  // follows the grid after a pause, so it can still show the previous one). The panel's box
  // itself holds the keys only while the panel is about to follow the grid's row (a 新增指标
  // awaiting its field, a focus restored there): the grid's row is the project then. A second
  // quick 新增指标 went to the project the panel still showed, not the one the clerk was on.
  const shown = panelProjectId();
  const onBox = globalThis.document?.activeElement?.matches('.project-panel') ?? false;
  if (currentRegion() === 'panel' && shown && !onBox) {
    addIndicatorTo(shown);
    return;
  }
  const row = activeRow();
  if (row?.kind !== 'project') {
    notify({ kind: 'info', text: zhCN.structure.selectProject });
    return;
  }
  addIndicatorTo(row.projectId);
}

/**
 * Adds an indicator at the end of a project's list; its name field in the panel gets the focus
 * and is scrolled into view (focus.ts), so what the clerk types next names it.
 */
export function addIndicatorTo(projectId: string): void {
  const id = newId('ind');
  if (commit('addIndicator', { projectId, id })) {
    // The panel shows the new indicator before this returns, so a name typed straight after
    // Ctrl+Shift+Enter lands in it: the panel follows the grid's row only after a pause, and
    // keys typed while its field was awaited reached no field and were lost. The panel is
    // rendered at once even when it already shows the project (a 新增指标 from its own field).
    flushSync(() => useAppStore.setState({ panelOpen: true }));
    const row = activeRow();
    if (row?.kind === 'project' && row.projectId === projectId) prepareToEnter('panel');
    focusWhenShown(
      'panel',
      `.project-panel [data-project-id="${projectId}"] [data-indicator-id="${id}"] input.indicator-name`,
      () => indicatorComing(projectId, id),
    );
  }
}

/**
 * Whether a new indicator's field is still on its way to the panel: the indicator is in the
 * document, the panel is open and shows its project or will, following the grid's row there.
 */
function indicatorComing(projectId: string, id: string): boolean {
  if (!useAppStore.getState().panelOpen) return false;
  const row = activeRow();
  const shown = panelProjectId();
  if (shown !== projectId && (row?.kind !== 'project' || row.projectId !== projectId)) return false;
  return (
    document()
      ?.units.flatMap((unit) => unit.projects)
      .find((project) => project.id === projectId)
      ?.indicators.some((indicator) => indicator.id === id) ?? false
  );
}
