/**
 * The main process started against a scripted Electron: the composition root (index.ts) runs as
 * in the app, so the file routing (command line, second start, macOS open-file), the sandbox
 * switch, the app:// handler, the CSP header hook and the external-link rule are exercised.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, FILE_DROPPED_CHANNEL, INVOKE_CHANNELS } from '../../../shared/ipc';

type Listener = (...args: unknown[]) => unknown;

const electron = vi.hoisted(() => {
  class Emitter {
    listeners = new Map<string, Array<(...args: unknown[]) => unknown>>();
    on(name: string, listener: (...args: unknown[]) => unknown) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      return this;
    }
    once(name: string, listener: (...args: unknown[]) => unknown) {
      return this.on(name, listener);
    }
    emit(name: string, ...args: unknown[]) {
      for (const listener of this.listeners.get(name) ?? []) listener(...args);
    }
  }
  const calls: string[] = [];
  const sent: unknown[][] = [];
  const windows: Array<{
    options: Record<string, unknown>;
    contents: Emitter & { openHandler?: unknown };
  }> = [];
  let readyResolve: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (readyResolve = resolve));
  const app = Object.assign(new Emitter(), {
    enableSandbox: () => calls.push('enableSandbox'),
    setName: () => undefined,
    requestSingleInstanceLock: () => true,
    quit: () => calls.push('quit'),
    whenReady: () => {
      calls.push('whenReady');
      return ready;
    },
    getVersion: () => '9.9.9',
    getPath: (name: string) => `/home/kj/${name}`,
    getAppPath: () => '/opt/jixiao/resources/app.asar',
  });
  const makeSession = () => ({
    webRequest: {
      onHeadersReceived: (listener: unknown) => (session.headerHooks.push(listener), undefined),
      onBeforeRequest: (listener: unknown) => (session.beforeRequest.push(listener), undefined),
    },
    protocol: { handle: (scheme: string, handler: unknown) => protocols.push([scheme, handler]) },
    setPermissionRequestHandler: (handler: unknown) => session.permissionRequest.push(handler),
    setPermissionCheckHandler: (handler: unknown) => session.permissionCheck.push(handler),
  });
  const protocols: Array<[string, unknown]> = [];
  const session = {
    headerHooks: [] as unknown[],
    beforeRequest: [] as unknown[],
    permissionRequest: [] as unknown[],
    permissionCheck: [] as unknown[],
    partitions: [] as string[],
    defaultSession: null as unknown,
    fromPartition(name: string) {
      session.partitions.push(name);
      return makeSession();
    },
  };
  session.defaultSession = makeSession();
  class BrowserWindow extends Emitter {
    webContents: Emitter & { openHandler?: unknown };
    constructor(options: Record<string, unknown>) {
      super();
      const contents = Object.assign(new Emitter(), {
        send: (...args: unknown[]) => sent.push(args),
        setWindowOpenHandler(handler: unknown) {
          contents.openHandler = handler;
        },
        openHandler: undefined as unknown,
        session: makeSession(),
        printToPDF: async () => Buffer.from('%PDF-1.7 test'),
        mainFrame: {},
      });
      this.webContents = contents;
      windows.push({ options, contents });
    }
    loadURL = async (url: string) => calls.push(`loadURL ${url}`);
    isMinimized = () => false;
    restore = () => undefined;
    focus = () => calls.push('focus');
    isDestroyed = () => false;
    destroy = () => calls.push('destroy');
    close = () => undefined;
  }
  return {
    calls,
    sent,
    windows,
    protocols,
    session,
    readyResolve,
    module: {
      app,
      BrowserWindow,
      session,
      protocol: {
        registerSchemesAsPrivileged: () => calls.push('registerSchemesAsPrivileged'),
        handle: (scheme: string, handler: unknown) => protocols.push([scheme, handler]),
      },
      ipcMain: {
        handle: (channel: string, _handler: (...args: unknown[]) => unknown) =>
          calls.push(`ipc ${channel}`),
        on: (channel: string, _listener: (...args: unknown[]) => unknown) =>
          calls.push(`ipc-on ${channel}`),
      },
      Menu: { setApplicationMenu: () => undefined, buildFromTemplate: () => ({}) },
      dialog: {
        showOpenDialog: vi.fn(async () => ({
          canceled: false,
          filePaths: ['/picked.jixiao.json'],
        })),
        showSaveDialog: vi.fn(async () => ({ canceled: true })),
        showMessageBox: vi.fn(async () => ({ response: 2 })),
      },
      shell: { openExternal: vi.fn(async () => undefined) },
      screen: {
        getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1366, height: 728 } }),
        getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1366, height: 728 } }],
      },
    },
  };
});

vi.mock('electron', () => ({ ...electron.module, default: electron.module }));

const ipcHandlers = new Map<string, Listener>();
const ipcListeners = new Map<string, Listener>();
let userData = '';
const originalArgv = process.argv;

beforeAll(async () => {
  userData = await mkdtemp(join(tmpdir(), 'jixiao-main-'));
  electron.module.app.getPath = (name: string) =>
    name === 'userData' ? userData : `/home/kj/${name}`;
  electron.module.ipcMain.handle = (channel: string, handler: Listener) => {
    ipcHandlers.set(channel, handler);
    return 0;
  };
  electron.module.ipcMain.on = (channel: string, listener: Listener) => {
    ipcListeners.set(channel, listener);
    return 0;
  };
  // Started by a double-click on a document: the shell passes the path after the executable.
  process.argv = ['/opt/jixiao/jixiao', '--no-sandbox', '/home/kj/文档/2026年.jixiao.json'];
  await import('../../../electron/main/index');
  expect(electron.calls).toContain('enableSandbox');
  expect(electron.calls.indexOf('enableSandbox')).toBeLessThan(electron.calls.indexOf('whenReady'));
  electron.readyResolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
});

afterAll(() => {
  process.argv = originalArgv;
});

function mainWindow() {
  const window = electron.windows.find(
    (entry) => 'preload' in ((entry.options.webPreferences as object) ?? {}),
  );
  if (!window) throw new Error('no main window');
  return window;
}

/** Calls an IPC channel as the app's own page. */
function invoke(channel: string, argument?: unknown) {
  const frame = { url: 'app://jixiao/index.html' };
  return ipcHandlers.get(channel)?.({ senderFrame: frame, sender: { mainFrame: frame } }, argument);
}

