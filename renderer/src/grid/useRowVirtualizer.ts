import {
  elementScroll,
  observeElementOffset,
  observeElementRect,
  Virtualizer,
  type VirtualItem,
  type VirtualizerOptions,
} from '@tanstack/react-virtual';
import { useLayoutEffect, useReducer, useState } from 'react';
import { flushSync } from 'react-dom';

type Options = Omit<
  VirtualizerOptions<HTMLDivElement, Element>,
  'observeElementRect' | 'observeElementOffset' | 'scrollToFn' | 'onChange'
>;

/** The virtualizer, knowing what the grid rendered last. */
class GridVirtualizer extends Virtualizer<HTMLDivElement, Element> {
  private shownItems: VirtualItem[] | null = null;
  private shownTotal = 0;
  /** A row's ref callback is reporting its size (React is committing). */
  measuring = false;

  constructor(options: VirtualizerOptions<HTMLDivElement, Element>) {
    super(options);
    const measure = this.measureElement;
    this.measureElement = (node) => {
      this.measuring = true;
      try {
        measure(node);
      } finally {
        this.measuring = false;
      }
    };
  }

  /** Notes what the grid has just rendered. */
  rendered(items: VirtualItem[], total: number): void {
    this.shownItems = items;
    this.shownTotal = total;
  }

  /** Whether the grid already shows the rows, places and height the virtualizer has now. */
  showsCurrent(): boolean {
    return this.shownItems === this.getVirtualItems() && this.shownTotal === this.getTotalSize();
  }
}

/**
 * The grid's virtualizer. Unlike the library's React hook, which renders the grid again on every
 * change the virtualizer notices (each scroll, each start and end of scrolling), this renders it
 * only when the rows to show, their places or the grid's height changed: with the row window
 * (rowWindow.ts) an arrow key that scrolls renders nothing for the virtualizer.
 */
export function useRowVirtualizer(options: Options): Virtualizer<HTMLDivElement, Element> {
  const rerender = useReducer((count: number) => count + 1, 0)[1];
  const resolved: VirtualizerOptions<HTMLDivElement, Element> = {
    observeElementRect,
    observeElementOffset,
    scrollToFn: elementScroll,
    ...options,
    onChange: (instance, sync) => {
      const grid = instance as GridVirtualizer;
      if (grid.showsCurrent()) return;
      // A size reported from a row's ref callback is part of React's commit, where a
      // synchronous render is not allowed; the grid renders after the commit instead.
      if (sync && !grid.measuring) flushSync(rerender);
      else rerender();
    },
  };
  const [instance] = useState(() => new GridVirtualizer(resolved));
  instance.setOptions(resolved);
  // What this render shows; a size measured while it commits differs, and renders again.
  const items = instance.getVirtualItems();
  const total = instance.getTotalSize();
  useLayoutEffect(() => instance._didMount(), [instance]);
  useLayoutEffect(() => {
    instance.rendered(items, total);
    return instance._willUpdate();
  });
  return instance;
}
