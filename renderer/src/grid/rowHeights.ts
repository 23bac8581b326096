import { measureElement as measureBox, type Virtualizer } from '@tanstack/react-virtual';
import type { GridRow } from '../../../shared/edit';
import type { JixiaoDocument, Project } from '../../../shared/model';
import { SHOWN_INDICATORS } from './GridRows';

/** Lines of 年度目标 a row shows before clamping (styles.css `.clamp`). */
const GOAL_LINES = 6;

function lines(text: string, perLine: number): number {
  return text
    .split('\n')
    .reduce((total, line) => total + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

/** Text lines guessed per project version. */
const projectLines = new WeakMap<Project, number>();

/**
 * A row's shape for guessing its height: a unit row, or a project row of so many text lines as
 * it is drawn (the goal clamped, one line per shown indicator and one for 「共 N 条」), so the
 * guess costs the same whatever the number of indicators.
 */
function shapeOf(document: JixiaoDocument, row: GridRow | undefined): number {
  if (!row || row.kind === 'unit') return 0;
  const project = document.units[row.unitIndex]?.projects[row.projectIndex];
  if (!project) return 0;
  const known = projectLines.get(project);
  if (known !== undefined) return known;
  const count = project.indicators.length;
  const indicatorLines = Math.min(count, SHOWN_INDICATORS) + (count > SHOWN_INDICATORS ? 1 : 0);
  const goalLines = Math.min(lines(project.goals.annual, 18), GOAL_LINES);
  const shape = Math.max(lines(project.name, 10), goalLines, indicatorLines, 1);
  projectLines.set(project, shape);
  return shape;
}

/** Heights measured last, by view and shape: the font's line height is the platform's. */
const measured = new Map<string, number>();

/**
 * Row height guesses for the virtualized grid, corrected by measuring rows on screen. A guess is
 * the height last measured for a row of the same shape in the same view, else one from the text.
 * A guess that matches the measurement costs nothing; one that does not makes the virtualizer
 * place every row below again (10,000 at a time), which a text-only guess did for every row that
 * scrolled in.
 */
export function rowHeights(view: string, document: JixiaoDocument, rows: readonly GridRow[]) {
  const keyOf = (index: number) => `${view}:${shapeOf(document, rows[index])}`;
  return {
    estimate(index: number): number {
      const shape = shapeOf(document, rows[index]);
      return measured.get(`${view}:${shape}`) ?? (shape === 0 ? 32 : 10 + 21 * shape);
    },
    measure(
      element: Element,
      entry: ResizeObserverEntry | undefined,
      instance: Virtualizer<HTMLDivElement, Element>,
    ): number {
      const size = measureBox(element, entry, instance);
      const index = Number(element.getAttribute('data-index'));
      if (Number.isInteger(index) && size > 0) measured.set(keyOf(index), size);
      return size;
    },
  };
}
