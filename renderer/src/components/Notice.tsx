import { useEffect } from 'react';
import { notify, type Notice as NoticeValue } from '../store';
import './notice.css';

/**
 * How long a notice stays: a confirmation briefly, an error long enough to read it twice, a
 * confirmation with something to check longer still.
 */
const SHOWN_MS = { info: 4000, warning: 12000, error: 9000 } as const;
/** A notice with buttons (打开文件 …) stays long enough to reach them. */
const WITH_ACTIONS_MS = 15000;

/**
 * A transient notice floating at the bottom of the window, over the status bar: it never pushes
 * the table down, goes away by itself and takes no focus (keys keep going where they went).
 */
export function Notice({ notice }: { notice: NoticeValue }) {
  useEffect(() => {
    const timer = setTimeout(
      () => notify(null),
      notice.actions ? WITH_ACTIONS_MS : SHOWN_MS[notice.kind],
    );
    return () => clearTimeout(timer);
  }, [notice]);
  return (
    <div
      className={`notice notice-${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
    >
      <span>{notice.text}</span>
      {notice.actions?.map((action) => (
        <button
          key={action.label}
          type="button"
          tabIndex={-1}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => void action.run()}
        >
          {action.label}
        </button>
      ))}
      <button
        type="button"
        className="link"
        aria-label="关闭提示"
        tabIndex={-1}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => notify(null)}
      >
        关闭
      </button>
    </div>
  );
}
