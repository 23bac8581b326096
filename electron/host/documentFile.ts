import { Low } from 'lowdb';
import { readDocumentData, type JixiaoDocument } from '../../shared/model';
import { DurableJsonAdapter, type Validator } from './durableAdapter';
import { cleanInterruptedSaves } from './durableFile';

/** Document file extension. */
export const DOCUMENT_EXTENSION = '.jixiao.json';

/**
 * For a `.bak` (`表.jixiao.json.bak`), the document it is the backup of (`表.jixiao.json`);
 * null for any other path.
 */
export function backupOf(path: string): string | null {
  if (!path.toLowerCase().endsWith('.bak')) return null;
  const original = path.slice(0, -'.bak'.length);
  return original.toLowerCase().endsWith(DOCUMENT_EXTENSION)
    ? original
    : `${original.replace(/\.json$/i, '')}${DOCUMENT_EXTENSION}`;
}

/** Serialised form of a document, as written to disk: compact JSON, one trailing newline. */
export function serialiseDocument(document: JixiaoDocument): string {
  return `${JSON.stringify(document)}\n`;
}

/** The file is not there (moved, deleted, or a drive that is not connected). */
export class MissingFileError extends Error {
  constructor(readonly path: string) {
    super('找不到文件，它可能已被移动、重命名或删除。');
    this.name = 'MissingFileError';
  }
}

export interface LoadedDocument {
  document: JixiaoDocument;
  migratedFrom: number | null;
}

const validateDocument: Validator<LoadedDocument> = (data) => {
  const result = readDocumentData(data);
  return result.ok
    ? { ok: true, value: { document: result.document, migratedFrom: result.migratedFrom } }
    : { ok: false, message: result.message };
};

/**
 * Opens a `.jixiao.json`: parse, migrate, validate. Throws InvalidFileError with a Chinese
 * message naming what is wrong and where; the file is left untouched. A document that opens
 * also sweeps away the temp files an interrupted save of it left behind.
 */
export async function readDocumentFile(path: string): Promise<LoadedDocument> {
  const loaded = await new DurableJsonAdapter(path, validateDocument).read();
  if (loaded === null) throw new MissingFileError(path);
  await cleanInterruptedSaves(path).catch(() => undefined);
  return loaded;
}

/**
 * Saves a document durably (temp + fsync + rename, one queue per path). The file it replaces
 * becomes the `.bak` only if it is a valid document; a damaged file is replaced without
 * touching the good `.bak`.
 */
export async function writeDocumentFile(path: string, document: JixiaoDocument): Promise<void> {
  const adapter = new DurableJsonAdapter<LoadedDocument>(
    path,
    validateDocument,
    (loaded) => serialiseDocument(loaded.document),
    'replace',
    // The document as it is in memory, by the same check an opened file gets (a fast path
    // for canonical data): far cheaper than reading the saved file back next time.
    (loaded) => readDocumentData(loaded.document).ok,
  );
  const db = new Low<LoadedDocument>(adapter, { document, migratedFrom: null });
  await db.write();
}

/** Whether `bytes` are a document of ours (valid or not, by its shape), for refusing to export over one. */
export function looksLikeDocument(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 200)).replace(/^\uFEFF/, '');
  return /^\s*\{\s*"schemaVersion"\s*:/.test(head);
}
