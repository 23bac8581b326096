import { createHash, randomUUID } from 'node:crypto';
import { basename, dirname, resolve } from 'node:path';
import { DEFAULT_FRAMEWORK_ID } from '../../shared/frameworks';
import {
  failure,
  type Arguments,
  type InvokeName,
  type OpenedDocument,
  type Results,
} from '../../shared/ipc';
import type { ImportReport } from '../../shared/import/report';
import {
  DEFAULT_TITLE,
  documentFileStem,
  documentSettingsSchema,
  SCHEMA_VERSION,
  type JixiaoDocument,
} from '../../shared/model';
import { InvalidFileError } from './durableAdapter';
import {
  backupOf,
  DOCUMENT_EXTENSION,
  MissingFileError,
  readDocumentFile,
  writeDocumentFile,
} from './documentFile';
import { ImportFileError, importFromFile, importPastedText } from './importFile';
import { checkDocument, formatCheckReport } from '../../shared/rules';
import {
  ExportContentError,
  ExportTargetError,
  renderExport,
  suggestedExportName,
  writeExportFile,
} from './exportService';
import { describeReadError } from './fileErrors';
import { exportPdf, printDocument } from './printService';
import type { HostPorts } from './ports';
import { installedFonts, systemFontProbe } from './fonts';
import { RecoveryStore } from './recovery';
import { SettingsStore } from './settings';
import { backupPath, writeFailure } from './durableFile';

/** One handler per channel, taking the already validated argument. */
export type Handlers = { [K in InvokeName]: (argument: Arguments[K]) => Promise<Results[K]> };

interface Session {
  path: string | null;
  isSample: boolean;
}

const UNTITLED = `未命名${DOCUMENT_EXTENSION}`;

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

/**
 * The host's handlers: plain functions over injected ports, so tests call exactly what main
 * calls. Errors come back as result codes with Chinese messages, never as thrown exceptions.
 */
