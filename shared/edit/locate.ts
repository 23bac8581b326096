import type { FundingUnit, Indicator, JixiaoDocument, Project } from '../model';
import { EditError } from './patches';

/** Where a project sits: its unit and both indexes. */
export interface ProjectPlace {
  unit: FundingUnit;
  unitIndex: number;
  project: Project;
  projectIndex: number;
}

/** The unit with this id, or an EditError (the row was deleted meanwhile). */
export function findUnit(
  document: JixiaoDocument,
  unitId: string,
): { unit: FundingUnit; unitIndex: number } {
  const unitIndex = document.units.findIndex((unit) => unit.id === unitId);
  const unit = document.units[unitIndex];
  if (!unit) throw new EditError('找不到该单位，可能已被删除。');
  return { unit, unitIndex };
}

/** The project with this id, wherever it is. */
export function findProject(document: JixiaoDocument, projectId: string): ProjectPlace {
  for (let unitIndex = 0; unitIndex < document.units.length; unitIndex += 1) {
    const unit = document.units[unitIndex] as FundingUnit;
    const projectIndex = unit.projects.findIndex((project) => project.id === projectId);
    const project = unit.projects[projectIndex];
    if (project) return { unit, unitIndex, project, projectIndex };
  }
  throw new EditError('找不到该项目，可能已被删除。');
}

/** The indicator with this id in a project. */
export function findIndicator(
  project: Project,
  indicatorId: string,
): { indicator: Indicator; indicatorIndex: number } {
  const indicatorIndex = project.indicators.findIndex((indicator) => indicator.id === indicatorId);
  const indicator = project.indicators[indicatorIndex];
  if (!indicator) throw new EditError('找不到该指标，可能已被删除。');
  return { indicator, indicatorIndex };
}

/** Keeps an index within 0..length. */
export function clampIndex(index: number, length: number): number {
  return Math.max(0, Math.min(length, Math.trunc(index)));
}
