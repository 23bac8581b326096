import { useState, type PointerEvent } from 'react';
import { zhCN } from '../i18n/zh-CN';
import { rememberLayout } from '../layoutSettings';
import { useAppStore } from '../store';
import './panelResizer.css';

/** The narrowest and widest the project panel may be dragged, in CSS pixels. */
export const PANEL_MIN = 320;
export const PANEL_MAX = 900;

export function clampPanelWidth(width: number): number {
  const room = typeof window === 'undefined' ? PANEL_MAX : window.innerWidth - 520;
  return Math.round(Math.max(PANEL_MIN, Math.min(PANEL_MAX, room, width)));
}

/** The panel's width: the one the clerk dragged to (remembered), else a third of the window. */
export function usePanelWidth(): number | undefined {
  const width = useAppStore((state) => state.panelWidth);
  return width === null ? undefined : clampPanelWidth(width);
}

/**
 * The panel's left edge: drag it to make the panel wider or narrower; the width is remembered
 * for the next start. Arrow keys do the same for a keyboard user.
 */
export function PanelResizer() {
  const [dragging, setDragging] = useState(false);
  // The panel follows the edge in the side column.
  const widthOf = (element: HTMLElement) =>
    element.nextElementSibling?.getBoundingClientRect().width ?? 400;
  const set = (width: number) => useAppStore.setState({ panelWidth: clampPanelWidth(width) });
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    const startX = event.clientX;
    const startWidth = widthOf(event.currentTarget);
    const target = event.currentTarget;
    target.setPointerCapture(event.pointerId);
    setDragging(true);
    const onMove = (move: globalThis.PointerEvent) => set(startWidth + (startX - move.clientX));
    const onUp = () => {
      target.removeEventListener('pointermove', onMove);
      target.removeEventListener('pointerup', onUp);
      setDragging(false);
      rememberLayout();
    };
    target.addEventListener('pointermove', onMove);
    target.addEventListener('pointerup', onUp);
  };
  return (
    <div
      className={dragging ? 'panel-resizer dragging' : 'panel-resizer'}
      role="separator"
      aria-orientation="vertical"
      aria-label={zhCN.panel.resize}
      title={zhCN.panel.resize}
      onPointerDown={onPointerDown}
    />
  );
}
