/**
 * Typing not yet written to the document: the grid's open cell, a panel field being typed in.
 * Saving, closing and every command that changes what the clerk looks at write it first, as
 * Excel does with a cell being edited, so what was typed is never left out of a saved file or
 * thrown away by a close.
 */

/** Writes the typed text; false when it was refused (the field keeps it, marked, with why). */
export type Settle = () => boolean;

const pending = new Set<Settle>();

/** Registers typing in progress; the returned function ends the registration. */
export function holdPending(settle: Settle): () => void {
  pending.add(settle);
  return () => {
    pending.delete(settle);
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
