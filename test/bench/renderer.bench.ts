/**
 * The built renderer in Debian Chromium with a stub `window.jixiao` whose openStartup returns a
 * generated document: time to first render, keystroke-to-paint latency and heap size.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CONTENT_SECURITY_POLICY, contentType } from '../../electron/host/appFiles';
import { INVOKE_CHANNELS } from '../../shared/ipc';
import { chromiumPath, CHROMIUM_ARGS } from '../e2e/browser';
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

/** Milliseconds from keydown to the frame after it, for `count` presses of `key`. */
async function keyLatencies(page: Page, key: string, count: number): Promise<number[]> {
  await page.evaluate(() => {
    const win = window as unknown as { __keyTimes?: number[]; __keyListener?: boolean };
    win.__keyTimes = [];
    if (win.__keyListener) return;
    win.__keyListener = true;
    window.addEventListener(
      'keydown',
      (event) => {
        const start = event.timeStamp;
        requestAnimationFrame(() =>
          setTimeout(() => win.__keyTimes?.push(performance.now() - start), 0),
        );
      },
      true,
    );
  });
  for (let index = 0; index < count; index += 1) {
    await page.keyboard.press(key);
    await page.waitForFunction(
      (expected) =>
        ((window as unknown as { __keyTimes: number[] }).__keyTimes.length ?? 0) >= expected,
      index + 1,
    );
  }
  return page.evaluate(() => (window as unknown as { __keyTimes: number[] }).__keyTimes);
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] as number;
}

async function bareTextareaLatencies(page: Page, origin: string): Promise<number[]> {
  await page.goto(`${origin}/bare.html`);
  await page.locator('#t').click();
  return keyLatencies(page, '5', 40);
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
    const bareContext = await browser.newContext();
    await bareContext.addInitScript(KEEP_NAMES);
    const barePage = await bareContext.newPage();
    const bare = await bareTextareaLatencies(barePage, origin);
    await bareContext.close();
    for (const projects of sizes) {
      const document = generateDocument(projects, 15, 1);
      progress(`生成 ${projects} 个项目`);
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
        {
          timeout: 120_000,
        },
      );
      const firstRender = await page.evaluate(() => {
        const received =
          performance.getEntriesByName('jixiao:document-received')[0]?.startTime ?? 0;
        return (window as unknown as { __firstRowPainted: number }).__firstRowPainted - received;
      });
      const label = `${projects.toLocaleString('en-US')} 个项目`;
      progress(`${label}：首屏 ${firstRender.toFixed(0)} ms`);
      figures.push({
        name: `${label}：收到文档到首屏绘制`,
        value: firstRender,
        unit: 'ms',
        ...(projects === 1000 ? { target: 500 } : {}),
      });

      // Typing into a money cell (the editor is open after the first key).
      await page.locator('[data-row="1"][data-col="2"]').click();
      await page.keyboard.press('F2');
      const typing = await keyLatencies(page, '5', 60);
      await page.keyboard.press('Escape');
      const moves = await keyLatencies(page, 'ArrowDown', 40);
      const baseline = { name: '空白页 textarea', value: percentile(bare, 0.95) };
      figures.push(
        {
          name: `${label}：输入一个字到绘制 p50`,
          value: percentile(typing, 0.5),
          unit: 'ms',
          baseline: { name: '空白页 textarea', value: percentile(bare, 0.5) },
        },
        {
          name: `${label}：输入一个字到绘制 p95`,
          value: percentile(typing, 0.95),
          unit: 'ms',
          baseline,
          target: projects === 1000 ? 16 : undefined,
        },
        { name: `${label}：方向键移动到绘制 p50`, value: percentile(moves, 0.5), unit: 'ms' },
        { name: `${label}：方向键移动到绘制 p95`, value: percentile(moves, 0.95), unit: 'ms' },
      );
      // Confirming an amount recomputes every total of the document.
      await page.locator('tr.project-row td[data-col="2"]').first().click();
      await page.keyboard.type('12');
      const commits = await keyLatencies(page, 'Enter', 1);
      for (let index = 0; index < 9; index += 1) {
        await page.keyboard.type('3');
        commits.push(...(await keyLatencies(page, 'Enter', 1)));
        await page.keyboard.press('ArrowUp');
      }
      figures.push({
        name: `${label}：确认金额（Enter，合计重算）p95`,
        value: percentile(commits, 0.95),
        unit: 'ms',
      });

      progress(`${label}：按键测量完成`);
      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      figures.push({
        name: `${label}：界面 JS 堆（垃圾回收后）`,
        value: heap.usedSize / 1024 / 1024,
        unit: 'MB',
        ...(projects === 10000 ? { target: 300 } : {}),
      });
      await context.close();
    }
  } finally {
    await browser.close();
    await new Promise((done) => server.close(done));
  }
  return figures;
}

/** Prints renderer figures with their targets (✓ / ✗) and bare-page baselines. */
export function printRendererFigures(title: string, figures: readonly RendererFigure[]): void {
  console.log(`\n${title}`);
  for (const figure of figures) {
    const value = `${figure.value.toFixed(1).padStart(8)} ${figure.unit}`;
    const baseline = figure.baseline
      ? `   ${figure.baseline.name}: ${figure.baseline.value.toFixed(1)} ${figure.unit}`
      : '';
    const verdict =
      figure.target === undefined
        ? ''
        : `  ${figure.value <= figure.target ? '✓' : '✗'} 目标 ≤${figure.target} ${figure.unit}`;
    console.log(`  ${figure.name.padEnd(36)} ${value}${baseline}${verdict}`);
  }
}
