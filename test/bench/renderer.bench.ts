/**
 * The built renderer in Debian Chromium with a stub `window.jixiao` whose openStartup returns a
 * generated document: time to first render, keystroke-to-paint latency of typing, arrow moves and confirmed amounts, and heap size.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CONTENT_SECURITY_POLICY, contentType } from '../../electron/host/gate/appFiles';
import { INVOKE_CHANNELS } from '../../shared/ipc';
import { chromiumPath, CHROMIUM_ARGS } from '../e2e/browser';
import { zhCN } from '../../renderer/src/i18n/zh-CN';
import { generateDocument } from './generate';
import {
  interleavedKeys,
  oneKey,
  percentile,
  restingMoves,
  TYPING_PRESSES,
  type Typing,
  type Typist,
} from './keyTiming';

const RENDERER_DIR = resolve(import.meta.dirname, '../../out/renderer');

/** tsx keeps function names with a `__name` helper that functions sent to the page call. */
export const KEEP_NAMES = 'globalThis.__name = (target) => target;';

/** One measured figure with the absolute target. */
export interface RendererFigure {
  name: string;
  value: number;
  unit: 'ms' | 'MB';
  /** What the same measurement gives on a bare page, when one makes sense. */
  baseline?: { name: string; value: number };
  target?: number;
  /** Highest ratio to the baseline the issue allows. */
  ratioTarget?: number;
}

export async function serve(): Promise<{ server: Server; origin: string }> {
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (pathname === '/bare.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><textarea id="t"></textarea>');
      return;
    }
    const file = resolve(RENDERER_DIR, pathname === '/' ? 'index.html' : `.${pathname}`);
    try {
      if (!file.startsWith(RENDERER_DIR)) throw new Error('outside');
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
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** A stub host: empty lists, `ok` for writes, and the generated document at start. */
export function installStub(names: string[]): void {
  const win = window as unknown as Record<string, unknown> & {
    __benchDocument: () => Promise<string>;
    __firstRowPainted?: number;
  };
  const api: Record<string, unknown> = {};
  for (const name of names) api[name] = async () => ({ ok: true });
  api.listRecent = async () => ({ ok: true, files: [] });
  api.listRecovery = async () => ({ ok: true, entries: [] });
  api.openStartup = async () => ({
    ok: true,
    opened: {
      ok: true,
      documentId: 'bench',
      // Cloned as Electron's IPC delivers it (structured clone), not as JSON.parse built it.
      document: structuredClone(JSON.parse(await win.__benchDocument()) as unknown),
      fileName: 'bench.jixiao.json',
      untitled: false,
      isSample: false,
    },
  });
  // Electron copies every argument on its way to the host (contextBridge, then IPC): so does
  // this autosave, on the page's main thread, where the clerk would feel it.
  api.writeRecovery = async (argument: unknown) => {
    structuredClone(argument);
    win.__recoveryWrites = Number(win.__recoveryWrites ?? 0) + 1;
    return { ok: true };
  };
  api.stageDocument = async (argument: unknown) => {
    structuredClone(argument);
    return { ok: true };
  };
  const saved = async (argument: unknown) => {
    structuredClone(argument);
    win.__saves = Number(win.__saves ?? 0) + 1;
    return { ok: true, documentId: 'bench', fileName: 'bench.jixiao.json' };
  };
  api.saveDocument = saved;
  api.saveDocumentAs = saved;
  api.onMenuCommand = () => () => undefined;
  api.onCloseRequested = () => () => undefined;
  win.jixiao = Object.freeze(api);
  // The first project row on screen, then the frame that paints it.
  const observer = new MutationObserver(() => {
    if (!document.querySelector('tr.project-row')) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (win.__firstRowPainted = performance.now()), 0));
  });
  observer.observe(document, { childList: true, subtree: true });
}

function progress(message: string): void {
  process.stderr.write(`  …${message}\n`);
}

