/**
 * The focus model of the window: who owns the keyboard, and where a key goes.
 *
 * - **Regions.** The window has focus regions, each an element marked `data-focus-region`:
 *   `grid` (the table), `panel` (项目详情), `findings` (检查) and `find` (the find bar). Exactly
 *   one region is current; it is the one the last focused element was in. Only the grid's region
 *   lets keys reach the grid.
 * - **The grid's text box** (`textarea.cell-editor`) is invisible while the clerk moves between
 *   cells. It is never in the Tab order (`tabIndex=-1`) and takes the focus only while the grid
 *   is the current region (a click on a cell, F6 / Esc back to the grid, a dialog closing that was
 *   opened from the grid). It refuses keys whenever it is not the current region's owner or a
 *   dialog or menu is open (`gridMayTakeKeys`). The active cell is drawn as focused only while
 *   the text box has the focus, so a clerk always sees where typing goes.
 * - **Tab** inside the panel, the findings panel and the find bar walks that region's fields in
 *   visual (document) order and wraps at its ends: it never leaves into the grid's text box.
 *   **F6** / **Shift+F6** go to the next / previous open region; **Esc** in a panel field puts
 *   back what the field had before the edit and returns to the grid at the panel's project.
 * - **Traps.** A modal dialog (`Modal`) and the context menu carry `data-focus-trap`: while one is
 *   open the focus cannot leave it (a focus landing outside is sent back), Tab and Shift+Tab wrap
 *   inside it, and no document shortcut runs. Modal focuses its first field on opening, Esc
 *   cancels, Enter confirms the default button, and closing gives the focus back to the element
 *   that had it (or to the current region when that element is gone).
 * - **Lost focus.** When a re-render removes the focused element, the focus goes back to the same
 *   region (its field with the same `data-focus-key`, else its first field), never to the grid.
 * - **New things** (a project, a unit, an indicator) get the focus on their first field and are
 *   scrolled into view (`focusWhenShown`).
 */

import { DIALOG_ANSWERED_EVENT, DIALOG_SHOWN_EVENT } from '../../shared/ipc/channels';
import { useAppStore } from './store';

export type Region = 'grid' | 'panel' | 'findings' | 'find';

const REGION_ORDER: Region[] = ['grid', 'find', 'panel', 'findings'];

let current: Region = 'grid';
/** The `data-focus-key` (or label) of the last focused field per region, to come back to it. */
const lastKeys = new Map<Region, string>();

const FOCUSABLE =
  'input:not([type="hidden"]):not(:disabled), select:not(:disabled), textarea:not(:disabled), button:not(:disabled), [href], [tabindex]:not([tabindex="-1"])';

/** The region that owns the keyboard now. */
export function currentRegion(): Region {
  return current;
}

/** The open trap (dialog or menu) on top, if any. */
export function openTrap(): HTMLElement | null {
  const traps = globalThis.document.querySelectorAll<HTMLElement>('[data-focus-trap]');
  return traps.length > 0 ? (traps[traps.length - 1] as HTMLElement) : null;
}

/** The host's dialogs asked for and not answered yet (see `whileHostAsks`). */
let hostQuestions = 0;

/**
 * Runs `ask`, a call that shows one of the host's dialogs (where to save, 是否保存), with the
 * window's keys held until the dialog is up. It comes up some tens of milliseconds after the key
 * that asked for it: keys typed in between went to the grid (Ctrl+S on the sample and a file
 * name typed at once renamed a project with its first letter). Held, they do nothing. Once the
 * dialog is up it has the keys itself: Electron's is modal (the window loses the focus), the
 * browser shell's makes the page inert and says so (DIALOG_SHOWN_EVENT). Where a platform does
 * not blur the window for Electron's dialog, main says when it is answered (DIALOG_ANSWERED_EVENT,
 * through the preload). After it, while the host writes, the window takes keys again (edits made
 * then stay unsaved, and are autosaved).
 */
