import { useLayoutEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { commandForKey, runCommand } from '../commands';
import { lastEditError } from '../editing';
import { holdPending } from '../pendingEdits';

type Element = HTMLInputElement | HTMLTextAreaElement;

/**
 * A text field that writes to the document once per edit (on blur or Enter), so one edit is one
 * undo step. Enter that confirms an IME composition does not commit; Esc puts the value back.
 * A refused value stays in the field, marked, with the reason next to it.
 */
export function CommitField({
  value,
  onCommit,
  label,
  multiline = false,
  list,
  className,
  onFocus,
  onPasteBlock,
  field,
  placeholder,
  owner,
}: {
  value: string;
  onCommit: (text: string) => boolean | void;
  label: string;
  multiline?: boolean;
  list?: string;
  className?: string;
  onFocus?: () => void;
  /** A multi-cell paste (spreadsheet block); return true when it was taken. */
  onPasteBlock?: (event: ClipboardEvent<Element>) => boolean;
  /** The document field it edits (a find match is revealed here), e.g. `goals.period`. */
  field?: string;
  /** Greyed hint shown while the field is empty. */
  placeholder?: string;
  /**
   * What the field edits (an indicator's id), where the same field is reused for another one:
   * a refusal belongs to it, not to whichever indicator the field shows next.
   */
  owner?: string;
}) {
  const ref = useRef<Element | null>(null);
  // The refusal belongs to the value it was given for: a new value from outside clears it.
  const [refused, setRefused] = useState<{
    value: string;
    owner: string | undefined;
    message: string;
  } | null>(null);
  const error =
    refused && refused.value === value && refused.owner === owner ? refused.message : null;
  const setError = (message: string | null) =>
    setRefused(message === null ? null : { value, owner, message });
  // A new value from outside (undo, paste, another field) replaces the text in place: the field
  // is not remounted, so a field that has the focus keeps it.
  useLayoutEffect(() => {
    if (ref.current && ref.current.value !== value) ref.current.value = value;
  }, [value]);
  // A field that leaves the page (its indicator deleted, the panel closed) writes what was typed
  // in it first: the browser sends no blur then, and typing must never be lost silently.
  const latest = useRef({ value, onCommit });
  useLayoutEffect(() => {
    latest.current = { value, onCommit };
  });
  useLayoutEffect(
    () => () => {
      const element = ref.current;
      if (element && element.value !== latest.current.value) latest.current.onCommit(element.value);
    },
    [],
  );
  /**
   * Typing in the field is written before a save, a close or another command (pendingEdits.ts):
   * registered from the first change until the field writes it or puts the value back.
   */
  const typing = useRef<(() => void) | null>(null);
  const settleTyping = useRef<() => boolean>(() => true);
  const release = () => {
    typing.current?.();
    typing.current = null;
  };
  const hold = () => {
    typing.current ??= holdPending(() => settleTyping.current());
  };
  useLayoutEffect(() => release, []);
  /** Writes the field's text; false when it was refused (the reason is shown beside it). */
  const commitFrom = (element: Element): boolean => {
    release();
    if (element.value === value) {
      setError(null);
      return true;
    }
    if (onCommit(element.value) === false) {
      setError(lastEditError() ?? '');
      hold();
      return false;
    }
    setError(null);
    return true;
  };
  useLayoutEffect(() => {
    settleTyping.current = () => (ref.current ? commitFrom(ref.current) : true);
  });
  const onKeyDown = (event: KeyboardEvent<Element>) => {
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    const undoKey =
      (event.ctrlKey || event.metaKey) &&
      !event.altKey &&
      ['z', 'y'].includes(event.key.toLowerCase());
    if (undoKey) {
      // Undo stays in the field (see keyboard.ts): typing not yet written is put back; with
      // nothing typed, Ctrl+Z / Ctrl+Y step the document's history as everywhere else.
      event.preventDefault();
      const redo = event.key.toLowerCase() === 'y' || event.shiftKey;
      if (event.currentTarget.value !== value) {
        if (!redo) event.currentTarget.value = value;
      } else void runCommand(redo ? 'redo' : 'undo');
      return;
    }
    if (event.key === 'Escape') {
      // Puts back what the field had; the panel then returns the focus to the grid (focus.ts).
      event.currentTarget.value = value;
      setError(null);
      release();
    } else if (event.key === 'Enter' && (!multiline || event.ctrlKey)) {
      event.preventDefault();
      const written = commitFrom(event.currentTarget);
      // 新增指标 (Ctrl+Shift+Enter) from a field, typing a list of indicators: the field's text
      // is written first, then the next indicator comes and its name takes the keys. A refused
      // text stays, marked, and no indicator comes.
      if (written && commandForKey(event.nativeEvent)?.id === 'addIndicator') {
        void runCommand('addIndicator');
      }
    }
  };
  const errorId = error ? `${field ?? 'field'}-${label}-error` : undefined;
  const common = {
    ref: (element: Element | null) => {
      ref.current = element;
    },
    defaultValue: value,
    'aria-label': label,
    'aria-invalid': error !== null ? true : undefined,
    'aria-describedby': errorId,
    'data-field': field,
    'data-focus-key': label,
    title: label,
    placeholder,
    className: error !== null ? `${className ?? ''} invalid`.trim() : className,
    onKeyDown,
    onFocus,
    onBlur: (event: { currentTarget: Element }) => commitFrom(event.currentTarget),
    onInput: (event: { currentTarget: Element }) => {
      if (event.currentTarget.value !== value) hold();
    },
    onPaste: (event: ClipboardEvent<Element>) => {
      if (onPasteBlock?.(event)) event.preventDefault();
    },
  };
  return (
    <>
      {multiline ? (
        <textarea rows={3} {...common} />
      ) : (
        <input type="text" list={list} autoComplete="off" {...common} />
      )}
      {error ? (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      ) : null}
    </>
  );
}
