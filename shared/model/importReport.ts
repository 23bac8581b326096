/**
 * The import report's vocabulary: what a clerk is told about an import. It crosses IPC with the
 * opened document, so it lives in the model; the importers' reporter is in shared/import/report.
 */
import type { DocumentCounts } from './counts';
import type { SourceLocation } from './document';
import type { StageReport } from './stageReport';

/**
 * What an importer did with each thing it read:
 * - `normalised`: read and changed to the standard form (the message says from what to what);
 * - `raw`: could not be placed, kept verbatim on the project (`Project.raw`) or in the value text;
 * - `recovered`: found in the wrong place and moved where it belongs;
 * - `warning`: read as is, but worth a look.
 */
export type ImportEntryKind = 'normalised' | 'raw' | 'recovered' | 'warning';

export interface ImportEntry {
  kind: ImportEntryKind;
  /** Chinese sentence a clerk can act on. */
  message: string;
  source?: SourceLocation;
  /** Project the entry concerns, by name as imported. */
  project?: string;
}

export interface ImportReport {
  /** Human name of the format recognised, e.g. `公开表（制表符分隔文本）`. */
  format: string;
  entries: ImportEntry[];
  counts: DocumentCounts;
  /** Present when the file was a filled 监控表 or 自评表: its stage and printed figures. */
  stage?: StageReport;
}
