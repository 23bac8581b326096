import { Low } from 'lowdb';
import { readDocumentData, type JixiaoDocument } from '../../shared/model';
import { DurableJsonAdapter } from './durableAdapter';

/** Document file extension. */
export const DOCUMENT_EXTENSION = '.jixiao.json';

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

/**
 * Opens a `.jixiao.json`: parse, migrate, validate. Throws InvalidFileError with a Chinese
 * message naming what is wrong and where; the file is left untouched.
 */
export async function readDocumentFile(path: string): Promise<LoadedDocument> {
  let migratedFrom: number | null = null;
  const adapter = new DurableJsonAdapter<JixiaoDocument | null>(path, (data) => {
    const result = readDocumentData(data);
    if (!result.ok) return { ok: false, message: result.message };
    migratedFrom = result.migratedFrom;
    return { ok: true, value: result.document };
  });
  const db = new Low<JixiaoDocument | null>(adapter, null);
  await db.read();
  if (db.data === null) throw new MissingFileError(path);
  return { document: db.data, migratedFrom };
}

/** Saves a document durably (temp + fsync + rename, `.bak` kept, one queue per path). */
export async function writeDocumentFile(path: string, document: JixiaoDocument): Promise<void> {
  const adapter = new DurableJsonAdapter<JixiaoDocument>(
    path,
    () => ({ ok: false, message: '' }),
    serialiseDocument,
  );
  const db = new Low<JixiaoDocument>(adapter, document);
  await db.write();
}