/** The bare page: one textarea, emptied before each block. */
async function bareTypist(browser: Browser, origin: string): Promise<Typist> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
  await context.addInitScript(KEEP_NAMES);
  const page = await context.newPage();
  await page.goto(`${origin}/bare.html`);
  await page.locator('#t').click();
  return {
    name: 'bare',
    page,
    reset: async () => {
      await page.locator('#t').evaluate((text: HTMLTextAreaElement) => {
        text.value = '';
      });
    },
  };
}

const nothing = async (): Promise<void> => undefined;

type StopCounter = '__recoveryWrites' | '__saves';

/**
 * The longest the window stops answering while the document goes to the host: `act` presses
 * the keys, and from `delay` ms after that until the stub host counts one more call of
 * `counter`, the page notes the longest gap between two of its own timer ticks. Beside it, what
 * the old way cost in one task: a structured clone of the whole document.
 */
async function longestStop(
  page: Page,
  counter: StopCounter,
  delay: number,
  act: () => Promise<void>,
): Promise<{ longest: number; wholeClone: number }> {
  type Probe = { longest: number; last: number; from: number; ticking: boolean };
  const before = await page.evaluate(
    ({ counter, delay }) => {
      const win = window as unknown as Record<string, unknown> & { __probe?: Probe };
      const probe: Probe = {
        longest: 0,
        last: performance.now(),
        from: performance.now() + delay,
        ticking: true,
      };
      win.__probe = probe;
      const tick = () => {
        const now = performance.now();
        if (now > probe.from) probe.longest = Math.max(probe.longest, now - probe.last);
        probe.last = now;
        if (probe.ticking) setTimeout(tick, 0);
      };
      setTimeout(tick, 0);
      return Number(win[counter] ?? 0);
    },
    { counter, delay },
  );
  await act();
  return page.evaluate(
    async ({ counter, before }) => {
      const win = window as unknown as Record<string, unknown> & {
        __probe: Probe;
        __benchDocument: () => Promise<string>;
      };
      const started = performance.now();
      while (Number(win[counter] ?? 0) <= before && performance.now() - started < 30_000) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      win.__probe.ticking = false;
      const document = JSON.parse(await win.__benchDocument()) as unknown;
      const cloneStart = performance.now();
      structuredClone(document);
      return { longest: win.__probe.longest, wholeClone: performance.now() - cloneStart };
    },
    { counter, before },
  );
}

/**
 * Runs in the page: with `on`, ArrowDown / ArrowUp are taken before the app's handlers and only
 * move the grid's cursor box by 40 px (its transform, as a move does); with `on` false, the app
 * has its keys again.
 */
