import { useEffect, useState } from 'react';

/**
 * `value` as the screen showed it one frame ago: a change is rendered after the browser has
 * painted the frame that caused it (the next animation frame, then a task). The grid's cell
 * shows a confirmed amount first; the panel's copy of it follows, so its work does not delay
 * that frame (React's deferred render ran before the frame, in the same wait).
 *
 * A new `catchUp` number shows `value` at once, in the render that brings it: F6 into the panel
 * must find the grid's project there, not the one the panel showed a frame ago.
 */
export function useAfterPaint<T>(value: T, catchUp = 0): T {
  const [shown, setShown] = useState({ value, catchUp });
  const caughtUp = shown.catchUp !== catchUp;
  // Render-phase update: React renders this component again at once with the new state.
  if (caughtUp) setShown({ value, catchUp });
  useEffect(() => {
    if (Object.is(shown.value, value) || shown.catchUp !== catchUp) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setShown((before) => ({ value, catchUp: before.catchUp })), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [value, shown, catchUp]);
  return caughtUp ? value : shown.value;
}
