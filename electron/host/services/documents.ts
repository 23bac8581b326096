/** Documents: new, open (dialog, recent list, sample, startup), save, save as, close. */
import { createHash } from 'node:crypto';
import { basename, dirname, resolve } from 'node:path';
import { DEFAULT_FRAMEWORK_ID } from '../../../shared/frameworks';
import { failure, type Results } from '../../../shared/ipc';
import {
  DEFAULT_TITLE,
  documentFileStem,
  documentSettingsSchema,
  SCHEMA_VERSION,
  type JixiaoDocument,
} from '../../../shared/model';
import { InvalidFileError } from '../durableAdapter';
import {
  backupOf,
  DOCUMENT_EXTENSION,
  MissingFileError,
  readDocumentFile,
  writeDocumentFile,
} from '../documentFile';
import { writeFailure } from '../durableFile';
import { describeReadError } from '../fileErrors';
import { rememberRecent, type HostContext } from './context';

function recentId(path: string): string {
  return createHash('sha256').update(path).digest('hex').slice(0, 16);
}

/**
 * The path with exactly one `.jixiao.json`: a save dialog that appends the filter's extension to
 * a typed `新文档.jixiao` or `新文档.jixiao.json` must not give `新文档.jixiao.jixiao.json`.
 */
function withExtension(path: string): string {
  return `${path.replace(/(?:\.jixiao)*(?:\.json)?(?:\.jixiao)*(?:\.json)?$/i, '')}${DOCUMENT_EXTENSION}`;
}

/** The name a save dialog suggests: the title, led by the year when the title lacks it. */
function suggestedDocumentName(document: JixiaoDocument): string {
  return `${documentFileStem(document)}${DOCUMENT_EXTENSION}`;
}

/** A new, empty document (one unnamed funding unit, no projects). */
export function emptyDocument(fiscalYear: number): JixiaoDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    title: DEFAULT_TITLE,
    department: '',
    fiscalYear,
    moneyUnit: '万元',
    frameworkId: DEFAULT_FRAMEWORK_ID,
    settings: documentSettingsSchema.parse({}),
    units: [],
  };
}