export async function whileHostAsks<T>(ask: () => Promise<T>): Promise<T> {
  hostQuestions += 1;
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    hostQuestions -= 1;
    window.removeEventListener('blur', release);
    window.removeEventListener(DIALOG_SHOWN_EVENT, release);
    window.removeEventListener(DIALOG_ANSWERED_EVENT, release);
  };
  window.addEventListener('blur', release);
  window.addEventListener(DIALOG_SHOWN_EVENT, release);
  window.addEventListener(DIALOG_ANSWERED_EVENT, release);
  try {
    return await ask();
  } finally {
    release();
  }
}

/** True while a host dialog is on its way (no window shortcut runs). */
export function hostIsAsking(): boolean {
  return hostQuestions > 0;
}

/** True when the grid's text box may take keys: no dialog or menu open, the grid's region current. */
export function gridMayTakeKeys(): boolean {
  return current === 'grid' && openTrap() === null && hostQuestions === 0;
}

/** The fields of a container Tab walks, in document order, skipping hidden ones. */
export function focusables(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) =>
      element.tabIndex >= 0 &&
      !element.closest('[hidden], [inert]') &&
      (element.offsetWidth > 0 || element.offsetHeight > 0),
  );
}

/** Tab and Shift+Tab wrap inside `container`. True when the key was taken. */
export function trapTab(
  container: HTMLElement,
  event: KeyboardEvent | React.KeyboardEvent,
): boolean {
  if (event.key !== 'Tab' || event.ctrlKey || event.altKey || event.metaKey) return false;
  const list = focusables(container);
  if (list.length === 0) {
    event.preventDefault();
    return true;
  }
  const active = globalThis.document.activeElement as HTMLElement | null;
  const index = active ? list.indexOf(active) : -1;
  const next =
    index < 0
      ? event.shiftKey
        ? list.at(-1)
        : list[0]
      : list[(index + (event.shiftKey ? -1 : 1) + list.length) % list.length];
  event.preventDefault();
  next?.focus();
  if (next instanceof HTMLInputElement && next.type === 'text') next.select();
  return true;
}

function regionElement(region: Region): HTMLElement | null {
  return globalThis.document.querySelector<HTMLElement>(`[data-focus-region="${region}"]`);
}

function keyOf(element: HTMLElement): string | null {
  return element.dataset.focusKey ?? element.getAttribute('aria-label');
}

/** Focuses the grid's text box (the active cell takes the keys again). */
export function focusGrid(): boolean {
  const editor = globalThis.document.querySelector<HTMLTextAreaElement>('textarea.cell-editor');
  current = 'grid';
  if (!editor) return false;
  editor.focus({ preventScroll: true });
  // The clerk must see where the keys go: the active cell comes into view.
  useAppStore.setState((state) => ({ revealTick: state.revealTick + 1 }));
  return true;
}

/** What a region does just before the keyboard enters it by F6 (see `beforeEntering`). */
const entering = new Map<Region, () => void>();

/**
 * Runs `prepare` whenever the keyboard is about to enter `region` by F6 / Shift+F6: the panel
 * catches up with the grid's row first, so a quick F6 after a click shows that row's project.
 * Returns the function that takes it back.
 */
export function beforeEntering(region: Region, prepare: () => void): () => void {
  entering.set(region, prepare);
  return () => {
    if (entering.get(region) === prepare) entering.delete(region);
  };
}

/**
 * Brings `region` up to date now, as F6 would before entering it (the panel shows the grid's
 * row): for a command that puts the keyboard there itself (新增指标 from the grid).
 */
export function prepareToEnter(region: Region): void {
  entering.get(region)?.();
}

/**
 * Focuses a region: the grid's text box, or the region's last used field, else its first. When
 * `restoring` a focus a re-render took away, the fallback is never a button: its field gone (an
 * undo removed the project the panel showed), the next Enter would run the region's first
 * button (收起) unasked; the focus waits on the region itself instead.
 */
export function focusRegion(region: Region, restoring = false): boolean {
  if (region === 'grid') return focusGrid();
  const container = regionElement(region);
  if (!container) return false;
  const list = focusables(container);
  const key = lastKeys.get(region);
  const fallback = restoring
    ? list.find((element) => !(element instanceof HTMLButtonElement))
    : list[0];
  const target = (key && list.find((element) => keyOf(element) === key)) || fallback;
  current = region;
  if (!target) {
    container.focus({ preventScroll: true });
    return container.contains(globalThis.document.activeElement);
  }
  target.focus({ preventScroll: false });
  // A field the browser would not focus (hidden or disabled this instant) is not a success.
  return globalThis.document.activeElement === target;
}

