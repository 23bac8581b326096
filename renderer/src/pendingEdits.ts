/**
 * Typing not yet written to the document: the grid's open cell, a panel field being typed in.
 * Saving, closing and every command that changes what the clerk looks at write it first, as
 * Excel does with a cell being edited, so what was typed is never left out of a saved file or
 * thrown away by a close.
 */

/** Writes the typed text; false when it was refused (the field keeps it, marked, with why). */
export type Settle = () => boolean;

const pending = new Set<Settle>();
const watchers = new Set<(typing: boolean) => void>();

function changed(before: boolean): void {
  const now = pending.size > 0;
  if (now !== before) watchers.forEach((watch) => watch(now));
}

/** Registers typing in progress; the returned function ends the registration. */
export function holdPending(settle: Settle): () => void {
  const before = pending.size > 0;
  pending.add(settle);
  changed(before);
  return () => {
    const was = pending.size > 0;
    pending.delete(settle);
    changed(was);
  };
}

/**
 * Calls `watch` whenever typing in progress begins or ends (true while any is held), so a
 * browser tab closed meanwhile asks first; the returned function stops watching.
 */
export function watchPending(watch: (typing: boolean) => void): () => void {
  watchers.add(watch);
  return () => {
    watchers.delete(watch);
  };
}

/**
 * Writes all typing in progress. False when any was refused: the caller stops (the refusal is
 * shown where the text was typed).
 */
export function settlePendingEdits(): boolean {
  let written = true;
  for (const settle of [...pending]) {
    if (!settle()) written = false;
  }
  return written;
}
