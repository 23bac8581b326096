import { describe, expect, it } from 'vitest';
import { nextWindow, WINDOW_MARGIN, windowIndexes } from '../../../renderer/src/grid/rowWindow';

const range = (startIndex: number, endIndex: number, count = 10_000) => ({
  startIndex,
  endIndex,
  overscan: 0,
  count,
});

describe('the rows the grid renders', () => {
  it('reaches a margin beyond the visible rows, clipped to the document', () => {
    expect(nextWindow(null, range(100, 110))).toEqual({
      start: 100 - WINDOW_MARGIN,
      end: 110 + WINDOW_MARGIN,
    });
    expect(nextWindow(null, range(2, 12, 20))).toEqual({ start: 0, end: 19 });
  });

  it('stays put while one-row moves keep the visible rows inside it', () => {
    let window = nextWindow(null, range(100, 110));
    const first = window;
    // Down one row at a time until the window must move, then back up over the same rows.
    let moves = 0;
    for (let top = 101; top <= 140; top += 1) {
      const next = nextWindow(window, range(top, top + 10));
      if (next !== window) moves += 1;
      window = next;
      expect(window.start).toBeLessThanOrEqual(top);
      expect(window.end).toBeGreaterThanOrEqual(top + 10);
    }
    // 40 rows down: the window moved a block at a time, not on every row.
    expect(moves).toBeGreaterThan(0);
    expect(moves).toBeLessThanOrEqual(4);
    expect(window).not.toBe(first);
    const turned = window;
    for (let top = 139; top >= 130; top -= 1) window = nextWindow(window, range(top, top + 10));
    expect(window).toBe(turned);
  });

  it('is built again around a far jump, never grown to cover both places', () => {
    const near = nextWindow(null, range(100, 110));
    const far = nextWindow(near, range(9_000, 9_010));
    expect(far).toEqual({ start: 9_000 - WINDOW_MARGIN, end: 9_010 + WINDOW_MARGIN });
    expect(windowIndexes(far)).toHaveLength(far.end - far.start + 1);
  });

  it('shrinks to a document that lost rows', () => {
    const window = nextWindow(null, range(100, 110));
    expect(nextWindow(window, range(10, 20, 30))).toEqual({ start: 0, end: 29 });
  });
});