const menuCommands = () =>
  electron.sent
    .filter(([channel]) => channel === EVENT_CHANNELS.menuCommand)
    .map(([, command]) => command);

describe('the main process', () => {
  it('sandboxes every renderer before the app is ready', () => {
    expect(electron.calls.indexOf('enableSandbox')).toBeGreaterThanOrEqual(0);
  });

  it('opens the document from the command line once the renderer listens, instead of the sample', async () => {
    expect(menuCommands()).toEqual([]);
    const startup = await invoke(INVOKE_CHANNELS.openStartup);
    expect(startup).toEqual({ ok: true, opened: null });
    expect(menuCommands()).toEqual(['open']);
    // The renderer's 打开 flow asks for a file: it gets the one from the command line, no dialog.
    const dialog = electron.module.dialog.showOpenDialog;
    dialog.mockClear();
    const opened = (await invoke(INVOKE_CHANNELS.openDocument)) as {
      ok: boolean;
      message?: string;
    };
    expect(dialog).not.toHaveBeenCalled();
    expect(opened).toMatchObject({ ok: false, code: 'not-found' });
    expect(opened.message).toContain('2026年.jixiao.json');
    // The next 打开 shows the dialog again.
    await invoke(INVOKE_CHANNELS.openDocument);
    expect(dialog).toHaveBeenCalledTimes(1);
  });

  it('imports a table given by a second start and brings the window forward', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'jixiao-second-'));
    await writeFile(join(folder, '2025年公开表.csv'), '项目名称\n', 'utf8');
    electron.sent.length = 0;
    electron.module.app.emit(
      'second-instance',
      {},
      ['C:\\jixiao\\jixiao.exe', '--allow-file-access-from-files', '2025年公开表.csv'],
      folder,
    );
    expect(menuCommands()).toEqual(['import']);
    expect(electron.calls.at(-1)).toBe('focus');
    const dialog = electron.module.dialog.showOpenDialog;
    dialog.mockClear();
    const imported = (await invoke(INVOKE_CHANNELS.importFile)) as {
      ok: boolean;
      message?: string;
    };
    expect(dialog).not.toHaveBeenCalled();
    // The host read that very file (and says in Chinese what it found in it).
    expect(imported.ok).toBe(false);
    expect(imported.message).toMatch(/[\u4e00-\u9fff]/);
    expect(imported.message).not.toMatch(/ENOENT|no such file/);
  });

  it('routes macOS open-file events, and drops the file when the clerk keeps their work', async () => {
    electron.sent.length = 0;
    const event = { preventDefault: vi.fn() };
    electron.module.app.emit('open-file', event, '/Users/kj/Desktop/表.jixiao.json');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(menuCommands()).toEqual(['open']);
    // 保存 / 不保存 / 取消 answered 取消: the file must not open on the next 打开.
    electron.module.dialog.showMessageBox.mockResolvedValueOnce({ response: 2 });
    expect(await invoke(INVOKE_CHANNELS.confirmUnsaved, { fileName: 'a.jixiao.json' })).toEqual({
      ok: true,
      choice: 'cancel',
    });
    const dialog = electron.module.dialog.showOpenDialog;
    dialog.mockClear();
    await invoke(INVOKE_CHANNELS.openDocument);
    expect(dialog).toHaveBeenCalledTimes(1);
  });

  it('imports a table dropped on the window through the 导入 flow, without a dialog', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'jixiao-drop-'));
    const path = join(folder, '拖入的表.csv');
    await writeFile(path, '项目名称\n', 'utf8');
    electron.sent.length = 0;
    const frame = { url: 'app://jixiao/index.html' };
    ipcListeners.get(FILE_DROPPED_CHANNEL)?.(
      { senderFrame: frame, sender: { mainFrame: frame } },
      path,
    );
    expect(menuCommands()).toEqual(['import']);
    const dialog = electron.module.dialog.showOpenDialog;
    dialog.mockClear();
    const imported = (await invoke(INVOKE_CHANNELS.importFile)) as {
      ok: boolean;
      message?: string;
    };
    expect(dialog).not.toHaveBeenCalled();
    // The host read the dropped file itself: a header line and nothing else is refused in Chinese.
    expect(imported.ok).toBe(false);
    expect(imported.message).toMatch(/[\u4e00-\u9fff]/);
    expect(imported.message).not.toMatch(/ENOENT|no such file/);
  });

  it('ignores switches and files that are not ours', () => {
    electron.sent.length = 0;
    electron.module.app.emit(
      'second-instance',
      {},
      ['jixiao', '--inspect', 'notes.exe', ''],
      '/tmp',
    );
    expect(menuCommands()).toEqual([]);
  });

  it('serves the built UI from app://jixiao with the CSP, and nothing outside it', async () => {
    expect(electron.protocols.some(([scheme]) => scheme === 'app')).toBe(true);
    const { serveRenderer } = await import('../../../electron/main/protocol');
    const root = await mkdtemp(join(tmpdir(), 'jixiao-renderer-'));
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>绩效</title>');
    await writeFile(join(root, 'assets', 'a.js'), 'export {};');
    await writeFile(join(root, '..', 'jixiao-secret.txt'), 'secret');
    serveRenderer(root);
    const handler = electron.protocols.at(-1)?.[1] as (request: Request) => Promise<Response>;
    const page = await handler(new Request('app://jixiao/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('绩效');
    const script = await handler(new Request('app://jixiao/assets/a.js'));
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    for (const outside of [
      'app://jixiao/../jixiao-secret.txt',
      'app://jixiao/%2e%2e/jixiao-secret.txt',
      'app://other/index.html',
      'app://jixiao/missing.js',
    ]) {
      const response = await handler(new Request(outside));
      expect(response.status, outside).toBe(404);
      expect(await response.text()).not.toContain('secret');
    }
  });

  it('adds the CSP header to every response of the default session', () => {
    const hook = electron.session.headerHooks[0] as (
      details: { responseHeaders: Record<string, string[]> },
      callback: (result: { responseHeaders: Record<string, string[]> }) => void,
    ) => void;
    let headers: Record<string, string[]> = {};
    hook({ responseHeaders: { 'X-Other': ['1'] } }, (result) => (headers = result.responseHeaders));
    expect(headers['X-Other']).toEqual(['1']);
    expect(headers['Content-Security-Policy']?.[0]).toContain("script-src 'self'");
  });

  it('opens no external link (none is allow-listed) and no new window', () => {
    const handler = mainWindow().contents.openHandler as (details: { url: string }) => unknown;
    expect(handler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'https://www.gov.cn/' })).toEqual({ action: 'deny' });
    expect(electron.module.shell.openExternal).not.toHaveBeenCalled();
  });

  it('gives the main window no experimental or Blink features', () => {
    expect(mainWindow().options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
    });
  });
});

