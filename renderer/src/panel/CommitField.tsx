import type { ClipboardEvent, KeyboardEvent } from 'react';

type Element = HTMLInputElement | HTMLTextAreaElement;

/**
 * A text field that writes to the document once per edit (on blur or Enter), so one edit is one
 * undo step. Enter that confirms an IME composition does not commit; Esc restores the value.
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
}) {
  const commitFrom = (element: Element) => {
    if (element.value === value) return;
    if (onCommit(element.value) === false) element.value = value;
  };
  const onKeyDown = (event: KeyboardEvent<Element>) => {
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    if (event.key === 'Escape') {
      event.currentTarget.value = value;
      event.currentTarget.blur();
    } else if (event.key === 'Enter' && (!multiline || event.ctrlKey)) {
      event.preventDefault();
      commitFrom(event.currentTarget);
    }
  };
  const common = {
    defaultValue: value,
    'aria-label': label,
    'data-field': field,
    title: label,
    className,
    onKeyDown,
    onFocus,
    onBlur: (event: { currentTarget: Element }) => commitFrom(event.currentTarget),
    onPaste: (event: ClipboardEvent<Element>) => {
      if (onPasteBlock?.(event)) event.preventDefault();
    },
  };
  return multiline ? (
    // A new value from outside (undo, paste, another field) remounts the field with it.
    <textarea key={value} rows={3} {...common} />
  ) : (
    <input key={value} type="text" list={list} autoComplete="off" {...common} />
  );
}