function cursorOnlyArrows(on: boolean): void {
  const win = window as unknown as { __cursorOnly?: (event: KeyboardEvent) => void };
  if (win.__cursorOnly) window.removeEventListener('keydown', win.__cursorOnly, true);
  win.__cursorOnly = undefined;
  if (!on) return;
  const cursor = document.querySelector<HTMLElement>('.grid-cursor');
  const start = cursor ? new DOMMatrix(getComputedStyle(cursor).transform) : new DOMMatrix();
  let top = start.m42;
  win.__cursorOnly = (event: KeyboardEvent) => {
    if (!cursor || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    top += event.key === 'ArrowDown' ? 40 : -40;
    cursor.style.transform = `translate(${start.m41}px, ${top}px)`;
  };
  window.addEventListener('keydown', win.__cursorOnly, true);
}

/** The built renderer with the generated document; resolves once its first row is painted. */
export async function openApp(
  browser: Browser,
  origin: string,
  document: unknown,
): Promise<{ context: BrowserContext; page: Page; firstRender: number }> {
  const context = await browser.newContext({
    viewport: { width: 1360, height: 860 },
    locale: 'zh-CN',
  });
  await context.addInitScript(KEEP_NAMES);
  const page = await context.newPage();
  // As JSON text: Playwright's own serialisation of a 10,000-project object took minutes on a
  // busy machine, and the page parses the text natively before the document is received.
  const json = JSON.stringify(document);
  await page.exposeBinding('__benchDocument', () => json);
  await page.addInitScript(installStub, Object.keys(INVOKE_CHANNELS));
  await page.goto(`${origin}/index.html`);
  await page.waitForFunction(
    () => (window as { __firstRowPainted?: number }).__firstRowPainted,
    null,
    { timeout: 120_000 },
  );
  const firstRender = await page.evaluate(() => {
    const received = performance.getEntriesByName('jixiao:document-received')[0]?.startTime ?? 0;
    return (window as unknown as { __firstRowPainted: number }).__firstRowPainted - received;
  });
  return { context, page, firstRender };
}

/** Resolves once the page's autosave after its last edit has been written (or after 10 s). */
async function autosaved(page: Page): Promise<void> {
  const before = await page.evaluate(() =>
    Number((window as unknown as { __recoveryWrites?: number }).__recoveryWrites ?? 0),
  );
  const done = page.waitForFunction(
    (count) => {
      const win = window as unknown as { __recoveryWrites?: number; __settled?: number };
      const now = Number(win.__recoveryWrites ?? 0);
      if (now === count) return false;
      // Written parts stop coming: the autosave is over.
      if (win.__settled !== now) {
        win.__settled = now;
        return false;
      }
      return true;
    },
    before,
    { timeout: 10_000, polling: 250 },
  );
  // No autosave came (nothing was left unsaved): the wait is over all the same.
  await done.catch(() => undefined);
}

/** Typing into the first project's 财政拨款 cell: Esc and F2 restore its amount before a block. */
function appTypist(name: string, page: Page): Typist {
  return {
    name,
    page,
    reset: async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F2');
    },
  };
}

/** p50 and p95 of one typing condition, against the bare textarea measured alongside. */
function typingFigures(
  label: string,
  times: readonly number[],
  bare: readonly number[],
  target?: number,
  ratioTarget?: number,
): RendererFigure[] {
  const baselineName = '空白页 textarea';
  return [
    {
      name: `${label} p50`,
      value: percentile(times, 0.5),
      unit: 'ms',
      baseline: { name: baselineName, value: percentile(bare, 0.5) },
    },
    {
      name: `${label} p95`,
      value: percentile(times, 0.95),
      unit: 'ms',
      baseline: { name: baselineName, value: percentile(bare, 0.95) },
      ...(target === undefined ? {} : { target }),
      ...(ratioTarget === undefined ? {} : { ratioTarget }),
    },
  ];
}

