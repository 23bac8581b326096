import { useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import {
  currentRegion,
  focusables,
  focusRegion,
  hasPendingFocus,
  openTrap,
  trapTab,
} from '../focus';
import './modal.css';

/** The first field to focus: one marked `autoFocus`/`data-autofocus`, else the first field. */
function firstField(box: HTMLElement): HTMLElement | undefined {
  return (
    box.querySelector<HTMLElement>('[data-autofocus], [autofocus]') ??
    focusables(box).find((element) => !element.classList.contains('link')) ??
    focusables(box)[0]
  );
}

/** The button Enter presses: the form's submit button or the one marked `primary`. */
function defaultButton(box: HTMLElement): HTMLButtonElement | null {
  return box.querySelector<HTMLButtonElement>(
    'button[type="submit"]:not(:disabled), button.primary:not(:disabled)',
  );
}

/**
 * A modal dialog over the window, the one place dialogs get their keyboard behaviour (see the
 * focus model in focus.ts): it takes the focus on its first field, traps Tab and Shift+Tab,
 * Escape calls `onEscape`, Enter presses the default button (submit, or `.primary`) except on a
 * button or a <summary>, and on closing the focus goes back where it was. While it is open no key
 * reaches the document (`data-focus-trap`; keyboard.ts and the grid's text box both look for it).
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
  const boxRef = useRef<HTMLElement | null>(null);
  // Read while rendering, before a child's autoFocus moves the focus into the dialog.
  const previousRef = useRef(globalThis.document.activeElement as HTMLElement | null);
  const regionRef = useRef(currentRegion());
  useLayoutEffect(() => {
    const previous = previousRef.current;
    const region = regionRef.current;
    const box = boxRef.current;
    const active = globalThis.document.activeElement;
    if (box && !(active instanceof HTMLElement && active !== box && box.contains(active))) {
      const first = firstField(box) ?? box;
      first.focus({ preventScroll: true });
      if (first instanceof HTMLInputElement && first.type === 'text') first.select();
    }
    // Runs before the dialog leaves the page, so the focus never falls to <body>; a dialog that
    // opens in its place takes it next.
    return () => {
      if (!box) return;
      const onTop = openTrap() === box;
      box.removeAttribute('data-focus-trap');
      if (!onTop || hasPendingFocus()) return;
      if (previous?.isConnected && previous !== globalThis.document.body) {
        previous.focus({ preventScroll: true });
      } else {
        focusRegion(region);
      }
    };
  }, []);
  const props = {
    className: className ? `modal ${className}` : 'modal',
    role: 'dialog',
    'aria-modal': true,
    'aria-labelledby': labelledBy,
    'data-focus-trap': 'dialog',
    tabIndex: -1,
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
      onKeyDown?.(event);
      if (event.defaultPrevented) return;
      const box = event.currentTarget;
      if (trapTab(box, event)) return;
      if (event.nativeEvent.isComposing || event.keyCode === 229) return;
      const target = event.target as HTMLElement;
      if ((event.ctrlKey || event.metaKey) && ['z', 'y'].includes(event.key.toLowerCase())) {
        // The page-wide native undo would reach fields behind the dialog (keyboard.ts).
        event.preventDefault();
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        onEscape?.();
      } else if (
        event.key === 'Enter' &&
        !event.shiftKey &&
        !event.altKey &&
        !event.ctrlKey &&
        !event.metaKey &&
        !(target instanceof HTMLTextAreaElement) &&
        !(target instanceof HTMLButtonElement) &&
        // Enter on a <summary> (查看全部 N 个项目, a report group) opens or closes its list.
        target.tagName !== 'SUMMARY'
      ) {
        const button = defaultButton(box);
        event.preventDefault();
        event.stopPropagation();
        button?.click();
      }
    },
  } as const;
  return (
    <div className="modal-backdrop">
      {onSubmit ? (
        <form
          {...props}
          ref={(element) => {
            boxRef.current = element;
          }}
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit();
          }}
        >
          {children}
        </form>
      ) : (
        <div
          {...props}
          ref={(element) => {
            boxRef.current = element;
          }}
        >
          {children}
        </div>
      )}
    </div>
  );
}
