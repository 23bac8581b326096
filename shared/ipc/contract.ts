import { z } from 'zod';
import { documentSchema } from '../model/document';
import { exportRequestSchema, PRINT_LAYOUTS } from '../model/exportRequest';
import type { ImportReport } from '../model/importReport';
import type { JixiaoDocument } from '../model/document';
import type { InvokeName, MenuCommand } from './channels';

/** Why a call failed; the renderer shows `message` (Chinese) and branches on `code`. */
export const ERROR_CODES = [
  'cancelled',
  'invalid-argument',
  'forbidden',
  'not-found',
  'invalid-document',
  'unsupported',
  'io-error',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface Failure {
  ok: false;
  code: ErrorCode;
  message: string;
}

export interface AppInfo {
  ok: true;
  name: string;
  version: string;
  platform: string;
}

/** Font families installed on this computer (for the 打印预览 and export font notes). */
export interface InstalledFontList {
  ok: true;
  /** Where the list came from; `none` when the system could not be asked. */
  source: 'fontconfig' | 'windows' | 'none';
  families: string[];
}

export interface RecentFile {
  /** Opaque id the renderer hands back; paths never cross from the renderer to the host. */
  id: string;
  fileName: string;
  /** Folder shown to the user, for recognising the file. */
  folder: string;
  openedAt: string;
}

export interface RecentList {
  ok: true;
  files: RecentFile[];
}

/** A document the host opened, created or imported, known to the host by `documentId`. */
export interface OpenedDocument {
  ok: true;
  documentId: string;
  document: JixiaoDocument;
  /** Name for the title bar (`未命名.jixiao.json` for a new document). */
  fileName: string;
  /** True when Save must ask where to save (new, sample or imported documents). */
  untitled: boolean;
  isSample: boolean;
  /** Present when the document came from an import. */
  importReport?: ImportReport;
  /** Schema version the file was migrated from, when it was older. */
  migratedFrom?: number;
  /** True when the document was restored from the recovery folder (it has unsaved changes). */
  restored?: boolean;
}

export interface Saved {
  ok: true;
  documentId: string;
  fileName: string;
}

export interface StartupResult {
  ok: true;
  opened: OpenedDocument | null;
}

export interface Exported {
  ok: true;
  fileName: string;
  bytes: number;
  /** Names the written file for 打开文件 / 打开所在文件夹 (the path stays in the host). */
  exportId?: string;
}

/** Window layout the clerk chose, remembered in the host's settings. */
export interface Layout {
  ok: true;
  /** The project panel's width in CSS pixels; null for the default. */
  panelWidth: number | null;
}

export interface RecoveryInfo {
  id: string;
  fileName: string;
  savedAt: string;
  projects: number;
}

export interface RecoveryList {
  ok: true;
  entries: RecoveryInfo[];
}

export interface Done {
  ok: true;
}

export type Result<T> = T | Failure;

const documentId = z.string().min(1).max(100);
const recoveryId = z.string().regex(/^[A-Za-z0-9-]{1,100}$/);
/**
 * Longest pasted text that crosses IPC, as large as the biggest file the importer reads (50 MB).
 * Pasted text is recognised in the import worker like a file's, so what limits it is the
 * worker's time and memory, each refused in Chinese; a 5,000-project department table is about
 * 6,500,000 characters.
 */
export const MAX_PASTED_CHARS = 50_000_000;
const MAX_IPC_TEXT = MAX_PASTED_CHARS;

/**
 * Autosave and Save send the document as JSON text in parts of at most this many characters,
 * one call each, so no step copies the whole document at once (renderer/src/documentJson.ts).
 */
export const DOCUMENT_PART_CHARS = 1_000_000;
/** Most parts of one document: 200,000,000 characters, far beyond a city's 32,000,000. */
export const MAX_DOCUMENT_PARTS = 200;

/** What printing and PDF export render: layout, form variant and margin preset. */
export const printOptionsSchema = z
  .object({
    layout: z.enum(PRINT_LAYOUTS),
    variant: exportRequestSchema.shape.variant,
    /** 公文 (GB/T 9704) or 紧凑; absent: the layout's own margins, as in the Word export. */
    margins: z.enum(['official', 'compact']).optional(),
  })
  .strict();
export type PrintOptions = z.infer<typeof printOptionsSchema>;

/** Names one transfer of a document in parts. */
const transferId = z.string().min(1).max(100);

/** One part of a document's JSON text (renderer/src/documentJson.ts). */
const documentPart = {
  part: z
    .number()
    .int()
    .min(0)
    .max(MAX_DOCUMENT_PARTS - 1),
  parts: z.number().int().min(1).max(MAX_DOCUMENT_PARTS),
  text: z.string().max(DOCUMENT_PART_CHARS),
};

/** What a save carries: the document itself, or the transfer that staged it in parts. */
const savedDocument = z.union([
  z.object({ documentId, document: documentSchema }).strict(),
  z.object({ documentId, staged: transferId }).strict(),
]);

/** Argument schemas: main parses every argument with these before a handler runs. */
export const argumentSchemas = {
  getAppInfo: z.undefined(),
  listRecent: z.undefined(),
  newDocument: z.undefined(),
  openDocument: z.undefined(),
  openRecent: z.object({ recentId: z.string().min(1).max(100) }).strict(),
  openSample: z.undefined(),
  openStartup: z.undefined(),
  saveDocument: savedDocument,
  saveDocumentAs: savedDocument,
  closeDocument: z.object({ documentId }).strict(),
  importFile: z.undefined(),
  /** Pasted text; the host refuses text over its own limit with a Chinese message. */
  importText: z.object({ text: z.string().max(MAX_IPC_TEXT) }).strict(),
  cancelImport: z.undefined(),
  exportDocument: z
    .object({ documentId, document: documentSchema, options: exportRequestSchema })
    .strict(),
  printDocument: z
    .object({ documentId, document: documentSchema, options: printOptionsSchema })
    .strict(),
  exportCheckReport: z.object({ documentId, document: documentSchema }).strict(),
  exportPdf: z
    .object({ documentId, document: documentSchema, options: printOptionsSchema })
    .strict(),
  /**
   * Part `part` of `parts` of an autosave's JSON text (renderer/src/documentJson.ts), all parts
   * of one autosave sharing `autosave`; the host joins them, then parses and checks the document.
   */
  writeRecovery: z.object({ documentId, autosave: transferId, ...documentPart }).strict(),
  /**
   * Part `part` of `parts` of the document's JSON text for a Save or Save As, all parts sharing
   * `transfer`; the save then names the transfer (`staged`) instead of carrying the document.
   */
  stageDocument: z.object({ documentId, transfer: transferId, ...documentPart }).strict(),
  clearRecovery: z.object({ documentId }).strict(),
  listRecovery: z.undefined(),
  restoreRecovery: z.object({ recoveryId }).strict(),
  discardRecovery: z.object({ recoveryId }).strict(),
  confirmUnsaved: z.object({ fileName: z.string().max(300) }).strict(),
  closeWindow: z.undefined(),
  listFonts: z.undefined(),
  getLayout: z.undefined(),
  setLayout: z.object({ panelWidth: z.number().int().min(200).max(2000) }).strict(),
  /** Opens an exported file (`open`) or shows it in its folder (`folder`). */
  showExported: z
    .object({ exportId: z.string().min(1).max(100), how: z.enum(['open', 'folder']) })
    .strict(),
} satisfies Record<InvokeName, z.ZodType>;

/** What each call returns. */
export interface Results {
  getAppInfo: Result<AppInfo>;
  listRecent: Result<RecentList>;
  newDocument: Result<OpenedDocument>;
  openDocument: Result<OpenedDocument>;
  openRecent: Result<OpenedDocument>;
  openSample: Result<OpenedDocument>;
  /** The sample on a first start (no recent files); otherwise nothing, and the welcome screen shows. */
  openStartup: Result<StartupResult>;
  saveDocument: Result<Saved>;
  saveDocumentAs: Result<Saved>;
  stageDocument: Result<Done>;
  closeDocument: Result<Done>;
  importFile: Result<OpenedDocument>;
  importText: Result<OpenedDocument>;
  /** Done whether or not an import was under way. */
  cancelImport: Result<Done>;
  exportDocument: Result<Exported>;
  /** Printed, or `cancelled` when the user closed the print dialog. */
  printDocument: Result<Done>;
  exportPdf: Result<Exported>;
  /** The 提交前检查 report as a text file, through the export dialog. */
  exportCheckReport: Result<Exported>;
  writeRecovery: Result<Done>;
  clearRecovery: Result<Done>;
  listRecovery: Result<RecoveryList>;
  restoreRecovery: Result<OpenedDocument>;
  discardRecovery: Result<Done>;
  confirmUnsaved: Result<{ ok: true; choice: 'save' | 'discard' | 'cancel' }>;
  closeWindow: Result<Done>;
  listFonts: Result<InstalledFontList>;
  getLayout: Result<Layout>;
  setLayout: Result<Done>;
  showExported: Result<Done>;
}

export type Arguments = { [K in InvokeName]: z.output<(typeof argumentSchemas)[K]> };

/** The API the preload puts on `window.jixiao`. */
export type JixiaoApi = {
  [K in InvokeName]: Arguments[K] extends undefined
    ? () => Promise<Results[K]>
    : (argument: Arguments[K]) => Promise<Results[K]>;
} & {
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Subscribes to the window's close request; returns the unsubscribe function. */
  onCloseRequested(listener: () => void): () => void;
  /** Subscribes to the progress of a long import (a PDF's pages); absent in shells without it. */
  onImportProgress?(listener: (progress: ImportProgress) => void): () => void;
};

/** How far a long import has got: `done` of `total` steps (a PDF's pages, read then laid out). */
export interface ImportProgress {
  done: number;
  total: number;
}

/** Builds a failure result. */
export function failure(code: ErrorCode, message: string): Failure {
  return { ok: false, code, message };
}
