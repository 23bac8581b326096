/**
 * The built renderer in Debian Chromium with a stub `window.jixiao` whose openStartup returns a
 * generated document: time to first render, keystroke-to-paint latency of typing, arrow moves and confirmed amounts, and heap size.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type CDPSession,
  type Page,
} from '@playwright/test';
import { CONTENT_SECURITY_POLICY, contentType } from '../../electron/host/appFiles';
import { INVOKE_CHANNELS } from '../../shared/ipc';
import { chromiumPath, CHROMIUM_ARGS } from '../e2e/browser';
import { zhCN } from '../../renderer/src/i18n/zh-CN';
import { generateDocument } from './generate';

const RENDERER_DIR = resolve(import.meta.dirname, '../../out/renderer');

/** tsx keeps function names with a `__name` helper that functions sent to the page call. */
const KEEP_NAMES = 'globalThis.__name = (target) => target;';

/** One measured figure with the absolute target. */
export interface RendererFigure {
  name: string;
  value: number;
  unit: 'ms' | 'MB';
  /** What the same measurement gives on a bare page, when one makes sense. */
  baseline?: { name: string; value: number };
  target?: number;
}

async function serve(): Promise<{ server: Server; origin: string }> {
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
function installStub(names: string[]): void {
  const win = window as unknown as Record<string, unknown> & {
    __benchDocument: () => Promise<unknown>;
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
      document: await win.__benchDocument(),
      fileName: 'bench.jixiao.json',
      untitled: false,
      isSample: false,
    },
  });
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

/** Counted key presses per typing figure, after one uncounted warm-up round. */
const TYPING_PRESSES = 200;
/** Presses between resets, so the typed text stays as short as an amount. */
const TYPING_BLOCK = 20;

/** Installs the keydown listener that times each key to the end of the next frame. */
async function listenToKeys(page: Page, key: string): Promise<void> {
  await page.evaluate((measured) => {
    const win = window as unknown as {
      __keyTimes: number[];
      __keyFilter: string;
      __keyListener?: boolean;
      __keyMeasured?: () => void;
    };
    win.__keyTimes = [];
    win.__keyFilter = measured;
    if (win.__keyListener) return;
    win.__keyListener = true;
    window.addEventListener(
      'keydown',
      (event) => {
        // Keys that only prepare the measured one (the amount before its Enter) are not timed.
        if (event.key !== win.__keyFilter) return;
        const start = event.timeStamp;
        // The list of the key's own measurement, even if a later one replaced it meanwhile.
        const times = win.__keyTimes;
        requestAnimationFrame(() =>
          setTimeout(() => {
            times.push(performance.now() - start);
            win.__keyMeasured?.();
          }, 0),
        );
      },
      true,
    );
  }, key);
}

/** Resolves once the page has timed `expected` keys since `listenToKeys`. */
async function keyTimed(page: Page, expected: number): Promise<void> {
  await page.evaluate(
    (count) =>
      new Promise<void>((done) => {
        const win = window as unknown as { __keyTimes: number[]; __keyMeasured?: () => void };
        const check = () => {
          if (win.__keyTimes.length < count) return;
          win.__keyMeasured = undefined;
          done();
        };
        win.__keyMeasured = check;
        check();
      }),
    expected,
  );
}

/**
 * Milliseconds from keydown to the end of the next frame, for `count` presses of `key`. Waits
 * for each measurement by a callback: `waitForFunction` polls in requestAnimationFrame, which
 * kept the page producing frames between keys, and then at times every key (on the bare page
 * too) waited about 16 ms for its frame.
 */
async function keyLatencies(page: Page, key: string, count: number): Promise<number[]> {
  await listenToKeys(page, key);
  for (let index = 0; index < count; index += 1) {
    await page.keyboard.press(key);
    await keyTimed(page, index + 1);
  }
  return page.evaluate(() => (window as unknown as { __keyTimes: number[] }).__keyTimes);
}

/** Resolves after the page's next frame, so the keys of a reset are over before measuring. */
async function nextFrame(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0))),
  );
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] as number;
}

/**
 * One page taking part in an interleaved measurement: how to bring it back to its start before a
 * block, the key measured in a block, and what to do (untimed) before and after each such key.
 */
interface Typist {
  name: string;
  page: Page;
  reset: (round: number) => Promise<void>;
  key?: (round: number) => string;
  /** Untimed keys before each measured key (typing the amount an Enter confirms). */
  prepare?: (index: number) => Promise<void>;
  /** Untimed keys after each measured key (back to the cell the next one confirms). */
  restore?: () => Promise<void>;
}

/** What one page gave: latencies of the counted keys and main-thread time per key. */
interface Typing {
  times: number[];
  /** Milliseconds the page's main thread was busy, per key (CDP `TaskDuration`). */
  busy: number;
}

async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: Array<{ name: string; value: number }>;
  };
  return metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0;
}

