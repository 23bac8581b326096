import { join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { DialogPort } from '../host/ports';
import { DIALOG_ANSWERED_CHANNEL } from '../../shared/ipc/channels';
import { IMPORT_EXTENSIONS } from '../host/importFile';
import type { FileRouter } from './openFiles';

const EXPORT_TYPE_NAMES: Readonly<Record<string, string>> = {
  docx: 'Word 文档',
  xlsx: 'Excel 工作簿',
  txt: '文本文件',
  pdf: 'PDF 文件',
};

/**
 * Shows one dialog and, once it is answered, tells the window (DIALOG_ANSWERED_CHANNEL): the
 * renderer holds keys from the key that asked until the dialog has them, and not every platform
 * blurs the window when a modal dialog opens (renderer/src/focus.ts).
 */
async function asked<T>(
  owner: BrowserWindow | null,
  show: (owner: BrowserWindow | null) => Promise<T>,
): Promise<T> {
  try {
    return await show(owner);
  } finally {
    if (owner && !owner.isDestroyed()) owner.webContents.send(DIALOG_ANSWERED_CHANNEL);
  }
}

/**
 * The host's dialogs, in Chinese, attached to the main window. An open dialog is answered by
 * the file the system handed the app when there is one waiting (see FileRouter); a cancelled
 * 保存 / 不保存 / 取消 or save dialog means the clerk kept the current document, so that file
 * is not opened behind their back later.
 */
export function createDialogPort(
  appName: string,
  window: () => BrowserWindow | null,
  router: FileRouter,
): DialogPort {
  const parent = window;
  return {
    async chooseOpenPath(purpose) {
      const given = router.take(purpose);
      if (given !== null) return given;
      const options: Electron.OpenDialogOptions = {
        title: purpose === 'import' ? '导入往年表格' : '打开文档',
        properties: ['openFile'],
        filters:
          purpose === 'import'
            ? [
                { name: '可导入的表格', extensions: [...IMPORT_EXTENSIONS] },
                { name: '所有文件', extensions: ['*'] },
              ]
            : [{ name: '绩效目标表文档', extensions: ['json'] }],
      };
      const result = await asked(parent(), (owner) =>
        owner ? dialog.showOpenDialog(owner, options) : dialog.showOpenDialog(options),
      );
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseExportPath(suggestedName, extension) {
      const options: Electron.SaveDialogOptions = {
        title: '导出',
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: [{ name: EXPORT_TYPE_NAMES[extension] ?? extension, extensions: [extension] }],
      };
      const result = await asked(parent(), (owner) =>
        owner ? dialog.showSaveDialog(owner, options) : dialog.showSaveDialog(options),
      );
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async confirmUnsaved(fileName) {
      const options: Electron.MessageBoxOptions = {
        type: 'warning',
        title: appName,
        message: `是否保存对「${fileName}」的修改？`,
        detail: '如果不保存，所做的修改将会丢失。',
        buttons: ['保存', '不保存', '取消'],
        defaultId: 0,
        cancelId: 2,
        noLink: true,
      };
      const { response } = await asked(parent(), (owner) =>
        owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options),
      );
      const choice = response === 0 ? 'save' : response === 1 ? 'discard' : 'cancel';
      if (choice === 'cancel') router.drop();
      return choice;
    },
    async confirmRestoreBackup(backupName, documentName) {
      const options: Electron.MessageBoxOptions = {
        type: 'question',
        title: appName,
        message: `「${backupName}」是备份文件。要用它恢复「${documentName}」吗？`,
        detail: '恢复会用备份的内容安全地替换原文档；也可以另存为一个新文件。',
        buttons: [`恢复为「${documentName}」`, '另存为…', '取消'],
        defaultId: 1,
        cancelId: 2,
        noLink: true,
      };
      const { response } = await asked(parent(), (owner) =>
        owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options),
      );
      return response === 0 ? 'restore' : response === 1 ? 'save-as' : 'cancel';
    },
    async chooseSavePath(suggestedName) {
      const options: Electron.SaveDialogOptions = {
        title: '保存文档',
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: [{ name: '绩效目标表文档', extensions: ['jixiao.json'] }],
      };
      const result = await asked(parent(), (owner) =>
        owner ? dialog.showSaveDialog(owner, options) : dialog.showSaveDialog(options),
      );
      if (result.canceled || !result.filePath) {
        router.drop();
        return null;
      }
      return result.filePath;
    },
  };
}
