import { useEffect, useState } from 'react';

/**
 * `value` as the screen showed it one frame ago: a change is rendered after the browser has
 * painted the frame that caused it (the next animation frame, then a task). The grid's cell
 * shows a confirmed amount first; the panel's copy of it follows, so its work does not delay
 * that frame (React's deferred render ran before the frame, in the same wait).
 */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setShown(() => value), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [value, shown]);
  return shown;
}