/**
 * One block of `TYPING_BLOCK + 1` presses of the typist's key; the first is not counted (on
 * the bare page too it waits about 15 ms longer for its frame). Main-thread time covers the whole
 * block, or, when keys are prepared and restored around each press, each counted press alone.
 */
async function pressBlock(
  typist: Typist,
  cdp: CDPSession,
  round: number,
): Promise<{ times: number[]; seconds: number; keys: number }> {
  const { page } = typist;
  const key = typist.key?.(round) ?? '5';
  await typist.reset(round);
  await nextFrame(page);
  if (!typist.prepare && !typist.restore) {
    const before = await taskSeconds(cdp);
    const times = (await keyLatencies(page, key, TYPING_BLOCK + 1)).slice(1);
    return { times, seconds: (await taskSeconds(cdp)) - before, keys: TYPING_BLOCK + 1 };
  }
  await listenToKeys(page, key);
  let seconds = 0;
  for (let index = 0; index <= TYPING_BLOCK; index += 1) {
    await typist.prepare?.(index);
    await nextFrame(page);
    const before = await taskSeconds(cdp);
    await page.keyboard.press(key);
    await keyTimed(page, index + 1);
    if (index > 0) seconds += (await taskSeconds(cdp)) - before;
    await typist.restore?.();
  }
  await nextFrame(page);
  const times = await page.evaluate(
    () => (window as unknown as { __keyTimes: number[] }).__keyTimes,
  );
  return { times: times.slice(1), seconds, keys: TYPING_BLOCK };
}

/**
 * Presses each typist's key `TYPING_PRESSES` times, a block at a time and taking turns (the
 * first round is a warm-up), so a slow moment of the machine hits them all alike. Main-thread
 * time does not depend on when the browser schedules frames, so it is reported too.
 */
async function interleavedKeys(typists: readonly Typist[]): Promise<Map<string, Typing>> {
  const times = new Map(typists.map((typist) => [typist.name, [] as number[]]));
  const busy = new Map(typists.map((typist) => [typist.name, { seconds: 0, keys: 0 }]));
  const sessions = new Map<string, CDPSession>();
  for (const typist of typists) {
    const cdp = await typist.page.context().newCDPSession(typist.page);
    await cdp.send('Performance.enable');
    sessions.set(typist.name, cdp);
  }
  const rounds = TYPING_PRESSES / TYPING_BLOCK + 1;
  for (let round = 0; round < rounds; round += 1) {
    for (let turn = 0; turn < typists.length; turn += 1) {
      const typist = typists[(round + turn) % typists.length] as Typist;
      const block = await pressBlock(typist, sessions.get(typist.name) as CDPSession, round);
      if (round === 0) continue;
      times.get(typist.name)?.push(...block.times);
      const total = busy.get(typist.name) as { seconds: number; keys: number };
      total.seconds += block.seconds;
      total.keys += block.keys;
    }
  }
  for (const cdp of sessions.values()) await cdp.detach();
  return new Map(
    typists.map((typist) => {
      const total = busy.get(typist.name) as { seconds: number; keys: number };
      return [
        typist.name,
        { times: times.get(typist.name) ?? [], busy: (total.seconds * 1000) / total.keys },
      ];
    }),
  );
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

/** The built renderer with the generated document; resolves once its first row is painted. */
async function openApp(
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
  await page.exposeBinding('__benchDocument', () => document);
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
        ...(projects === 1000 ? { target: 500 } : {}),
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
        })),
      ]);
      await closed.context.close();
      for (const [what, measured, target] of [
        ['输入一个字到绘制', typing, projects === 1000 ? 16 : undefined],
        ['方向键移动到绘制', moving, undefined],
        ['确认金额（Enter，合计重算）到绘制', confirming, undefined],
      ] as const) {
        const baseline = measured.get('bare') as Typing;
        for (const [name, panel] of windows) {
          const figure = measured.get(name) as Typing;
          figures.push(
            ...typingFigures(`${label}：${what}（${panel}）`, figure.times, baseline.times, target),
            {
              name: `${label}：${what}，每键主线程耗时（${panel}）`,
              value: figure.busy,
              unit: 'ms',
              baseline: { name: '空白页 textarea', value: baseline.busy },
            },
          );
        }
      }

      progress(`${label}：按键测量完成`);
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
    const baseline = figure.baseline
      ? `   ${figure.baseline.name}: ${figure.baseline.value.toFixed(1)} ${figure.unit}` +
        ` (${(figure.value / figure.baseline.value).toFixed(2)}×)`
      : '';
    const verdict =
      figure.target === undefined
        ? ''
        : `  ${figure.value <= figure.target ? '✓' : '✗'} 目标 ≤${figure.target} ${figure.unit}`;
    console.log(`  ${figure.name.padEnd(40)} ${value}${baseline}${verdict}`);
  }
}
