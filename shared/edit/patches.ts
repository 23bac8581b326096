import { applyPatches, enablePatches, produceWithPatches, type Patch } from 'immer';
import type { JixiaoDocument } from '../model';

enablePatches();

/** A document change: the next document and the patches that replay or reverse it. */
export interface Edit {
  document: JixiaoDocument;
  patches: Patch[];
  inversePatches: Patch[];
}

/** A change the user can reason about, refused with a Chinese sentence saying why. */
export class EditError extends Error {
  override name = 'EditError';
}

/** Runs a recipe on a draft of the document and records forward and inverse patches. */
export function edit(document: JixiaoDocument, recipe: (draft: JixiaoDocument) => void): Edit {
  const [next, patches, inversePatches] = produceWithPatches(document, recipe);
  return { document: next, patches, inversePatches };
}

/** Applies patches recorded by `edit` (replay for redo, inverse patches for undo). */
export function replay(document: JixiaoDocument, patches: readonly Patch[]): JixiaoDocument {
  return applyPatches(document, patches as Patch[]);
}

export type { Patch };
