import { randomUUID } from 'node:crypto';
import { BrowserWindow, session, type Session, type WebContents } from 'electron';
import { PRINT_CSP } from '../../shared/export/html';
import type { PrintPort } from '../host/ports';

/**
 * Print pages live in memory and are served as `app://print/<token>.html` from a session of their
 * own: not the UI's origin (they can never pass the IPC sender check), no temp files, no giant
 * data: URLs, and nothing else may load in that session.
 */
const PRINT_PARTITION = 'jixiao-print';
const PRINT_ORIGIN = 'app://print';
const pages = new Map<string, string>();
let printSession: Session | null = null;

/** The response for a print page URL: the page's HTML, or 404 for any other URL. */
export function printPageResponse(url: string): Response {
  let token: string | undefined;
  try {
    const parsed = new URL(url);
    if (`${parsed.protocol}//${parsed.host}` === PRINT_ORIGIN) {
      token = /^\/([0-9a-f-]{36})\.html$/.exec(parsed.pathname)?.[1];
    }
  } catch {
    token = undefined;
  }
  const html = token === undefined ? undefined : pages.get(token);
  if (html === undefined) return new Response('未找到', { status: 404 });
  return new Response(html, {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': PRINT_CSP,
      'x-content-type-options': 'nosniff',
    },
  });
}

/** The print session, created on first use (after the app is ready). */
function sessionForPrinting(): Session {
  if (printSession) return printSession;
  const created = session.fromPartition(PRINT_PARTITION);
  created.protocol.handle('app', (request) => printPageResponse(request.url));
  created.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !details.url.startsWith(`${PRINT_ORIGIN}/`) }),
  );
  created.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  created.setPermissionCheckHandler(() => false);
  printSession = created;
  return created;
}

/** A hidden, sandboxed window without preload or JavaScript, navigation and pop-ups denied. */
function createPrintWindow(): BrowserWindow {
  const window = new BrowserWindow({
    show: false,
    width: 1024,
    height: 768,
    webPreferences: {
      session: sessionForPrinting(),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      javascript: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  return window;
}

/** Loads the HTML into a fresh print window, runs `task`, and always destroys the window. */
async function withPrintWindow<T>(
  html: string,
  task: (contents: WebContents) => Promise<T>,
): Promise<T> {
  const token = randomUUID();
  pages.set(token, html);
  const window = createPrintWindow();
  try {
    await window.loadURL(`${PRINT_ORIGIN}/${token}.html`);
    return await task(window.webContents);
  } finally {
    pages.delete(token);
    if (!window.isDestroyed()) window.destroy();
  }
}

function systemPrint(contents: WebContents, landscape: boolean): Promise<boolean> {
  return new Promise((resolve, reject) => {
    contents.print(
      { silent: false, printBackground: true, landscape, pageSize: 'A4' },
      (success, failureReason) => {
        if (success) resolve(true);
        else if (/cancel/i.test(failureReason)) resolve(false);
        else reject(new Error(failureReason || '打印失败'));
      },
    );
  });
}

/** PrintPort for the host: system printing and PDF through a hidden print window. */
export function createPrintPort(): PrintPort {
  return {
    print: (html, landscape) =>
      withPrintWindow(html, (contents) => systemPrint(contents, landscape)),
    toPdf: (html, landscape) =>
      withPrintWindow(html, async (contents) => {
        const pdf = await contents.printToPDF({
          pageSize: 'A4',
          preferCSSPageSize: true,
          printBackground: true,
          landscape,
        });
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      }),
  };
}
