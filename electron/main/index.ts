import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { app, ipcMain, Menu, session, shell } from 'electron';
import { EVENT_CHANNELS, type MenuCommand } from '../../shared/ipc';
import { createHandlers } from '../host/handlers';
import { keepImportWorkerWarm } from '../host/importFile';
import { SAMPLE_FILE } from '../host/sample';
import { createDialogPort } from './dialogs';
import { registerDroppedFiles } from './dropFiles';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { FileRouter, requestsFromArgv } from './openFiles';
import { createPrintPort } from './print';
import { installContentSecurityPolicy, registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow } from './window';

const APP_NAME = '绩效目标表编辑器';

// Every renderer is sandboxed, whatever a window's own preferences say (before ready).
app.enableSandbox();

registerAppScheme();
app.setName(APP_NAME);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  const router = new FileRouter({
    send: (command: MenuCommand) =>
      mainWindow?.webContents.send(EVENT_CHANNELS.menuCommand, command),
  });

  // A document or table given on the command line (double-click, 打开方式).
  const [first] = requestsFromArgv(process.argv, process.cwd());
  if (first) router.request(first);

  // macOS hands files over by event, also before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    const [request] = requestsFromArgv(['', path], process.cwd());
    if (request) router.request(request);
  });

  // A second start (another double-click) brings this window forward with the new file.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const [request] = requestsFromArgv(argv, workingDirectory);
    if (request) router.request(request);
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(() => {
    serveRenderer(join(import.meta.dirname, '../renderer'));
    installContentSecurityPolicy(session.defaultSession);

    // The renderer decides about unsaved work; it calls closeWindow when the window may go.
    let closeApproved = false;
    // A standby import worker with pdf.js compiled: a PDF import starts at once.
    keepImportWorkerWarm(true);
    const handlers = createHandlers({
      printer: createPrintPort(),
      events: {
        importProgress: (progress) =>
          mainWindow?.webContents.send(EVENT_CHANNELS.importProgress, progress),
      },
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
      dialogs: createDialogPort(APP_NAME, () => mainWindow, router),
    });
    const openStartup = handlers.openStartup;
    // The renderer asks for its first document once it listens for commands: a file given to
    // the app is opened instead of the sample.
    handlers.openStartup = async () => {
      const waiting = router.hasPending();
      router.rendererReady();
      return waiting ? { ok: true, opened: null } : openStartup(undefined);
    };
    registerIpc(ipcMain, handlers, (error) => console.error('[jixiao] IPC handler failed', error));
    registerDroppedFiles(ipcMain, router);

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
      router.rendererGone();
    });
    mainWindow.on('unresponsive', () => {
      closeApproved = true;
    });
    mainWindow.on('responsive', () => {
      closeApproved = false;
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
      router.rendererGone();
    });
  });

  app.on('window-all-closed', () => app.quit());
}
