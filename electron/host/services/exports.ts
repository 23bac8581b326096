/** Export: Word, Excel and text files, the check report, and opening what was exported. */
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { failure, type Arguments, type Results } from '../../../shared/ipc';
import type { JixiaoDocument } from '../../../shared/model';
import { checkDocument, formatCheckReport } from '../../../shared/rules';
import { backupPath, writeFailure } from '../durableFile';
import {
  ExportContentError,
  ExportTargetError,
  renderExport,
  suggestedExportName,
  writeExportFile,
} from '../exportService';
import type { HostContext } from './context';

export function exportService({ ports, sessions }: HostContext) {
  const { dialogs } = ports;
  /** Files written by exports, by the id the renderer got back (paths never cross). */
  const exported = new Map<string, string>();
  function rememberExport(path: string): string {
    const id = randomUUID();
    exported.set(id, path);
    return id;
  }

  return {
    async exportDocument({
      documentId,
      document,
      options,
    }: Arguments['exportDocument']): Promise<Results['exportDocument']> {
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

    async exportCheckReport(
      documentId: string,
      document: JixiaoDocument,
    ): Promise<Results['exportCheckReport']> {
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

    async showExported({
      exportId,
      how,
    }: Arguments['showExported']): Promise<Results['showExported']> {
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
  };
}
