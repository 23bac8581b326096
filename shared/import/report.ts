import { DEFAULT_FRAMEWORK_ID, isKnownFramework } from '../frameworks';
import {
  documentCounts,
  documentSettingsSchema,
  SCHEMA_VERSION,
  type JixiaoDocument,
  type SourceLocation,
} from '../model';
import type { ImportEntry, ImportEntryKind, ImportReport } from '../model/importReport';

export type { ImportEntry, ImportEntryKind, ImportReport };

export interface ImportResult {
  document: JixiaoDocument;
  report: ImportReport;
}

/** Thrown (and only thrown) by importers when the input is not a table they can read. */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly source?: SourceLocation,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

/** Formats a source location the way the report shows it: `第 12 行`, `Sheet1!B3`. */
export function describeSource(source: SourceLocation | undefined): string {
  if (!source) return '';
  if (source.cell) {
    // A Word cell already names its table (`表格 2 第 3 行第 1 列`); a sheet cell does not (`B3`).
    if (!source.sheet || source.cell.startsWith(source.sheet)) return source.cell;
    return `${source.sheet}!${source.cell}`;
  }
  const parts: string[] = [];
  // Word tables and text are named `表格 2`, `正文`, `文本`; only spreadsheets have 工作表.
  if (source.sheet)
    parts.push(
      /^(?:表格|正文|文本)/u.test(source.sheet) ? source.sheet : `工作表「${source.sheet}」`,
    );
  if (source.line !== undefined) parts.push(`第 ${source.line} 行`);
  else if (source.row !== undefined) parts.push(`第 ${source.row} 行`);
  if (source.column !== undefined) parts.push(`第 ${source.column} 列`);
  return parts.join(' ');
}

/** Collects report entries, each with its place and project. */
export class ImportReporter {
  readonly entries: ImportEntry[] = [];

  add(kind: ImportEntry['kind'], message: string, source?: SourceLocation, project?: string): void {
    const entry: ImportEntry = { kind, message };
    if (source) entry.source = source;
    if (project !== undefined) entry.project = project;
    this.entries.push(entry);
  }
}

/** The order a clerk reads a report in: what needs a look (请核对) first, what was tidied last. */
export const ENTRY_KIND_ORDER: readonly ImportEntryKind[] = [
  'warning',
  'raw',
  'recovered',
  'normalised',
];

/** Entries in reading order: by kind as above, keeping the importer's order within a kind. */
export function orderEntries(entries: readonly ImportEntry[]): ImportEntry[] {
  return ENTRY_KIND_ORDER.flatMap((kind) => entries.filter((entry) => entry.kind === kind));
}

/** The part of a project an entry is about, so a click can select it. */
export type EntryField = 'name' | 'money' | 'goal' | 'indicators';

/** Reads the part of the project an entry concerns from its wording. */
export function entryField(entry: ImportEntry): EntryField {
  const message = entry.message;
  if (/指标「|指标值|[一二三]级指标|绩效指标|占位行/u.test(message)) return 'indicators';
  if (/金额|资金|财政拨款|财政专户|其他资金|总计|合计/u.test(message)) return 'money';
  if (/目标/u.test(message)) return 'goal';
  return 'name';
}

/** The framework an import was asked for; an unknown one is reported and the default used. */
export function knownFrameworkId(
  frameworkId: string | undefined,
  reporter: Pick<ImportReporter, 'add'>,
): string {
  const id = frameworkId ?? DEFAULT_FRAMEWORK_ID;
  if (isKnownFramework(id)) return id;
  reporter.add('warning', `未知的指标体系「${id}」，改用默认指标体系。`);
  return DEFAULT_FRAMEWORK_ID;
}

/** What a reader found for a new document (settings are the defaults). */
export type ImportedParts = Pick<
  JixiaoDocument,
  'title' | 'department' | 'fiscalYear' | 'moneyUnit' | 'frameworkId' | 'units'
>;

/** A reader's result: a new document of `parts` (default settings), its report in reading order. */
export function importResult(
  parts: ImportedParts,
  entries: readonly ImportEntry[],
  format: string,
): ImportResult {
  // Keys in the schema's order: the fast check of an import's result (model/canonical.ts) takes
  // only a document zod would give back unchanged, keys in order; any other goes through zod.
  const document: JixiaoDocument = {
    schemaVersion: SCHEMA_VERSION,
    title: parts.title,
    department: parts.department,
    fiscalYear: parts.fiscalYear,
    moneyUnit: parts.moneyUnit,
    frameworkId: parts.frameworkId,
    settings: documentSettingsSchema.parse({}),
    units: parts.units,
  };
  return {
    document,
    report: { format, entries: orderEntries(entries), counts: documentCounts(document) },
  };
}
