import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, type Browser, type Page } from '@playwright/test';
import type { MenuCommand } from '../../shared/ipc';
import { createHandlers, type Handlers } from '../../electron/host/handlers';
import type { DialogPort, HostPorts, PrintPort, ShellPort } from '../../electron/host/ports';
import { SAMPLE_FILE } from '../../electron/host/sample';
import { startServeServer, type ServeServer } from '../../electron/serve/server';
import { serveContentSecurityPolicy } from '../../electron/serve/security';

export const ROOT = resolve(import.meta.dirname, '../..');
const RENDERER_DIR = join(ROOT, 'out/renderer');
const CLIENT_SCRIPT = join(ROOT, 'out/client/jixiao-client.js');

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
  /** The local server's origin (`http://127.0.0.1:PORT`); its pages need the token cookie start() sets. */
  origin: string;
  /** The Content-Security-Policy the server sends (a page a test serves itself should use it). */
  csp: string;
  /** The `jixiao serve` server the page talks to. */
  server: ServeServer;
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

/** Ports a test may add or replace (another shell port, a different clock …). */
export type ExtraPorts = Partial<HostPorts>;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Playwright fixture: the built renderer in Debian Chromium, served by the real `jixiao serve`
 * server (token, Host/Origin checks, CSP) and talking to the real host handlers over its
 * WebSocket — the path a browser user has. Dialogs and printing are answered by the test.
 */
export const test = base.extend<{ app: AppFixture; hostPorts: ExtraPorts }>({
  hostPorts: [{}, { option: true }],
  app: async ({ page, browser, hostPorts }, use) => {
    const disk = await mkdtemp(join(tmpdir(), 'jixiao-e2e-'));
    const dialogs = new ScriptedDialogs();
    const printer = new ScriptedPrinter(browser);
    const shell = new ScriptedShell();
    const windowState = { closed: false };
    const makeHandlers = (): Handlers =>
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
        ...hostPorts,
      });
    let handlers = makeHandlers();
    const server = await startServeServer({
      rendererDir: RENDERER_DIR,
      clientScript: CLIENT_SCRIPT,
      handlers: () => handlers,
      onError: (error) => console.error(error),
    });
    let lastPage = 0;
    // Ready when a page loaded after the last one listens for menu commands over the socket.
    const listening = async () => {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const ready = server
          .pages()
          .find((entry) => entry.serial > lastPage && entry.menuListeners > 0);
        if (ready) {
          lastPage = ready.serial;
          return;
        }
        if (Date.now() > deadline) throw new Error('页面没有通过 WebSocket 连接到本机服务。');
        await sleep(20);
      }
    };
    // Events travel over the socket; one round trip to the page lets it take them in.
    const settle = () => page.evaluate(() => new Promise((done) => setTimeout(done, 0)));
    const fixture: AppFixture = {
      page,
      dialogs,
      printer,
      shell,
      disk,
      origin: server.origin,
      csp: serveContentSecurityPolicy(server.origin),
      server,
      async start() {
        await page.goto(server.url);
        await listening();
      },
      async requestClose() {
        server.emit('closeRequested');
        await settle();
      },
      windowClosed: () => windowState.closed,
      async restart() {
        // A crash: the renderer and the host's memory are gone, the user's disk stays.
        handlers = makeHandlers();
        await page.reload();
        await listening();
      },
      async menu(command) {
        server.emit('menuCommand', command);
        await settle();
      },
    };
    await use(fixture);
    await page.close();
    // Let host calls in flight finish (a save, an autosave) before the disk goes, but never hang.
    await Promise.race([server.idle(), sleep(10_000)]);
    await server.close();
    await rm(disk, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