export function createHandlers(ports: HostPorts): Handlers {
  const { dialogs, clock, config } = ports;
  const settings = new SettingsStore(config.userDataDir);
  const recovery = new RecoveryStore(config.userDataDir);
  const sessions = new Map<string, Session>();
  /** Files written by exports, by the id the renderer got back (paths never cross). */
  const exported = new Map<string, string>();
  function rememberExport(path: string): string {
    const id = randomUUID();
    exported.set(id, path);
    return id;
  }
  const samplePath = resolve(config.samplePath);
  /** The import under way: cancelImport aborts it, its pages go to the renderer as progress. */
  let importing: AbortController | null = null;
  function importRun() {
    importing?.abort();
    const controller = new AbortController();
    importing = controller;
    return {
      signal: controller.signal,
      onProgress: (done: number, total: number) => ports.events?.importProgress({ done, total }),
    };
  }

  function register(session: Session): string {
    const id = randomUUID();
    sessions.set(id, session);
    return id;
  }

  function opened(
    document: JixiaoDocument,
    session: Session,
    extra: {
      importReport?: ImportReport;
      migratedFrom?: number | null;
      fileName?: string;
      restored?: boolean;
    } = {},
  ): OpenedDocument {
    return {
      ok: true,
      documentId: register(session),
      document,
      fileName: extra.fileName ?? (session.path ? basename(session.path) : UNTITLED),
      untitled: session.path === null || session.isSample,
      isSample: session.isSample,
      ...(extra.importReport ? { importReport: extra.importReport } : {}),
      ...(extra.migratedFrom ? { migratedFrom: extra.migratedFrom } : {}),
      ...(extra.restored ? { restored: true } : {}),
    };
  }

  /** Recent files are a convenience: failing to record one never fails the user's action. */
  async function remember(path: string): Promise<void> {
    try {
      await settings.addRecent(path, clock.now());
    } catch (error) {
      console.warn('[jixiao] could not update recent files', error);
    }
  }

  async function openPath(path: string): Promise<Results['openDocument']> {
    try {
      const loaded = await readDocumentFile(path);
      await remember(path);
      return opened(
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
      return opened(
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
    await remember(target);
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
    async getAppInfo() {
      return { ok: true, name: config.appName, version: config.version, platform: config.platform };
    },

    async getLayout() {
      return { ok: true, panelWidth: (await settings.load()).panelWidth };
    },

    async setLayout({ panelWidth }) {
      try {
        await settings.update({ panelWidth });
      } catch (error) {
        return failure('io-error', `无法保存界面设置：${(error as Error).message}`);
      }
      return { ok: true };
    },

    async showExported({ exportId, how }) {
      const path = exported.get(exportId);
      if (!path) return failure('not-found', '找不到导出的文件记录，请重新导出。');
      if (!ports.shell) return failure('unsupported', '当前环境无法打开文件。');
      if (how === 'folder') {
        ports.shell.showItemInFolder(path);
        return { ok: true };
      }
      const problem = await ports.shell.openPath(path);
      if (problem) {
        return failure('io-error', `无法打开「${basename(path)}」：没有可以打开该文件的程序。`);
      }
      return { ok: true };
    },

    async listRecent() {
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

    async newDocument() {
      return opened(emptyDocument(clock.now().getFullYear() + 1), { path: null, isSample: false });
    },

    async openDocument() {
      const path = await dialogs.chooseOpenPath('document');
      if (path === null) return failure('cancelled', '已取消打开。');
      return openPath(path);
    },

    async openRecent({ recentId: id }) {
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

    async openStartup() {
      const recent = await settings.recentFiles();
      if (recent.length > 0) return { ok: true, opened: null };
      const sample = await openSample();
      return sample.ok ? { ok: true, opened: sample } : sample;
    },

    async saveDocument({ documentId, document }) {
      const session = sessions.get(documentId);
      if (!session) return failure('not-found', '该文档已关闭，无法保存。');
      if (session.path === null || session.isSample) return saveAs(documentId, document);
      if (backupOf(session.path) !== null) return saveBackup(documentId, session.path, document);
      return writeTo(documentId, session.path, document);
    },

    async saveDocumentAs({ documentId, document }) {
      return saveAs(documentId, document);
    },

    async closeDocument({ documentId }) {
      sessions.delete(documentId);
      await recovery.remove(documentId).catch(() => undefined);
      return { ok: true };
    },

    async importFile() {
      const path = await dialogs.chooseOpenPath('import');
      if (path === null) return failure('cancelled', '已取消导入。');
      try {
        const result = await importFromFile(path, importRun());
        return opened(
          result.document,
          { path: null, isSample: false },
          {
            importReport: result.report,
            fileName: `${basename(path).replace(/\.[^.]+$/, '')}${DOCUMENT_EXTENSION}`,
          },
        );
      } catch (error) {
        if (error instanceof ImportFileError) return failure(error.code, error.message);
        throw error;
      }
    },
    async importText({ text }) {
      try {
        const result = await importPastedText(text, importRun());
        return opened(
          result.document,
          { path: null, isSample: false },
          { importReport: result.report, fileName: `粘贴的表格${DOCUMENT_EXTENSION}` },
        );
      } catch (error) {
        if (error instanceof ImportFileError) return failure(error.code, error.message);
        throw error;
      }
    },

    async cancelImport() {
      importing?.abort();
      return { ok: true };
    },

    async exportDocument({ documentId, document, options }) {
      if (!sessions.has(documentId)) return failure('not-found', '该文档已关闭，无法导出。');
      const path = await dialogs.chooseExportPath(
        suggestedExportName(document, options),
        options.format,
      );
      if (path === null) return failure('cancelled', '已取消导出。');
      let bytes: Uint8Array;
      try {
        bytes = await renderExport(document, options);
      } catch (error) {
        if (error instanceof ExportContentError) return failure('invalid-argument', error.message);
        console.error('[jixiao] export failed', error);
        return failure(
          'internal',
          '生成导出文件时发生意外错误，未写入任何文件。请先保存文档，再联系技术支持。',
        );
      }
      try {
        const source = sessions.get(documentId)?.path;
        await writeExportFile(path, bytes, source ? [source, backupPath(source)] : []);
      } catch (error) {
        if (error instanceof ExportTargetError) return failure('forbidden', error.message);
        return failure('io-error', writeFailure(error, 'export'));
      }
      return {
        ok: true,
        fileName: basename(path),
        bytes: bytes.byteLength,
        exportId: rememberExport(path),
      };
    },

    async printDocument({ documentId, document, options }) {
      if (!sessions.has(documentId)) return failure('not-found', '该文档已关闭，无法打印。');
      return printDocument(ports.printer, document, options);
    },

    async exportCheckReport({ documentId, document }) {
      if (!sessions.has(documentId)) return failure('not-found', '该文档已关闭，无法导出。');
      const year = document.fiscalYear ? `${document.fiscalYear}年` : '';
      const path = await dialogs.chooseExportPath(`${year}提交前检查报告.txt`, 'txt');
      if (path === null) return failure('cancelled', '已取消导出。');
      // A BOM so Notepad and WPS on Chinese Windows read the UTF-8 text correctly.
      const text = `\uFEFF${formatCheckReport(document, checkDocument(document)).replace(/\n/g, '\r\n')}`;
      const bytes = new TextEncoder().encode(text);
      try {
        await writeExportFile(path, bytes);
      } catch (error) {
        if (error instanceof ExportTargetError) return failure('forbidden', error.message);
        return failure('io-error', writeFailure(error, 'check report'));
      }
      return { ok: true, fileName: basename(path), bytes: bytes.byteLength };
    },

    async exportPdf({ documentId, document, options }) {
      if (!sessions.has(documentId)) return failure('not-found', '该文档已关闭，无法导出。');
      return exportPdf(ports.printer, dialogs, document, options);
    },

    async writeRecovery({ documentId, document }) {
      const session = sessions.get(documentId);
      if (!session) return failure('not-found', '该文档已关闭。');
      await recovery.write({
        id: documentId,
        fileName: session.path
          ? basename(session.path)
          : `${document.title || '未命名'}${DOCUMENT_EXTENSION}`,
        originalPath: session.isSample ? null : session.path,
        savedAt: clock.now().toISOString(),
        document,
      });
      return { ok: true };
    },

    async clearRecovery({ documentId }) {
      await recovery.remove(documentId);
      return { ok: true };
    },

    async listRecovery() {
      const entries = await recovery.list();
      return {
        ok: true,
        entries: entries.map((entry) => ({
          id: entry.id,
          fileName: entry.fileName,
          savedAt: entry.savedAt,
          projects: entry.document.units.reduce((total, unit) => total + unit.projects.length, 0),
        })),
      };
    },

    async restoreRecovery({ recoveryId }) {
      const entry = await recovery.get(recoveryId);
      if (!entry) return failure('not-found', '找不到这份自动保存的内容。');
      const result = opened(
        entry.document,
        { path: entry.originalPath, isSample: false },
        { fileName: entry.fileName, restored: true },
      );
      // The restored work lives on under the new id; the old copy is no longer needed.
      await recovery.write({ ...entry, id: result.documentId });
      await recovery.remove(recoveryId);
      return result;
    },

    async discardRecovery({ recoveryId }) {
      await recovery.remove(recoveryId);
      return { ok: true };
    },

    async confirmUnsaved({ fileName }) {
      return { ok: true, choice: await dialogs.confirmUnsaved(fileName) };
    },

    async closeWindow() {
      ports.window?.close();
      return { ok: true };
    },

    listFonts: () => installedFonts(ports.fontProbe ?? systemFontProbe(config.platform)),
  };
}
