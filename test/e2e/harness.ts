import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, type Browser, type Page } from '@playwright/test';
import { INVOKE_CHANNELS, type InvokeName, type MenuCommand } from '../../shared/ipc';
import { CONTENT_SECURITY_POLICY, contentType } from '../../electron/host/appFiles';
import { dispatch } from '../../electron/host/dispatch';
import { createHandlers } from '../../electron/host/handlers';
import type { DialogPort, PrintPort, ShellPort } from '../../electron/host/ports';
import { SAMPLE_FILE } from '../../electron/host/sample';

export const ROOT = resolve(import.meta.dirname, '../..');
const RENDERER_DIR = join(ROOT, 'out/renderer');

/** Serves the built renderer on 127.0.0.1 with the app's CSP, as app:// does in Electron. */
async function serveRenderer(): Promise<{ server: Server; origin: string }> {
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = resolve(RENDERER_DIR, pathname === '/' ? 'index.html' : `.${pathname}`);
    if (!file.startsWith(RENDERER_DIR)) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': contentType(file),
        'content-security-policy': CONTENT_SECURITY_POLICY,
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

/** Dialog port the tests answer: queue the paths a user would pick; every call is logged. */
export class ScriptedDialogs implements DialogPort {
  readonly calls: Array<{ kind: 'open' | 'save' | 'export' | 'confirm'; detail: string }> = [];
  readonly openAnswers: Array<string | null> = [];
  readonly saveAnswers: Array<string | null> = [];
  readonly exportAnswers: Array<string | null> = [];
  readonly unsavedAnswers: Array<'save' | 'discard' | 'cancel'> = [];

  async chooseOpenPath(purpose: 'document' | 'import') {
    this.calls.push({ kind: 'open', detail: purpose });
    return this.openAnswers.shift() ?? null;
  }

  async chooseSavePath(suggestedName: string) {
    this.calls.push({ kind: 'save', detail: suggestedName });
    return this.saveAnswers.shift() ?? null;
  }

  async chooseExportPath(suggestedName: string, extension: string) {
    this.calls.push({ kind: 'export', detail: `${suggestedName}|${extension}` });
    return this.exportAnswers.shift() ?? null;
  }

  async confirmUnsaved(fileName: string) {
    this.calls.push({ kind: 'confirm', detail: fileName });
    return this.unsavedAnswers.shift() ?? 'cancel';
  }
}

/**
 * PrintPort for tests: PDFs come from a second page of the same Chromium (`page.pdf` is the
 * engine Electron's printToPDF uses); the system print dialog is answered from a queue.
 */
export class ScriptedPrinter implements PrintPort {
  readonly printed: Array<{ html: string; landscape: boolean }> = [];
  readonly printAnswers: boolean[] = [];

  constructor(private readonly browser: Browser) {}

  async print(html: string, landscape: boolean) {
    this.printed.push({ html, landscape });
    return this.printAnswers.shift() ?? true;
  }

  async toPdf(html: string, landscape: boolean) {
    const page = await this.browser.newPage();
    try {
      await page.setContent(html);
      const pdf = await page.pdf({
        format: 'A4',
        landscape,
        preferCSSPageSize: true,
        printBackground: true,
      });
      return new Uint8Array(pdf);
    } finally {
      await page.close();
    }
  }
}

/** Shell port for tests: records 打开文件 / 打开所在文件夹 instead of starting programs. */
export class ScriptedShell implements ShellPort {
  readonly calls: Array<{ how: 'open' | 'folder'; path: string }> = [];
  /** What openPath answers ('' = opened), queued; '' when empty. */
  readonly openAnswers: string[] = [];

  async openPath(path: string) {
    this.calls.push({ how: 'open', path });
    return this.openAnswers.shift() ?? '';
  }

  showItemInFolder(path: string) {
    this.calls.push({ how: 'folder', path });
  }
}

export interface AppFixture {
  page: Page;
  dialogs: ScriptedDialogs;
  printer: ScriptedPrinter;
  shell: ScriptedShell;
  /** The temporary folder that stands in for the user's disk. */
  disk: string;
  origin: string;
  /** Opens the app and waits until it listens for menu commands. */
  start(): Promise<void>;
  /** Sends a menu command as Electron's menu would. */
  menu(command: MenuCommand): Promise<void>;
  /** Clicks the window's close button, as Electron's `close` event would report it. */
  requestClose(): Promise<void>;
  /** True once the renderer allowed the window to close. */
  windowClosed(): boolean;
  /** Simulates a crash and a new start: fresh host handlers on the same disk, page reloaded. */
  restart(): Promise<void>;
}

/**
 * Playwright fixture: the built renderer in Debian Chromium with `window.jixiao` injected and
 * backed by the real host handlers through the same dispatcher main uses.
 */
export const test = base.extend<{ app: AppFixture }>({
  app: async ({ page, browser }, use) => {
    const disk = await mkdtemp(join(tmpdir(), 'jixiao-e2e-'));
    const { server, origin } = await serveRenderer();
    const dialogs = new ScriptedDialogs();
    const printer = new ScriptedPrinter(browser);
    const shell = new ScriptedShell();
    const windowState = { closed: false };
    const makeHandlers = () =>
      createHandlers({
        dialogs,
        printer,
        shell,
        window: {
          close: () => {
            windowState.closed = true;
          },
        },
        clock: { now: () => new Date('2026-11-23T09:00:00+08:00') },
        config: {
          appName: '绩效目标表编辑器',
          version: 'test',
          platform: process.platform,
          userDataDir: join(disk, 'userData'),
          samplePath: join(ROOT, SAMPLE_FILE),
        },
      });
    let handlers = makeHandlers();
    const pending = new Set<Promise<unknown>>();
    await page.exposeBinding(
      '__jixiaoInvoke',
      async (source, name: InvokeName, argument: unknown) => {
        const call = dispatch(handlers, name, argument, {
          senderUrl: source.frame.url(),
          isMainFrame: source.frame === source.page.mainFrame(),
          trustedOrigin: origin,
          onError: (error) => console.error(error),
        });
        pending.add(call);
        try {
          return await call;
        } finally {
          pending.delete(call);
        }
      },
    );
    await page.addInitScript((names: string[]) => {
      const listeners = new Set<(command: string) => void>();
      const closeListeners = new Set<() => void>();
      const api: Record<string, unknown> = {};
      const invoke = (
        window as unknown as { __jixiaoInvoke: (n: string, a: unknown) => Promise<unknown> }
      ).__jixiaoInvoke;
      for (const name of names) api[name] = (argument?: unknown) => invoke(name, argument);
      api.onMenuCommand = (listener: (command: string) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      };
      api.onCloseRequested = (listener: () => void) => {
        closeListeners.add(listener);
        return () => closeListeners.delete(listener);
      };
      Object.assign(window, {
        jixiao: Object.freeze(api),
        __jixiaoRequestClose: () => closeListeners.forEach((listener) => listener()),
        __jixiaoMenu: (command: string) => listeners.forEach((listener) => listener(command)),
        __jixiaoMenuListeners: () => listeners.size,
      });
    }, Object.keys(INVOKE_CHANNELS));
    const fixture: AppFixture = {
      page,
      dialogs,
      printer,
      shell,
      disk,
      origin,
      async start() {
        await page.goto(`${origin}/index.html`);
        // Ready when the UI listens for menu commands, as Electron's menu would need.
        await page.waitForFunction(
          () =>
            (window as unknown as { __jixiaoMenuListeners: () => number }).__jixiaoMenuListeners() >
            0,
        );
      },
      async requestClose() {
        await page.evaluate(() => {
          (window as unknown as { __jixiaoRequestClose: () => void }).__jixiaoRequestClose();
        });
      },
      windowClosed: () => windowState.closed,
      async restart() {
        // A crash: the renderer and the host's memory are gone, the user's disk stays.
        handlers = makeHandlers();
        await page.reload();
        await page.waitForFunction(
          () =>
            (window as unknown as { __jixiaoMenuListeners: () => number }).__jixiaoMenuListeners() >
            0,
        );
      },
      async menu(command) {
        await page.evaluate((value) => {
          (window as unknown as { __jixiaoMenu: (c: string) => void }).__jixiaoMenu(value);
        }, command);
      },
    };
    await use(fixture);
    await page.close();
    // Let host calls in flight finish (a save, an autosave) before the disk goes, but never hang.
    await Promise.race([
      Promise.allSettled([...pending]),
      new Promise((done) => setTimeout(done, 10_000)),
    ]);
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
    await rm(disk, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