/** F6 / Shift+F6: the next (previous) open region. */
export function cycleRegion(direction: 1 | -1): void {
  const open = REGION_ORDER.filter((region) => regionElement(region) !== null);
  const index = open.indexOf(current);
  for (let step = 1; step <= open.length; step++) {
    const next = open[(index + step * direction + open.length * 2) % open.length] as Region;
    entering.get(next)?.();
    if (focusRegion(next)) return;
  }
}

interface PendingFocus {
  selector: string;
  frames: number;
  until: number;
  stillComing: () => boolean;
  container: HTMLElement | null;
  onCancel?: (() => void) | undefined;
}

let pending: PendingFocus | null = null;

/** Frames `focusWhenShown` waits in any case; longer only while its element is still coming. */
const PENDING_FRAMES = 60;
/** The longest wait for an element that is still coming (a slow, busy PC). */
const PENDING_LIMIT_MS = 5000;

/** How `focusWhenShown` waits and what it does at the end (beyond focusing the element). */
export interface ShownOptions {
  /** Frames it waits in any case (default 60). */
  frames?: number;
  /** Focuses what was found (by default the element itself). */
  focusOn?: (element: HTMLElement) => void;
  /** The element never came: instead of the lost-focus rule (the focus stays on the region). */
  onMissing?: () => void;
  /** The clerk went elsewhere meanwhile (a click): the wait ended without focusing anything. */
  onCancel?: () => void;
}

/**
 * Focuses (and scrolls into view) the element matching `selector` as soon as it is rendered,
 * e.g. the name of an indicator just added. Until then the focus waits on the region's
 * container, so keys typed meanwhile reach no field. The wait lasts 60 frames, and beyond them
 * (up to five seconds) as long as `stillComing` says the element is on its way: on a slow, busy
 * PC the panel caught up with the new indicator's project after the frames had run out, and
 * the keyboard stayed on the panel's box. A click elsewhere ends the wait.
 */
export function focusWhenShown(
  region: Region,
  selector: string,
  stillComing: () => boolean = () => false,
  options: ShownOptions = {},
): void {
  current = region;
  const container = regionElement(region);
  const active = globalThis.document.activeElement;
  if (container && active instanceof HTMLElement && !container.contains(active)) {
    container.focus({ preventScroll: true });
  }
  const wait: PendingFocus = {
    selector,
    frames: options.frames ?? PENDING_FRAMES,
    until: performance.now() + PENDING_LIMIT_MS,
    stillComing,
    container,
    onCancel: options.onCancel,
  };
  // A wait this one replaces has ended without its element.
  const replaced = pending;
  pending = wait;
  replaced?.onCancel?.();
  const attempt = () => {
    if (pending !== wait) return;
    const element = globalThis.document.querySelector<HTMLElement>(wait.selector);
    if (element) {
      pending = null;
      element.scrollIntoView({ block: 'nearest' });
      if (options.focusOn) options.focusOn(element);
      else element.focus({ preventScroll: true });
      return;
    }
    if (--wait.frames > 0 || (wait.stillComing() && performance.now() < wait.until)) {
      requestAnimationFrame(attempt);
      return;
    }
    // It never showed (undone, or the panel went to another project): the keyboard must not
    // stay nowhere — the lost-focus rule applies as if the wait had not been.
    pending = null;
    if (options.onMissing) options.onMissing();
    else restoreLostFocus();
  };
  attempt();
}

/** True while `focusWhenShown` waits for its element. */
export function hasPendingFocus(): boolean {
  return pending !== null;
}

/** True when no element has the focus (it was removed, or a click landed on plain text). */
export function focusIsLost(): boolean {
  const active = globalThis.document.activeElement;
  return active === null || active === globalThis.document.body;
}

