import type { KeyboardEvent, ReactNode } from 'react';

/**
 * A modal dialog over the window: the backdrop, and a box labelled by its heading. With
 * `onSubmit` the box is a form (Enter in a field submits); Escape calls `onEscape`. The keyboard
 * shortcuts of the document stay off while it is open (keyboard.ts looks for `aria-modal`).
 */
export function Modal({
  labelledBy,
  className,
  onEscape,
  onSubmit,
  onKeyDown,
  children,
}: {
  /** Id of the dialog's heading. */
  labelledBy: string;
  className?: string;
  onEscape?: () => void;
  onSubmit?: () => void;
  onKeyDown?: (event: KeyboardEvent<HTMLElement>) => void;
  children: ReactNode;
}) {
  const props = {
    className: className ? `modal ${className}` : 'modal',
    role: 'dialog',
    'aria-modal': true,
    'aria-labelledby': labelledBy,
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
      if (event.key === 'Escape') onEscape?.();
      onKeyDown?.(event);
    },
  } as const;
  return (
    <div className="modal-backdrop">
      {onSubmit ? (
        <form
          {...props}
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit();
          }}
        >
          {children}
        </form>
      ) : (
        <div {...props}>{children}</div>
      )}
    </div>
  );
}
