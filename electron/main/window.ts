import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  screen,
  shell,
  type Rectangle,
  type WebContents,
  type WebPreferences,
} from 'electron';
import { APP_ORIGIN, isTrustedUrl } from '../host/gate/dispatch';
import { isAllowedExternal } from './externalLinks';

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
 * Denies navigation away from the app, new windows (only allow-listed https links open in the
 * browser: none today, see externalLinks.ts),
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
    if (isAllowedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(allowsPermission(permission, details.requestingUrl, details.isMainFrame)),
  );
  contents.session.setPermissionCheckHandler((_contents, permission, origin, details) =>
    allowsPermission(permission, origin, details.isMainFrame),
  );
}

interface WindowState extends Rectangle {
  maximized: boolean;
}

function stateFile(): string {
  return join(app.getPath('userData'), 'window-state.json');
}

/** The last size and position, when they still fit on one of the screens now attached. */
function lastState(): WindowState | null {
  try {
    const state = JSON.parse(readFileSync(stateFile(), 'utf8')) as WindowState;
    const fits = screen.getAllDisplays().some(({ workArea }) => {
      const right = Math.min(workArea.x + workArea.width, state.x + state.width);
      const bottom = Math.min(workArea.y + workArea.height, state.y + state.height);
      return (
        right - Math.max(workArea.x, state.x) >= 200 &&
        bottom - Math.max(workArea.y, state.y) >= 100
      );
    });
    return fits && state.width >= 900 && state.height >= 600 ? state : null;
  } catch {
    return null;
  }
}

/** The first window: fits the screen it opens on (a 1366×768 laptop included). */
export function defaultBounds(workArea: Rectangle): Rectangle {
  const width = Math.min(1360, workArea.width);
  const height = Math.min(860, workArea.height);
  return {
    x: workArea.x + Math.round((workArea.width - width) / 2),
    y: workArea.y + Math.round((workArea.height - height) / 2),
    width,
    height,
  };
}

/** Creates the main window on the app's own origin, at its last size and position. */
export function createMainWindow(preloadPath: string, title: string): BrowserWindow {
  const saved = lastState();
  const bounds = saved ?? defaultBounds(screen.getPrimaryDisplay().workArea);
  const window = new BrowserWindow({
    ...bounds,
    minWidth: 900,
    minHeight: 600,
    title,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath),
  });
  if (saved?.maximized) window.maximize();
  window.on('close', () => {
    try {
      const state: WindowState = { ...window.getNormalBounds(), maximized: window.isMaximized() };
      writeFileSync(stateFile(), JSON.stringify(state));
    } catch {
      // The window opens at the default size next time; nothing else depends on it.
    }
  });
  lockDown(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