/** Sends a lost focus back: into the open trap, else to the current region, else the grid. */
function restoreLostFocus(): void {
  if (!focusIsLost() || !globalThis.document.hasFocus() || pending) return;
  const trap = openTrap();
  if (trap) {
    (focusables(trap)[0] ?? trap).focus({ preventScroll: true });
    return;
  }
  if (focusRegion(current, true)) return;
  // The region may be re-rendering this instant (an undo or redo rebuilds the panel): give it a
  // few frames before the keyboard falls back to the grid, so it never jumps there by timing.
  let frames = 4;
  const retry = () => {
    if (!focusIsLost() || pending) return;
    if (focusRegion(current, true)) return;
    if (--frames > 0) requestAnimationFrame(retry);
    else focusGrid();
  };
  requestAnimationFrame(retry);
}

function regionOf(element: Element): Region | null {
  const owner = element.closest<HTMLElement>('[data-focus-region]');
  return (owner?.dataset.focusRegion as Region | undefined) ?? null;
}

/**
 * Follows the focus (current region, last field per region), keeps it inside an open trap and
 * brings it back to its region when a re-render removed the focused element. Returns the
 * unsubscribe function.
 */
export function trackFocus(): () => void {
  const doc = globalThis.document;
  const onFocusIn = (event: FocusEvent) => {
    const target = event.target as HTMLElement;
    // The clerk went elsewhere (a click) while a new field was awaited: it no longer takes the
    // focus when it comes.
    if (pending && target !== pending.container) {
      const cancelled = pending;
      pending = null;
      cancelled.onCancel?.();
    }
    const trap = openTrap();
    if (trap && !trap.contains(target)) {
      (focusables(trap)[0] ?? trap).focus({ preventScroll: true });
      return;
    }
    const region = regionOf(target);
    if (!region) return;
    current = region;
    const key = keyOf(target);
    if (key && region !== 'grid') lastKeys.set(region, key);
  };
  const onFocusOut = (event: FocusEvent) => {
    // A click on a part of the window that takes no focus: back to the region once it settled.
    if (!event.relatedTarget) requestAnimationFrame(restoreLostFocus);
  };
  // Chromium fires no blur when a re-render removes the focused element: watch for it.
  const observer = new MutationObserver(restoreLostFocus);
  observer.observe(doc.body, { childList: true, subtree: true });
  doc.addEventListener('focusin', onFocusIn);
  doc.addEventListener('focusout', onFocusOut);
  return () => {
    doc.removeEventListener('focusin', onFocusIn);
    doc.removeEventListener('focusout', onFocusOut);
    observer.disconnect();
  };
}

/** Keys whose default action scrolls the region a focused button sits in. */
const SCROLL_KEYS = new Set([
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'PageUp',
  'PageDown',
  'Home',
  'End',
]);

/**
 * Key handling of a region's container: Tab wraps inside it; Esc (when the field did not use
 * it) calls `onEscape`, by default a return to the grid. Arrow, Page and Home/End keys on a
 * button do nothing: the browser would scroll the region and carry the focused button out of
 * sight, and the next Enter would run it (复制, 删除) where the clerk cannot see it. Text
 * fields and drop-downs keep their keys.
 */
export function regionKeyDown(onEscape: () => void = focusGrid) {
  return (event: React.KeyboardEvent<HTMLElement>) => {
    if (event.defaultPrevented || event.nativeEvent.isComposing || event.keyCode === 229) return;
    // While a new field is awaited (focusWhenShown) the focus waits on the region: Tab would
    // reach a field of what the region shows now, e.g. the panel's project before it followed
    // the grid, and the late render would put another project's field under it.
    if (event.key === 'Tab' && hasPendingFocus()) {
      event.preventDefault();
      return;
    }
    if (trapTab(event.currentTarget, event)) return;
    if (
      event.target instanceof HTMLButtonElement &&
      SCROLL_KEYS.has(event.key) &&
      !event.ctrlKey &&
      !event.altKey &&
      !event.metaKey
    ) {
      event.preventDefault();
      return;
    }
    if (event.key === 'Escape' && !event.ctrlKey && !event.altKey) {
      event.preventDefault();
      onEscape();
    }
  };
}
