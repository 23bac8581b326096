/** Recovery: the auto-saved copies of unsaved work, listed, restored or discarded at start. */
import { basename } from 'node:path';
import { failure, type Arguments, type Results } from '../../../shared/ipc';
import { documentCounts } from '../../../shared/model';
import { DOCUMENT_EXTENSION } from '../documentFile';
import type { HostContext } from './context';
import { DocumentParts } from './documentParts';

export function recoveryService({ ports, recovery, sessions }: HostContext) {
  const received = new DocumentParts((id) => sessions.get(id) !== undefined);
  /** For each autosave being received, how many removals its copy had seen at its first part. */
  const began = new Map<string, number>();
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
      const key = `${documentId}:${autosave}`;
      // Parts come in any order: the first to arrive marks when this autosave began. Autosaves
      // overtaken before their last part never finish: only the latest few are remembered.
      if (!began.has(key)) {
        began.set(key, recovery.removed(documentId));
        if (began.size > 64) began.delete(began.keys().next().value as string);
      }
      const since = began.get(key);
      const receipt = received.receive({ documentId, transfer: autosave, part, parts, text });
      if (receipt.kind !== 'pending') began.delete(key);
      if (receipt.kind === 'refused') {
        return failure('invalid-argument', '自动保存的分段编号不对，本次没有写入。');
      }
      if (receipt.kind === 'pending') return { ok: true };
      const { document } = receipt;
      if (!document) {
        return failure('invalid-argument', '自动保存收到的内容不是有效的文档，本次没有写入。');
      }
      // Saved (or not saved) after this autosave began: its copy is older than the file.
      await recovery.write(
        {
          id: documentId,
          fileName: session.path
            ? basename(session.path)
            : `${document.title || '未命名'}${DOCUMENT_EXTENSION}`,
          originalPath: session.isSample ? null : session.path,
          savedAt: ports.clock.now().toISOString(),
          document,
        },
        since,
      );
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
