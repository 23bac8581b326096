/** Import: a file chosen in the dialog or pasted text, one at a time, cancellable. */
import { basename } from 'node:path';
import { failure, type Results } from '../../../shared/ipc';
import { DOCUMENT_EXTENSION } from '../documentFile';
import { ImportFileError, importFromFile, importPastedText } from '../importFile';
import type { HostContext } from './context';

export function importService({ ports, sessions }: HostContext) {
  /** The import under way: cancel() aborts it, its pages go to the renderer as progress. */
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

  return {
    async importFile(): Promise<Results['importFile']> {
      const path = await ports.dialogs.chooseOpenPath('import');
      if (path === null) return failure('cancelled', '已取消导入。');
      try {
        const result = await importFromFile(path, importRun());
        return sessions.opened(
          result.document,
          { path: null, isSample: false },
          {
            importReport: result.report,
            // 表.xlsx → 表.jixiao.json; 表.jixiao.json stays 表.jixiao.json.
            fileName: `${basename(path).replace(/(?:\.jixiao)?\.[^.]+$/i, '')}${DOCUMENT_EXTENSION}`,
          },
        );
      } catch (error) {
        if (error instanceof ImportFileError) return failure(error.code, error.message);
        throw error;
      }
    },

    async importText(text: string): Promise<Results['importText']> {
      try {
        const result = await importPastedText(text, importRun());
        return sessions.opened(
          result.document,
          { path: null, isSample: false },
          { importReport: result.report, fileName: `粘贴的表格${DOCUMENT_EXTENSION}` },
        );
      } catch (error) {
        if (error instanceof ImportFileError) return failure(error.code, error.message);
        throw error;
      }
    },

    async cancel(): Promise<Results['cancelImport']> {
      importing?.abort();
      return { ok: true };
    },
  };
}