/** Runs the renderer benchmark at each size; returns figures to print. */
export async function runRendererBench(
  sizes: readonly number[] = [1000, 10000],
): Promise<RendererFigure[]> {
  const executablePath = chromiumPath();
  if (!executablePath) {
    console.log('  跳过界面性能测试：找不到 Chromium（设置 CHROMIUM_PATH）。');
    return [];
  }
  const { server, origin } = await serve();
  // Without vsync a frame is produced as soon as it is ready, so latencies are not rounded up
  // to the next 16.7 ms tick (the bare-page baseline runs under the same flags).
  const browser = await chromium.launch({
    executablePath,
    args: [...CHROMIUM_ARGS, '--disable-gpu-vsync', '--disable-frame-rate-limit'],
  });
  const figures: RendererFigure[] = [];
  try {
    const bare = await bareTypist(browser, origin);
    for (const projects of sizes) {
      const document = generateDocument(projects, 15, 1);
      progress(`生成 ${projects} 个项目`);
      const label = `${projects.toLocaleString('en-US')} 个项目`;
      const open = await openApp(browser, origin, document);
      const { page } = open;
      progress(`${label}：首屏 ${open.firstRender.toFixed(0)} ms`);
      figures.push({
        name: `${label}：收到文档到首屏绘制`,
        value: open.firstRender,
        unit: 'ms',
        target: 500,
      });

      // The same document in a second window with the project panel closed.
      const closed = await openApp(browser, origin, document);
      await closed.page.getByRole('button', { name: zhCN.panel.close }).click();
      const windows = [
        ['open', '面板打开', page],
        ['closed', '面板收起', closed.page],
      ] as const;
      for (const [, , each] of windows) {
        await each.locator('[data-row="1"][data-col="2"]').click();
        await each.keyboard.press('F2');
      }
      const typing = await interleavedKeys([
        bare,
        appTypist('open', page),
        appTypist('closed', closed.page),
      ]);
      for (const [, , each] of windows) await each.keyboard.press('Escape');
      progress(`${label}：输入测量完成（每项 ${TYPING_PRESSES} 次）`);
      // Arrow keys from the first project's 财政拨款, down a block and back up the next.
      const arrow = (round: number) => (round % 2 === 0 ? 'ArrowDown' : 'ArrowUp');
      const moving = await interleavedKeys([
        { ...bare, key: arrow },
        ...windows.map(([name, , each]) => ({ name, page: each, reset: nothing, key: arrow })),
      ]);
      progress(`${label}：方向键测量完成（每项 ${TYPING_PRESSES} 次）`);
      // The floor under an arrow move on this page: the same key, caught before the app sees
      // it, only moves the cursor box by a row (no React, no scroll, no effects). What the page
      // costs a frame with its rows and the cursor's layer, whatever the app does on a move.
      let floor: Map<string, Typing> | undefined;
      if (projects >= 10000) {
        await closed.page.evaluate(cursorOnlyArrows, true);
        floor = await interleavedKeys([
          { ...bare, key: arrow },
          { name: 'floor', page: closed.page, reset: nothing, key: arrow },
        ]);
        await closed.page.evaluate(cursorOnlyArrows, false);
      }
      // The document's first edit, once per window: the first change of a document was the
      // slowest (Immer froze all of it), and the blocks below count none of their first keys.
      for (const [, panel, each] of windows) {
        await each.keyboard.press('7');
        figures.push({
          name: `${label}：打开后第一次修改（Enter）到绘制（${panel}）`,
          value: await oneKey(each, 'Enter'),
          unit: 'ms',
        });
        await each.keyboard.press('ArrowUp');
      }
      // An amount typed into that cell (a different one each time) and confirmed with Enter,
      // which writes it, recomputes the totals and moves down; ArrowUp goes back, untimed.
      const amount = (each: Page) => {
        let typed = 0;
        return () => each.keyboard.press(String(3 + (typed++ % 2)));
      };
      const confirming = await interleavedKeys([
        { ...bare, key: () => 'Enter', prepare: amount(bare.page) },
        ...windows.map(([name, , each]) => ({
          name,
          page: each,
          reset: nothing,
          key: () => 'Enter',
          prepare: amount(each),
          restore: () => each.keyboard.press('ArrowUp'),
          // The block's amounts are autosaved 3 s after the last one (about 0.8 s of work at
          // 10,000 projects): the next page's block waits for it, as no clerk types in two
          // windows at once. Without this the window measured first was 7–9 ms a key slower.
          settle: () => autosaved(each),
        })),
      ]);
      // Moves at reading pace: the panel follows each after the keys rest, and a key pressed
      // while it renders waits for it. Both windows stand on the first project's 财政拨款.
      const resting = await restingMoves(
        windows.map(([name, , each]) => ({ name, page: each })),
        projects >= 10000 ? 40 : 20,
      );
      figures.push({
        name: `${label}：方向键移动后停下，面板跟上：每次主线程耗时（面板打开）`,
        value: resting.get('open') as number,
        unit: 'ms',
        baseline: { name: '同样移动，面板收起', value: resting.get('closed') as number },
      });
      progress(`${label}：停顿移动测量完成`);
      await closed.context.close();
      // Targets: typing within a frame at 1,000 projects; at 10,000, moves and confirmed amounts
      // within 1.25× the bare page (p95) and 4 ms of main-thread time per arrow key.
      const large = projects >= 10000;
      for (const [what, measured, target, ratioTarget, busyTarget] of [
        ['输入一个字到绘制', typing, projects === 1000 ? 16 : undefined, undefined, undefined],
        ['方向键移动到绘制', moving, undefined, large ? 1.25 : undefined, large ? 4 : undefined],
        [
          '确认金额（Enter，合计重算）到绘制',
          confirming,
          undefined,
          large ? 1.25 : undefined,
          undefined,
        ],
      ] as const) {
        const baseline = measured.get('bare') as Typing;
        for (const [name, panel] of windows) {
          const figure = measured.get(name) as Typing;
          figures.push(
            ...typingFigures(
              `${label}：${what}（${panel}）`,
              figure.times,
              baseline.times,
              target,
              ratioTarget,
            ),
            {
              name: `${label}：${what}，每键主线程耗时（${panel}）`,
              value: figure.busy,
              unit: 'ms',
              baseline: { name: '空白页 textarea', value: baseline.busy },
              ...(busyTarget === undefined ? {} : { target: busyTarget }),
            },
          );
        }
      }

      if (floor) {
        const figure = floor.get('floor') as Typing;
        figures.push({
          name: `${label}：其中必不可少：只移动光标框（不经 React），每键主线程耗时`,
          value: figure.busy,
          unit: 'ms',
          baseline: { name: '空白页 textarea', value: (floor.get('bare') as Typing).busy },
        });
      }
      progress(`${label}：按键测量完成`);
      if (large) {
        await page.keyboard.press('Escape');
        // An amount confirmed; the autosave is due 3 s later.
        const autosave = await longestStop(page, '__recoveryWrites', 2500, async () => {
          await page.keyboard.press('6');
          await page.keyboard.press('Enter');
        });
        const saving = await longestStop(page, '__saves', 0, () =>
          page.keyboard.press('Control+S'),
        );
        for (const [what, measured] of [
          ['自动保存', autosave],
          ['保存（Ctrl+S）', saving],
        ] as const) {
          figures.push({
            name: `${label}：${what}时窗口最长一次停顿`,
            value: measured.longest,
            unit: 'ms',
            baseline: { name: '整份文档结构化复制（旧做法）', value: measured.wholeClone },
            target: 50,
          });
        }
      }
      const cdp = await open.context.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      figures.push({
        name: `${label}：界面 JS 堆（垃圾回收后）`,
        value: heap.usedSize / 1024 / 1024,
        unit: 'MB',
        ...(projects === 10000 ? { target: 300 } : {}),
      });
      await open.context.close();
    }
  } finally {
    await browser.close();
    await new Promise((done) => server.close(done));
  }
  return figures;
}

/** Prints renderer figures with their targets (✓ / ✗), bare-page baselines and ratios to them. */
export function printRendererFigures(title: string, figures: readonly RendererFigure[]): void {
  console.log(`\n${title}`);
  for (const figure of figures) {
    const value = `${figure.value.toFixed(1).padStart(8)} ${figure.unit}`;
    const ratio = figure.baseline ? figure.value / figure.baseline.value : undefined;
    const baseline = figure.baseline
      ? `   ${figure.baseline.name}: ${figure.baseline.value.toFixed(1)} ${figure.unit}` +
        ` (${(ratio as number).toFixed(2)}×)`
      : '';
    const ratioVerdict =
      figure.ratioTarget === undefined || ratio === undefined
        ? ''
        : `  ${ratio <= figure.ratioTarget ? '✓' : '✗'} 目标 ≤${figure.ratioTarget}×`;
    const verdict =
      figure.target === undefined
        ? ''
        : `  ${figure.value <= figure.target ? '✓' : '✗'} 目标 ≤${figure.target} ${figure.unit}`;
    console.log(`  ${figure.name.padEnd(40)} ${value}${baseline}${verdict}${ratioVerdict}`);
  }
}
