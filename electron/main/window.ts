import { BrowserWindow, shell, type WebContents, type WebPreferences } from 'electron';
import { APP_ORIGIN, isTrustedUrl } from '../host/dispatch';

/** The renderer's privileges: none beyond what the preload exposes (ARCHITECTURE decision 6). */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    spellcheck: false,
    navigateOnDragDrop: false,
  };
}

/** Permissions the app's own page may use: the clipboard, for the context menu's 复制 / 粘贴. */
const CLIPBOARD_PERMISSIONS: ReadonlySet<string> = new Set([
  'clipboard-read',
  'clipboard-sanitized-write',
]);

/** True for a URL or origin of the app itself (`app://jixiao`); custom schemes have no URL origin. */
function isAppPage(url: string): boolean {
  return url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
}

/** Whether a permission is granted: only the clipboard, only to the app's own main frame. */
export function allowsPermission(permission: string, url: string, isMainFrame: boolean): boolean {
  return CLIPBOARD_PERMISSIONS.has(permission) && isMainFrame && isAppPage(url);
}

/**
 * Denies navigation away from the app, new windows (external https links open in the browser),
 * webviews and every permission request but the clipboard for the app's own page.
 */
export function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(allowsPermission(permission, details.requestingUrl, details.isMainFrame)),
  );
  contents.session.setPermissionCheckHandler((_contents, permission, origin, details) =>
    allowsPermission(permission, origin, details.isMainFrame),
  );
}

/** Creates the main window on the app's own origin. */
export function createMainWindow(preloadPath: string, title: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath),
  });
  lockDown(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
