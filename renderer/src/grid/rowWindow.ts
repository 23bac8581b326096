import type { Range } from '@tanstack/react-virtual';

/** Rows kept rendered beyond the visible ones when the window has to move. */
export const WINDOW_MARGIN = 16;
/** Rows that must stay rendered beyond the visible ones before the window moves. */
const WINDOW_KEEP = 3;

export interface RowWindow {
  start: number;
  end: number;
}

/**
 * Which rows the grid renders, given the visible ones: the window rendered last while it still
 * covers them with a few rows to spare, else a new one reaching `WINDOW_MARGIN` rows beyond
 * them on both sides. An arrow key that scrolls one row then changes no row in the document
 * (building a row, laying it out and committing the new layers cost most of a key), and a row a
 * clerk goes back to is still there; the window moves a block of rows at a time.
 */
export function nextWindow(current: RowWindow | null, range: Range): RowWindow {
  const last = range.count - 1;
  const keepStart = Math.max(0, range.startIndex - WINDOW_KEEP);
  const keepEnd = Math.min(last, range.endIndex + WINDOW_KEEP);
  if (
    current &&
    current.start <= keepStart &&
    current.end >= keepEnd &&
    current.end <= last &&
    // A window left far behind by a jump (find, Ctrl+End) is not kept growing.
    current.end - current.start <= keepEnd - keepStart + 4 * WINDOW_MARGIN
  ) {
    return current;
  }
  return {
    start: Math.max(0, range.startIndex - WINDOW_MARGIN),
    end: Math.min(last, range.endIndex + WINDOW_MARGIN),
  };
}

/** The row indexes of a window, for the virtualizer's `rangeExtractor`. */
export function windowIndexes(window: RowWindow): number[] {
  const indexes: number[] = [];
  for (let index = window.start; index <= window.end; index += 1) indexes.push(index);
  return indexes;
}

/**
 * A `rangeExtractor` for the virtualizer that renders every row of a small document and a
 * moving window of a large one. It gives back the same array while the window stays, so the
 * virtualizer's rows stay the same list and the grid need not render again (useRowVirtualizer).
 */
export function windowExtractor(fullRenderLimit: number): (range: Range) => number[] {
  let window: RowWindow | null = null;
  let indexes: number[] = [];
  return (range) => {
    const next =
      range.count <= fullRenderLimit
        ? { start: 0, end: range.count - 1 }
        : nextWindow(window, range);
    if (!window || next.start !== window.start || next.end !== window.end) {
      indexes = windowIndexes(next);
    }
    window = next;
    return indexes;
  };
}
