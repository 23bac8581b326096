/** Recovery: the auto-saved copies of unsaved work, listed, restored or discarded at start. */
import { basename } from 'node:path';
import { failure, type Arguments, type Results } from '../../../shared/ipc';
import { documentCounts, readDocumentData, type JixiaoDocument } from '../../../shared/model';
import { DOCUMENT_EXTENSION } from '../documentFile';
import type { HostContext } from './context';

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

/** The parts of an autosave received so far. */
interface Received {
  autosave: string;
  texts: Array<string | undefined>;
  count: number;
}

export function recoveryService({ ports, recovery, sessions }: HostContext) {
  const pending = new Map<string, Received>();
  return {
    /**
     * Takes one part of an autosave's JSON text; with the last, keeps the unsaved document
     * (parsed and checked here, off the window). Parts of an older autosave are dropped.
     */
    async write({
      documentId,
      autosave,
      part,
      parts,
      text,
    }: Arguments['writeRecovery']): Promise<Results['writeRecovery']> {
      const session = sessions.get(documentId);
      if (!session) return failure('not-found', '该文档已关闭。');
      if (part >= parts)
        return failure('invalid-argument', '自动保存的分段编号不对，本次没有写入。');
      for (const id of pending.keys()) if (!sessions.get(id)) pending.delete(id);
      let received = pending.get(documentId);
      if (!received || received.autosave !== autosave || received.texts.length !== parts) {
        received = {
          autosave,
          texts: new Array<string | undefined>(parts).fill(undefined),
          count: 0,
        };
        pending.set(documentId, received);
      }
      if (received.texts[part] === undefined) received.count += 1;
      received.texts[part] = text;
      if (received.count < parts) return { ok: true };
      pending.delete(documentId);
      const document = documentFromJson(received.texts.join(''));
      if (!document) {
        return failure('invalid-argument', '自动保存收到的内容不是有效的文档，本次没有写入。');
      }
      await recovery.write({
        id: documentId,
        fileName: session.path
          ? basename(session.path)
          : `${document.title || '未命名'}${DOCUMENT_EXTENSION}`,
        originalPath: session.isSample ? null : session.path,
        savedAt: ports.clock.now().toISOString(),
        document,
      });
      return { ok: true };
    },

    async clear(documentId: string): Promise<Results['clearRecovery']> {
      await recovery.remove(documentId);
      return { ok: true };
    },

    async list(): Promise<Results['listRecovery']> {
      const entries = await recovery.list();
      return {
        ok: true,
        entries: entries.map((entry) => ({
          id: entry.id,
          fileName: entry.fileName,
          savedAt: entry.savedAt,
          projects: documentCounts(entry.document).projects,
        })),
      };
    },

    async restore(recoveryId: string): Promise<Results['restoreRecovery']> {
      const entry = await recovery.get(recoveryId);
      if (!entry) return failure('not-found', '找不到这份自动保存的内容。');
      const result = sessions.opened(
        entry.document,
        { path: entry.originalPath, isSample: false },
        { fileName: entry.fileName, restored: true },
      );
      // The restored work lives on under the new id; the old copy is no longer needed.
      await recovery.write({ ...entry, id: result.documentId });
      await recovery.remove(recoveryId);
      return result;
    },

    async discard(recoveryId: string): Promise<Results['discardRecovery']> {
      await recovery.remove(recoveryId);
      return { ok: true };
    },
  };
}