describe('the print window', () => {
  it('prints from its own locked session: no permissions, only its page, no JavaScript', async () => {
    const { createPrintPort } = await import('../../../electron/main/print');
    const before = electron.windows.length;
    const pdf = await createPrintPort().toPdf('<p>表</p>', true);
    expect(Buffer.from(pdf).toString('latin1')).toContain('%PDF');
    const window = electron.windows[before];
    expect(window?.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webviewTag: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
    });
    expect((window?.options.webPreferences as { preload?: string }).preload).toBeUndefined();
    expect(electron.session.partitions).toEqual(['jixiao-print']);
    const request = electron.session.permissionRequest.at(-1) as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    for (const permission of ['media', 'clipboard-read', 'notifications']) {
      let granted: boolean | undefined;
      request({}, permission, (answer) => (granted = answer));
      expect(granted, permission).toBe(false);
    }
    const check = electron.session.permissionCheck.at(-1) as () => boolean;
    expect(check()).toBe(false);
    const beforeRequest = electron.session.beforeRequest.at(-1) as (
      details: { url: string },
      callback: (result: { cancel: boolean }) => void,
    ) => void;
    const cancelled = (url: string) => {
      let cancel: boolean | undefined;
      beforeRequest({ url }, (result) => (cancel = result.cancel));
      return cancel;
    };
    expect(cancelled('app://print/0b6f6c1e-2a4b-4f1d-9a51-7d1c9e2f3a4b.html')).toBe(false);
    expect(cancelled('https://example.com/x.png')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    expect(cancelled('app://jixiao/index.html')).toBe(true);
    // Navigation and pop-ups are refused, and the window is destroyed after use.
    const navigate = { preventDefault: vi.fn() };
    window?.contents.emit('will-navigate', navigate, 'https://example.com/');
    expect(navigate.preventDefault).toHaveBeenCalled();
    expect((window?.contents.openHandler as () => unknown)()).toEqual({ action: 'deny' });
    expect(electron.calls.at(-1)).toBe('destroy');
  });
});
