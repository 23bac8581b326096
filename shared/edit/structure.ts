import { current, isDraft, type Draft } from 'immer';
import {
  EMPTY_VALUE,
  newId,
  type FundingUnit,
  type Indicator,
  type JixiaoDocument,
  type Project,
} from '../model';
import { clampIndex, findIndicator, findProject, findUnit } from './locate';
import { EditError } from './patches';

function plain<T>(value: T): T {
  return structuredClone(isDraft(value) ? (current(value as Draft<T>) as T) : value);
}

/** A new empty project. */
export function emptyProject(id: string, name = ''): Project {
  return {
    id,
    name,
    money: { fiscal: 0, specialAccount: 0, other: 0 },
    goals: { annual: '' },
    indicators: [],
    raw: [],
  };
}

/** A new indicator; `init` fills categories, name and values (a library suggestion). */
export function emptyIndicator(id: string, init: Partial<Omit<Indicator, 'id'>> = {}): Indicator {
  return {
    id,
    level1: init.level1 ?? '',
    level2: init.level2 ?? '',
    name: init.name ?? '',
    period: { ...(init.period ?? EMPTY_VALUE) },
    annual: { ...(init.annual ?? EMPTY_VALUE) },
    ...(init.note !== undefined ? { note: init.note } : {}),
  };
}

function copyProject(project: Project, id: string): Project {
  const copy = plain(project);
  copy.id = id;
  copy.indicators = copy.indicators.map((indicator) => ({ ...indicator, id: newId('ind') }));
  return copy;
}

/** Moves an item within an array, `to` counted after the item is taken out. */
function moveWithin<T>(items: T[], from: number, to: number): void {
  const [item] = items.splice(from, 1);
  if (item !== undefined) items.splice(clampIndex(to, items.length), 0, item);
}

export function addUnit(
  draft: JixiaoDocument,
  args: { id: string; name?: string; index?: number },
): void {
  const index = clampIndex(args.index ?? draft.units.length, draft.units.length);
  draft.units.splice(index, 0, { id: args.id, name: args.name ?? '新单位', projects: [] });
}

export function deleteUnit(draft: JixiaoDocument, args: { unitId: string }): void {
  const { unitIndex } = findUnit(draft, args.unitId);
  draft.units.splice(unitIndex, 1);
}

export function duplicateUnit(draft: JixiaoDocument, args: { unitId: string; id: string }): void {
  const { unit, unitIndex } = findUnit(draft, args.unitId);
  const copy: FundingUnit = {
    id: args.id,
    name: `${unit.name}（副本）`,
    projects: unit.projects.map((project) => copyProject(project, newId('proj'))),
  };
  draft.units.splice(unitIndex + 1, 0, copy);
}

export function moveUnit(draft: JixiaoDocument, args: { unitId: string; toIndex: number }): void {
  const { unitIndex } = findUnit(draft, args.unitId);
  moveWithin(draft.units, unitIndex, args.toIndex);
}

export function addProject(
  draft: JixiaoDocument,
  args: { unitId: string; id: string; index?: number; name?: string },
): void {
  const { unit } = findUnit(draft, args.unitId);
  const index = clampIndex(args.index ?? unit.projects.length, unit.projects.length);
  unit.projects.splice(index, 0, emptyProject(args.id, args.name));
}

export function deleteProjects(draft: JixiaoDocument, args: { projectIds: string[] }): void {
  for (const projectId of args.projectIds) {
    const { unit, projectIndex } = findProject(draft, projectId);
    unit.projects.splice(projectIndex, 1);
  }
}

export function duplicateProject(
  draft: JixiaoDocument,
  args: { projectId: string; id: string },
): void {
  const { unit, project, projectIndex } = findProject(draft, args.projectId);
  const copy = copyProject(project, args.id);
  copy.name = `${project.name}（副本）`;
  unit.projects.splice(projectIndex + 1, 0, copy);
}

/** Moves a project within its unit or to another unit; `toIndex` counts in the target unit. */
export function moveProject(
  draft: JixiaoDocument,
  args: { projectId: string; toUnitId: string; toIndex: number },
): void {
  const place = findProject(draft, args.projectId);
  const target = findUnit(draft, args.toUnitId).unit;
  if (target === place.unit) {
    moveWithin(place.unit.projects, place.projectIndex, args.toIndex);
    return;
  }
  const [project] = place.unit.projects.splice(place.projectIndex, 1);
  if (project) target.projects.splice(clampIndex(args.toIndex, target.projects.length), 0, project);
}

export function addIndicator(
  draft: JixiaoDocument,
  args: { projectId: string; id: string; index?: number; init?: Partial<Omit<Indicator, 'id'>> },
): void {
  const { project } = findProject(draft, args.projectId);
  const index = clampIndex(args.index ?? project.indicators.length, project.indicators.length);
  project.indicators.splice(index, 0, emptyIndicator(args.id, args.init));
}

export function deleteIndicators(
  draft: JixiaoDocument,
  args: { projectId: string; indicatorIds: string[] },
): void {
  const { project } = findProject(draft, args.projectId);
  for (const indicatorId of args.indicatorIds) {
    const { indicatorIndex } = findIndicator(project, indicatorId);
    project.indicators.splice(indicatorIndex, 1);
  }
}

export function duplicateIndicator(
  draft: JixiaoDocument,
  args: { projectId: string; indicatorId: string; id: string },
): void {
  const { project } = findProject(draft, args.projectId);
  const { indicator, indicatorIndex } = findIndicator(project, args.indicatorId);
  project.indicators.splice(indicatorIndex + 1, 0, { ...plain(indicator), id: args.id });
}

export function moveIndicator(
  draft: JixiaoDocument,
  args: { projectId: string; indicatorId: string; toIndex: number },
): void {
  const { project } = findProject(draft, args.projectId);
  const { indicatorIndex } = findIndicator(project, args.indicatorId);
  moveWithin(project.indicators, indicatorIndex, args.toIndex);
}

/** 年度 → 实施周期 for the given indicators, or all of the project's. */
export function copyAnnualToPeriod(
  draft: JixiaoDocument,
  args: { projectId: string; indicatorIds?: string[] },
): void {
  const { project } = findProject(draft, args.projectId);
  const ids = args.indicatorIds ? new Set(args.indicatorIds) : null;
  let copied = 0;
  for (const indicator of project.indicators) {
    if (ids && !ids.has(indicator.id)) continue;
    indicator.period = { ...indicator.annual };
    copied += 1;
  }
  if (copied === 0) throw new EditError('没有可复制的指标。');
}
