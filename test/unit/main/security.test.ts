import { EventEmitter } from 'node:events';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../../shared/ipc';

vi.mock('electron', () => ({
  BrowserWindow: class {},
  shell: { openExternal: vi.fn(async () => undefined) },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));

const { secureWebPreferences, lockDown } = await import('../../../electron/main/window');
const { registerIpc } = await import('../../../electron/main/ipc');
const { createHandlers } = await import('../../../electron/host/handlers');
const { CONTENT_SECURITY_POLICY, resolveAppFile } =
  await import('../../../electron/host/gate/appFiles');
const electron = await import('electron');

function fakeContents() {
  const events = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  type Details = { requestingUrl: string; isMainFrame: boolean };
  let permissionHandler:
    ((c: unknown, p: string, cb: (granted: boolean) => void, details: Details) => void) | undefined;
  let permissionCheck:
    ((c: unknown, p: string, origin: string, details: Details) => boolean) | undefined;
  const contents = {
    on: (name: string, listener: (...args: unknown[]) => void) => events.on(name, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
    session: {
      setPermissionRequestHandler: (handler: typeof permissionHandler) =>
        (permissionHandler = handler),
      setPermissionCheckHandler: (handler: typeof permissionCheck) => (permissionCheck = handler),
    },
  };
  const fire = (name: string, url: string) => {
    const event = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    events.emit(name, event, url);
    return event.defaultPrevented;
  };
  return {
    contents,
    fire,
    open: (url: string) => openHandler?.({ url }),
    permission: (name: string, url = 'app://jixiao/index.html', isMainFrame = true) =>
      new Promise<boolean>((done) =>
        permissionHandler?.(contents, name, done, { requestingUrl: url, isMainFrame }),
      ),
    check: (name: string, origin = 'app://jixiao', isMainFrame = true) =>
      permissionCheck?.(contents, name, origin, { requestingUrl: `${origin}/`, isMainFrame }),
  };
}

describe('window security baseline', () => {
  it('runs the renderer isolated, sandboxed and without Node', () => {
    const preferences = secureWebPreferences('/app/out/preload/index.cjs');
    expect(preferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('denies navigation away from app://, new windows, webviews and permissions', async () => {
    const fake = fakeContents();
    lockDown(fake.contents as never);
    expect(fake.fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(fake.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fake.fire('will-navigate', 'app://jixiao/index.html')).toBe(false);
    expect(fake.fire('will-redirect', 'http://127.0.0.1/')).toBe(true);
    expect(fake.fire('will-attach-webview', 'app://jixiao/x')).toBe(true);
    expect(fake.open('https://example.com/')).toEqual({ action: 'deny' });
    expect(fake.open('app://jixiao/index.html')).toEqual({ action: 'deny' });
    // No link is allow-listed: an https link is refused too, not handed to the browser.
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
    expect(await fake.permission('media')).toBe(false);
    expect(await fake.permission('notifications')).toBe(false);
    expect(fake.check('media')).toBe(false);
    expect(fake.check('geolocation')).toBe(false);
  });

  it('grants the clipboard (context menu 复制 / 粘贴) to the app’s own page only', async () => {
    const fake = fakeContents();
    lockDown(fake.contents as never);
    for (const name of ['clipboard-read', 'clipboard-sanitized-write']) {
      expect(await fake.permission(name)).toBe(true);
      expect(fake.check(name)).toBe(true);
      expect(await fake.permission(name, 'https://example.com/')).toBe(false);
      expect(await fake.permission(name, 'app://jixiao.evil/x')).toBe(false);
      expect(await fake.permission(name, 'app://jixiao/index.html', false)).toBe(false);
      expect(fake.check(name, 'file://')).toBe(false);
      expect(fake.check(name, 'app://jixiao', false)).toBe(false);
    }
    expect(await fake.permission('deprecated-sync-clipboard-read')).toBe(false);
  });

  it('has a CSP that allows only the app itself', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('serves only files inside the renderer folder from app://jixiao', () => {
    const root = '/app/out/renderer';
    expect(resolveAppFile('app://jixiao/index.html', root)).toBe('/app/out/renderer/index.html');
    expect(resolveAppFile('app://jixiao/', root)).toBe('/app/out/renderer/index.html');
    expect(resolveAppFile('app://jixiao/assets/a.js', root)).toBe('/app/out/renderer/assets/a.js');
    for (const climbing of [
      'app://jixiao/../../etc/passwd',
      'app://jixiao/%2e%2e/%2e%2e/etc/passwd',
      'app://jixiao/a/%2E%2E/%2E%2E/%2E%2E/x',
    ]) {
      const file = resolveAppFile(climbing, root);
      expect(file === null || file.startsWith(`${root}/`), climbing).toBe(true);
    }
    expect(resolveAppFile('app://jixiao/%2F..%2F..%2Fetc%2Fpasswd', root) ?? `${root}/`).toMatch(
      /^\/app\/out\/renderer\//,
    );
    expect(resolveAppFile('app://jixiao/a%5c..%5c..%5cx', root)).toBeNull();
    expect(resolveAppFile('app://other/index.html', root)).toBeNull();
    expect(resolveAppFile('file:///app/out/renderer/index.html', root)).toBeNull();
  });
});

describe('IPC wiring in main', () => {
  async function wired() {
    const registered = new Map<string, (event: unknown, argument: unknown) => Promise<unknown>>();
    const ipcMain = {
      handle: (channel: string, handler: never) => registered.set(channel, handler),
    };
    const disk = await mkdtemp(join(tmpdir(), 'jixiao-ipc-'));
    const openDialog = vi.fn(async () => null);
    const handlers = createHandlers({
      dialogs: {
        chooseOpenPath: openDialog,
        chooseSavePath: async () => null,
        chooseExportPath: async () => null,
        confirmUnsaved: async () => 'cancel' as const,
      },
      clock: { now: () => new Date() },
      config: {
        appName: 'x',
        version: '1',
        platform: 'linux',
        userDataDir: disk,
        samplePath: join(disk, 'none'),
      },
    });
    const errors: unknown[] = [];
    registerIpc(ipcMain as never, handlers, (error) => errors.push(error));
    const mainFrame = { url: 'app://jixiao/index.html' };
    const event = (frame: { url: string }) => ({ senderFrame: frame, sender: { mainFrame } });
    return { registered, event, mainFrame, openDialog };
  }

  it('registers every channel of the contract and nothing else', async () => {
    const { registered } = await wired();
    expect([...registered.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
  });

  it('answers a call from the app window', async () => {
    const { registered, event, mainFrame } = await wired();
    const result = await registered.get(INVOKE_CHANNELS.getAppInfo)?.(event(mainFrame), undefined);
    expect(result).toMatchObject({ ok: true, version: '1' });
  });

  it('rejects an unexpected sender with a result code and never runs the handler', async () => {
    const { registered, event, openDialog } = await wired();
    const fromWeb = await registered.get(INVOKE_CHANNELS.openDocument)?.(
      event({ url: 'https://evil.example/' }),
      undefined,
    );
    expect(fromWeb).toMatchObject({ ok: false, code: 'forbidden' });
    const fromFile = await registered.get(INVOKE_CHANNELS.openDocument)?.(
      event({ url: 'file:///tmp/x.html' }),
      undefined,
    );
    expect(fromFile).toMatchObject({ ok: false, code: 'forbidden' });
    const fromSubFrame = await registered.get(INVOKE_CHANNELS.openDocument)?.(
      event({ url: 'app://jixiao/frame.html' }),
      undefined,
    );
    expect(fromSubFrame).toMatchObject({ ok: false, code: 'forbidden' });
    expect(openDialog).not.toHaveBeenCalled();
  });

  it('rejects invalid arguments with a result code', async () => {
    const { registered, event, mainFrame } = await wired();
    const call = registered.get(INVOKE_CHANNELS.saveDocument);
    expect(
      await call?.(event(mainFrame), { documentId: 'x', document: { title: 1 } }),
    ).toMatchObject({
      ok: false,
      code: 'invalid-argument',
    });
    expect(await call?.(event(mainFrame), 'not an object')).toMatchObject({
      ok: false,
      code: 'invalid-argument',
    });
    expect(
      await registered.get(INVOKE_CHANNELS.openRecent)?.(event(mainFrame), {
        recentId: 'a',
        path: '/etc',
      }),
    ).toMatchObject({
      ok: false,
      code: 'invalid-argument',
    });
  });
});
