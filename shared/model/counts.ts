import type { JixiaoDocument } from './document';

/** How much a document holds, as reports and summaries state it. */
export interface DocumentCounts {
  units: number;
  projects: number;
  indicators: number;
}

/** Counts a document's funding units, projects and indicators. */
export function documentCounts(document: Pick<JixiaoDocument, 'units'>): DocumentCounts {
  let projects = 0;
  let indicators = 0;
  for (const unit of document.units) {
    projects += unit.projects.length;
    for (const project of unit.projects) indicators += project.indicators.length;
  }
  return { units: document.units.length, projects, indicators };
}