export function documentService(context: HostContext) {
  const { ports, settings, recovery, sessions, samplePath } = context;
  const { dialogs, clock } = ports;

  async function openPath(path: string): Promise<Results['openDocument']> {
    try {
      const loaded = await readDocumentFile(path);
      await rememberRecent(context, path);
      return sessions.opened(
        loaded.document,
        { path, isSample: false },
        { migratedFrom: loaded.migratedFrom },
      );
    } catch (error) {
      if (error instanceof MissingFileError) {
        return failure('not-found', `无法打开「${basename(path)}」：${error.message}`);
      }
      if (error instanceof InvalidFileError) {
        const backup = `${basename(path)}.bak`;
        return failure(
          'invalid-document',
          `无法打开「${basename(path)}」：${error.message}原文件未作任何改动；如有备份，可打开同一文件夹中的「${backup}」。`,
        );
      }
      console.warn('[jixiao] could not read a document', error);
      return failure('io-error', describeReadError(path, error));
    }
  }

  async function openSample(): Promise<Results['openSample']> {
    try {
      const loaded = await readDocumentFile(samplePath);
      return sessions.opened(
        loaded.document,
        { path: null, isSample: true },
        { fileName: '示例：广州市机电技师学院 2025 年' },
      );
    } catch (error) {
      console.error('[jixiao] the sample document cannot be read', error);
      return failure('io-error', '程序自带的示例文档缺失或已损坏，请重新安装本程序。');
    }
  }

  async function writeTo(documentId: string, path: string, document: JixiaoDocument) {
    if (backupOf(path) !== null) return saveBackup(documentId, resolve(path), document);
    const target = resolve(withExtension(path));
    if (target === samplePath) {
      return failure('forbidden', '不能覆盖程序自带的示例文档，请另存为新文件。');
    }
    try {
      await writeDocumentFile(target, document);
    } catch (error) {
      return failure('io-error', `保存失败。${writeFailure(error, 'save')}原文件未被改动。`);
    }
    sessions.set(documentId, { path: target, isSample: false });
    await recovery.remove(documentId).catch(() => undefined);
    await rememberRecent(context, target);
    return { ok: true as const, documentId, fileName: basename(target) };
  }

  async function saveAs(
    documentId: string,
    document: JixiaoDocument,
  ): Promise<Results['saveDocumentAs']> {
    const session = sessions.get(documentId);
    if (!session) return failure('not-found', '该文档已关闭，无法保存。');
    const restoredFrom = session.path ? backupOf(session.path) : null;
    const suggested = restoredFrom
      ? `${basename(restoredFrom, DOCUMENT_EXTENSION)}（备份）${DOCUMENT_EXTENSION}`
      : session.path && !session.isSample
        ? basename(session.path)
        : suggestedDocumentName(document);
    const path = await dialogs.chooseSavePath(suggested);
    if (path === null) return failure('cancelled', '已取消保存。');
    return writeTo(documentId, path, document);
  }

  /**
   * Saving onto a `.bak` (one that was opened, or one chosen in Save As) never writes
   * `….bak.jixiao.json`: it restores the backup over its document (the usual durable write, so
   * the document becomes the `.bak` only if it is valid) or asks for a new name.
   */
  async function saveBackup(
    documentId: string,
    backup: string,
    document: JixiaoDocument,
  ): Promise<Results['saveDocument']> {
    const original = backupOf(backup) as string;
    const choice = dialogs.confirmRestoreBackup
      ? await dialogs.confirmRestoreBackup(basename(backup), basename(original))
      : 'save-as';
    if (choice === 'cancel') return failure('cancelled', '已取消保存。');
    if (choice === 'restore') return writeTo(documentId, original, document);
    const path = await dialogs.chooseSavePath(
      `${basename(original, DOCUMENT_EXTENSION)}（备份）${DOCUMENT_EXTENSION}`,
    );
    if (path === null) return failure('cancelled', '已取消保存。');
    if (backupOf(path) !== null) {
      return failure('forbidden', '不能保存为备份文件（.bak），请换一个文件名。');
    }
    return writeTo(documentId, path, document);
  }

  return {
    async listRecent(): Promise<Results['listRecent']> {
      const entries = await settings.recentFiles();
      return {
        ok: true,
        files: entries.map((entry) => ({
          id: recentId(entry.path),
          fileName: basename(entry.path),
          folder: dirname(entry.path),
          openedAt: entry.openedAt,
        })),
      };
    },

    async create(): Promise<Results['newDocument']> {
      return sessions.opened(emptyDocument(clock.now().getFullYear() + 1), {
        path: null,
        isSample: false,
      });
    },

    async open(): Promise<Results['openDocument']> {
      const path = await dialogs.chooseOpenPath('document');
      if (path === null) return failure('cancelled', '已取消打开。');
      return openPath(path);
    },

    async openRecent(id: string): Promise<Results['openRecent']> {
      const entry = (await settings.recentFiles()).find(
        (candidate) => recentId(candidate.path) === id,
      );
      if (!entry) return failure('not-found', '最近文件列表中没有这个文件。');
      const result = await openPath(entry.path);
      if (!result.ok && result.code === 'not-found')
        await settings.removeRecent(entry.path).catch(() => undefined);
      return result;
    },

    openSample,

    async openStartup(): Promise<Results['openStartup']> {
      const recent = await settings.recentFiles();
      if (recent.length > 0) return { ok: true, opened: null };
      const sample = await openSample();
      return sample.ok ? { ok: true, opened: sample } : sample;
    },

    async save(documentId: string, document: JixiaoDocument): Promise<Results['saveDocument']> {
      const session = sessions.get(documentId);
      if (!session) return failure('not-found', '该文档已关闭，无法保存。');
      if (session.path === null || session.isSample) return saveAs(documentId, document);
      if (backupOf(session.path) !== null) return saveBackup(documentId, session.path, document);
      return writeTo(documentId, session.path, document);
    },

    saveAs,

    async close(documentId: string): Promise<Results['closeDocument']> {
      sessions.delete(documentId);
      await recovery.remove(documentId).catch(() => undefined);
      return { ok: true };
    },
  };
}
