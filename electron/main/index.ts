import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { app, dialog, ipcMain, Menu, session, shell } from 'electron';
import { EVENT_CHANNELS } from '../../shared/ipc';
import { CONTENT_SECURITY_POLICY } from '../host/appFiles';
import { createHandlers } from '../host/handlers';
import { IMPORT_EXTENSIONS } from '../host/importFile';
import { SAMPLE_FILE } from '../host/sample';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { createPrintPort } from './print';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow } from './window';

const APP_NAME = '绩效目标表编辑器';

registerAppScheme();
app.setName(APP_NAME);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(() => {
    serveRenderer(join(import.meta.dirname, '../renderer'));
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: {
          ...details.responseHeaders,
          'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
        },
      });
    });

    // The renderer decides about unsaved work; it calls closeWindow when the window may go.
    let closeApproved = false;
    const handlers = createHandlers({
      printer: createPrintPort(),
      shell: { openPath: (path) => shell.openPath(path), showItemInFolder: shell.showItemInFolder },
      window: {
        close() {
          closeApproved = true;
          mainWindow?.close();
        },
      },
      config: {
        appName: APP_NAME,
        version: app.getVersion(),
        platform: process.platform,
        userDataDir: app.getPath('userData'),
        samplePath: join(app.getAppPath(), SAMPLE_FILE),
      },
      clock: { now: () => new Date() },
      dialogs: {
        async chooseOpenPath(purpose) {
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
          const result = mainWindow
            ? await dialog.showOpenDialog(mainWindow, options)
            : await dialog.showOpenDialog(options);
          return result.canceled ? null : (result.filePaths[0] ?? null);
        },
        async chooseExportPath(suggestedName, extension) {
          const names: Record<string, string> = {
            docx: 'Word 文档',
            xlsx: 'Excel 工作簿',
            txt: '文本文件',
            pdf: 'PDF 文件',
          };
          const options: Electron.SaveDialogOptions = {
            title: '导出',
            defaultPath: join(app.getPath('documents'), suggestedName),
            filters: [{ name: names[extension] ?? extension, extensions: [extension] }],
          };
          const result = mainWindow
            ? await dialog.showSaveDialog(mainWindow, options)
            : await dialog.showSaveDialog(options);
          return result.canceled || !result.filePath ? null : result.filePath;
        },
        async confirmUnsaved(fileName) {
          const options: Electron.MessageBoxOptions = {
            type: 'warning',
            title: APP_NAME,
            message: `是否保存对「${fileName}」的修改？`,
            detail: '如果不保存，所做的修改将会丢失。',
            buttons: ['保存', '不保存', '取消'],
            defaultId: 0,
            cancelId: 2,
            noLink: true,
          };
          const { response } = mainWindow
            ? await dialog.showMessageBox(mainWindow, options)
            : await dialog.showMessageBox(options);
          return response === 0 ? 'save' : response === 1 ? 'discard' : 'cancel';
        },
        async chooseSavePath(suggestedName) {
          const options: Electron.SaveDialogOptions = {
            title: '保存文档',
            defaultPath: join(app.getPath('documents'), suggestedName),
            filters: [{ name: '绩效目标表文档', extensions: ['jixiao.json'] }],
          };
          const result = mainWindow
            ? await dialog.showSaveDialog(mainWindow, options)
            : await dialog.showSaveDialog(options);
          return result.canceled || !result.filePath ? null : result.filePath;
        },
      },
    });
    registerIpc(ipcMain, handlers, (error) => console.error('[jixiao] IPC handler failed', error));

    mainWindow = createMainWindow(join(import.meta.dirname, '../preload/index.cjs'), APP_NAME);
    Menu.setApplicationMenu(buildMenu(mainWindow, APP_NAME));
    mainWindow.on('close', (event) => {
      if (closeApproved) return;
      event.preventDefault();
      mainWindow?.webContents.send(EVENT_CHANNELS.closeRequested);
    });
    // A renderer that crashed or hangs can no longer answer; its work is in the recovery folder.
    mainWindow.webContents.on('render-process-gone', () => {
      closeApproved = true;
    });
    mainWindow.on('unresponsive', () => {
      closeApproved = true;
    });
    mainWindow.on('responsive', () => {
      closeApproved = false;
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  });

  app.on('window-all-closed', () => app.quit());
}
