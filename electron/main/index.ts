import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { app, dialog, ipcMain, Menu, session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../host/appFiles';
import { createHandlers } from '../host/handlers';
import { IMPORT_EXTENSIONS } from '../host/importFile';
import { SAMPLE_FILE } from '../host/sample';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
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

    const handlers = createHandlers({
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
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  });

  app.on('window-all-closed', () => app.quit());
}
