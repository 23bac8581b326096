/** Messages between the import service and its worker thread. */
export type { DecodedBlock, DecodedResult, DecodedSheet } from '../../../shared/import/decoded';

/** The container a worker decodes. */
export type WorkerContainer = 'xlsx' | 'xls' | 'docx';

export interface WorkerJob {
  kind: WorkerContainer;
  bytes: Uint8Array;
  /** Largest uncompressed `word/document.xml` the worker inflates. */
  maxEntryBytes: number;
}

export type WorkerReply = { ok: true; result: unknown } | { ok: false; message: string };
