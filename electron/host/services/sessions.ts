import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { OpenedDocument } from '../../../shared/ipc';
import type { JixiaoDocument } from '../../../shared/model';
import type { ImportReport } from '../../../shared/model/importReport';
import { DOCUMENT_EXTENSION } from '../documentFile';

/** Where an open document lives: its file (null until first saved) and whether it is the sample. */
export interface Session {
  path: string | null;
  isSample: boolean;
}

const UNTITLED = `未命名${DOCUMENT_EXTENSION}`;

/** What the renderer is told besides the document when one opens. */
export interface OpenedExtra {
  importReport?: ImportReport;
  migratedFrom?: number | null;
  fileName?: string;
  restored?: boolean;
}

/** The documents open in this host, by the id the renderer holds (paths never cross). */
export class Sessions {
  private readonly byId = new Map<string, Session>();

  get(documentId: string): Session | undefined {
    return this.byId.get(documentId);
  }

  has(documentId: string): boolean {
    return this.byId.has(documentId);
  }

  set(documentId: string, session: Session): void {
    this.byId.set(documentId, session);
  }

  delete(documentId: string): void {
    this.byId.delete(documentId);
  }

  /** Registers a newly opened document and says so to the renderer. */
  opened(document: JixiaoDocument, session: Session, extra: OpenedExtra = {}): OpenedDocument {
    const documentId = randomUUID();
    this.byId.set(documentId, session);
    return {
      ok: true,
      documentId,
      document,
      fileName: extra.fileName ?? (session.path ? basename(session.path) : UNTITLED),
      untitled: session.path === null || session.isSample,
      isSample: session.isSample,
      ...(extra.importReport ? { importReport: extra.importReport } : {}),
      ...(extra.migratedFrom ? { migratedFrom: extra.migratedFrom } : {}),
      ...(extra.restored ? { restored: true } : {}),
    };
  }
}
