/** Messages between the import service and its worker (a bundled entry: workerEntry.ts). */
import type { ImportJob } from '../../../shared/import/pipeline';
import type { RefusalCode } from '../../../shared/import/refusal';

export type WorkerJob = ImportJob;

export type WorkerReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: unknown }
  | {
      type: 'refused';
      message: string;
      code: RefusalCode;
      /** Engine text for the log, never shown. */
      detail?: string;
    };
