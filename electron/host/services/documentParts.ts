/**
 * A document sent by the renderer as JSON text in parts (renderer/src/documentJson.ts), so no
 * step copies the whole document at once: the parts of one transfer are collected here, then
 * joined, parsed and checked, off the window.
 */
import { readDocumentData, type JixiaoDocument } from '../../../shared/model';

/** One part, as the channels that carry parts send it. */
export interface DocumentPart {
  documentId: string;
  /** The same for all parts of one transfer. */
  transfer: string;
  part: number;
  parts: number;
  text: string;
}

/** The document in `text`, or null when it is not JSON or not a valid document. */
function documentFromJson(text: string): JixiaoDocument | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  const checked = readDocumentData(data);
  return checked.ok ? checked.document : null;
}

interface Received {
  transfer: string;
  texts: Array<string | undefined>;
  count: number;
}

/**
 * What `receive` says: more parts are due, or the transfer is complete (with its document, or
 * null when the joined text is not a valid document), or the part cannot belong to any transfer.
 */
export type Receipt =
  | { kind: 'pending' }
  | { kind: 'complete'; transfer: string; document: JixiaoDocument | null }
  | { kind: 'refused' };

/** Collects parts per document; a part of another transfer drops the one being collected. */
export class DocumentParts {
  private readonly pending = new Map<string, Received>();

  /** `isOpen` says which documents are still open: parts of closed ones are dropped. */
  constructor(private readonly isOpen: (documentId: string) => boolean) {}

  receive({ documentId, transfer, part, parts, text }: DocumentPart): Receipt {
    if (part >= parts) return { kind: 'refused' };
    for (const id of this.pending.keys()) if (!this.isOpen(id)) this.pending.delete(id);
    let received = this.pending.get(documentId);
    if (!received || received.transfer !== transfer || received.texts.length !== parts) {
      received = {
        transfer,
        texts: new Array<string | undefined>(parts).fill(undefined),
        count: 0,
      };
      this.pending.set(documentId, received);
    }
    if (received.texts[part] === undefined) received.count += 1;
    received.texts[part] = text;
    if (received.count < parts) return { kind: 'pending' };
    this.pending.delete(documentId);
    return { kind: 'complete', transfer, document: documentFromJson(received.texts.join('')) };
  }
}
