/**
 * PDF import benchmark: the seed as PDF (target ≤ 1 s) and a ~200-page department table made
 * from it (target ≤ 20 s, with progress), each through importFromFile — a worker, the whole
 * pipeline — against bare pdf.js reads of the same file in the same run (ratios, not a timed
 * test): its text alone (what the issue compares with) and its text plus operator list (what
 * any reader of a ruled table must ask pdf.js for). The machine is shared, so each figure also
 * gives the CPU it took (the whole process, and the busiest thread besides the bench's own —
 * the import worker — read from /proc on Linux) and the load average. The big PDF is written by
 * LibreOffice into a temp folder (needs `soffice`). `npx tsx test/bench/import.bench.ts [copies]`
 * prints the figures on its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  importFromFile,
  importPastedText,
  keepImportWorkerWarm,
} from '../../electron/host/importFile';
import type { Figure } from './measure';
import { median } from './measure';

const ROOT = join(import.meta.dirname, '../..');
const SEED_PDF = join(ROOT, 'test/fixtures/pdf/seed-print-html.pdf');
/** The printable seed as Chromium prints it: one piece of text a character, Type 3 fonts. */
const SEED_CHROMIUM_PDF = join(ROOT, 'test/fixtures/pdf/seed-print-chromium.pdf');
/** The seed's .docx printed by LibreOffice (portrait, narrow columns): 10 pages. */
const SEED_DOCX_PDF = join(ROOT, 'test/fixtures/pdf/seed-libreoffice-docx.pdf');

/** What any PDF reader must do at least: every page's text with positions (and its drawing). */
async function bareExtraction(path: string, drawing = false): Promise<number> {
  const document = await pdfjs.getDocument({
    data: new Uint8Array(readFileSync(path)),
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  let items = 0;
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    items += (await page.getTextContent()).items.length;
    if (drawing) items += (await page.getOperatorList()).fnArray.length;
    page.cleanup();
  }
  await document.destroy();
  return items;
}

/** CPU nanoseconds of each thread of this process (Linux; empty elsewhere). */
function threadTimes(): Map<string, number> {
  const times = new Map<string, number>();
  try {
    for (const id of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${id}/schedstat`, 'utf8');
      times.set(id, Number(stat.split(' ')[0]));
    }
  } catch {
    // Not Linux: the process figure alone.
  }
  return times;
}

const OWN_THREAD = (() => {
  try {
    return readFileSync('/proc/thread-self/stat', 'utf8').split(' ')[0] ?? '';
  } catch {
    return '';
  }
})();

interface Cost {
  ms: number;
  /** CPU of the whole process: this thread, the worker, V8's garbage collector and compilers. */
  cpuMs: number;
  /** CPU of the busiest other thread (the import worker), when the system tells. */
  threadMs?: number;
}

/** One call's wall time and CPU. */
async function cost(operation: () => Promise<unknown>): Promise<Cost> {
  const threads = threadTimes();
  const cpu = process.cpuUsage();
  const started = performance.now();
  await operation();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  let busiest: number | undefined;
  for (const [id, ns] of threadTimes()) {
    if (id === OWN_THREAD) continue;
    const spent = (ns - (threads.get(id) ?? 0)) / 1e6;
    busiest = Math.max(busiest ?? 0, spent);
  }
  return {
    ms,
    cpuMs: (used.user + used.system) / 1000,
    ...(busiest === undefined ? {} : { threadMs: busiest }),
  };
}

function middle(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Medians of `runs` calls after one warm-up call (`before` runs ahead of each, unmeasured). */
async function medianCost(
  runs: number,
  operation: () => Promise<unknown>,
  before: () => Promise<unknown> = async () => undefined,
): Promise<Cost> {
  await before();
  await operation();
  const costs: Cost[] = [];
  for (let run = 0; run < runs; run += 1) {
    await before();
    costs.push(await cost(operation));
  }
  const threads = costs.flatMap((one) => (one.threadMs === undefined ? [] : [one.threadMs]));
  return {
    ms: middle(costs.map((one) => one.ms)),
    cpuMs: middle(costs.map((one) => one.cpuMs)),
    ...(threads.length === costs.length ? { threadMs: middle(threads) } : {}),
  };
}

/** The printable seed's tables repeated `copies` times, printed by LibreOffice Writer. */
function bigPdf(copies: number): { path: string; pages: number } {
  const work = mkdtempSync(join(tmpdir(), 'jixiao-bench-pdf-'));
  const html = readFileSync(join(ROOT, 'test/fixtures/source/seed-print.html'), 'utf8');
  const open = html.indexOf('<body>') + '<body>'.length;
  const close = html.lastIndexOf('</body>');
  const body = html.slice(open, close);
  const copiesHtml = Array.from({ length: copies }, (_, copy) =>
    // Each copy's projects get their own names, as a department's schools have.
    body.replace(/(<tr><td>)(市机电技师学院|广州市机电技师学院)/gu, `$1第${copy + 1}校$2`),
  ).join('');
  writeFileSync(join(work, 'big.html'), html.slice(0, open) + copiesHtml + html.slice(close));
  execFileSync(
    'soffice',
    [
      '--headless',
      '--infilter=HTML (StarWriter)',
      '--convert-to',
      'pdf',
      '--outdir',
      work,
      join(work, 'big.html'),
    ],
    { stdio: 'ignore' },
  );
  const path = join(work, 'big.pdf');
  const pages = Number(/\/Count (\d+)/u.exec(readFileSync(path, 'latin1'))?.[1] ?? 0);
  return { path, pages };
}

export interface ImportBenchFigure extends Figure {
  targetMs: number;
  /** Median CPU of the whole process during the import, and of the import worker's thread. */
  cpuMs: number;
  threadMs?: number;
  /** The same file's text and operator lists through bare pdf.js. */
  drawingBaselineMs: number;
  /** One-minute load average when the figure was taken (2 cores here, shared). */
  load: number;
  progressEvents?: number;
  /** A worker's start alone (a one-line paste, refused). */
  startMs?: number;
  projects?: number;
}

function figure(
  name: string,
  imported: Cost,
  text: Cost,
  drawing: Cost,
  targetMs: number,
  extra: Partial<ImportBenchFigure> = {},
): ImportBenchFigure {
  return {
    name,
    ms: imported.ms,
    cpuMs: imported.cpuMs,
    ...(imported.threadMs === undefined ? {} : { threadMs: imported.threadMs }),
    baselineMs: text.ms,
    baseline: 'pdf.js 纯文字提取',
    ratio: imported.ms / text.ms,
    drawingBaselineMs: drawing.ms,
    targetMs,
    load: loadavg()[0] ?? 0,
    ...extra,
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runImportBench(copies = 22): Promise<ImportBenchFigure[]> {
  const figures: ImportBenchFigure[] = [];
  // A fresh worker per file (as the command line reads one): its start (loading the pipeline,
  // pdf.js and its parser) is part of every import; a one-line paste shows that part alone.
  const startMs = await median(3, () => importPastedText('项目名称\t总计').catch(() => undefined));
  for (const [name, path] of [
    ['种子表 PDF（9 页）导入，新的导入进程（命令行）', SEED_PDF],
    ['种子表 PDF（.docx 经 LibreOffice，10 页）导入，新的导入进程', SEED_DOCX_PDF],
  ] as const) {
    const text = await medianCost(3, () => bareExtraction(path));
    const drawing = await medianCost(3, () => bareExtraction(path, true));
    const imported = await medianCost(3, () => importFromFile(path));
    figures.push(figure(name, imported, text, drawing, 1000, path === SEED_PDF ? { startMs } : {}));
  }
  // As the app runs it: a standby worker (pdf.js loaded, a built-in table read) waits for the
  // file; the next one starts after each import. A clerk takes seconds to choose a file.
  for (const [name, path] of [
    ['种子表 PDF（9 页）导入，备用导入进程已就绪（应用）', SEED_PDF],
    ['种子表 PDF（Chromium 打印，9 页），备用导入进程已就绪', SEED_CHROMIUM_PDF],
  ] as const) {
    keepImportWorkerWarm(true);
    const standby = await medianCost(
      3,
      () => importFromFile(path),
      () => pause(5000),
    );
    keepImportWorkerWarm(false);
    figures.push(
      figure(
        name,
        standby,
        await medianCost(3, () => bareExtraction(path)),
        await medianCost(3, () => bareExtraction(path, true)),
        1000,
      ),
    );
  }
  const big = bigPdf(copies);
  let events = 0;
  let projects = 0;
  const imported = await cost(async () => {
    const result = await importFromFile(big.path, {
      onProgress: () => (events += 1),
      limits: { timeoutMs: 120_000 },
    });
    projects = result.report.counts.projects;
  });
  figures.push(
    figure(
      `部门大表 PDF（${big.pages} 页）导入`,
      imported,
      await cost(() => bareExtraction(big.path)),
      await cost(() => bareExtraction(big.path, true)),
      20_000,
      { progressEvents: events, projects },
    ),
  );
  return figures;
}

/**
 * Prints the import figures: wall time against the target (✗ marks a miss), the CPU it
 * took and the load it was taken at, and the bare pdf.js reads of the same file beside it.
 */
export function printImportFigures(title: string, figures: readonly ImportBenchFigure[]): void {
  console.log(`\n${title}`);
  for (const figure of figures) {
    const verdict = figure.ms <= figure.targetMs ? '✓' : '✗';
    const thread =
      figure.threadMs === undefined ? '' : `，导入进程线程 ${figure.threadMs.toFixed(0)} ms`;
    const start =
      figure.startMs === undefined ? '' : `；其中导入进程启动约 ${figure.startMs.toFixed(0)} ms`;
    const pages =
      figure.progressEvents === undefined
        ? ''
        : `；${figure.projects} 个项目，进度事件 ${figure.progressEvents} 次`;
    console.log(
      `  ${figure.name}: ${figure.ms.toFixed(0)} ms ${verdict} 目标 ≤${figure.targetMs} ms${start}${pages}`,
    );
    console.log(
      `      CPU：整个进程 ${figure.cpuMs.toFixed(0)} ms${thread}（负载 ${figure.load.toFixed(1)}）`,
    );
    console.log(
      `      ${figure.baseline} ${figure.baselineMs.toFixed(0)} ms（${figure.ratio.toFixed(2)}×）；文字 + 绘图指令 ${figure.drawingBaselineMs.toFixed(0)} ms（${(figure.ms / figure.drawingBaselineMs).toFixed(2)}×）`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printImportFigures(
    'PDF 导入（目标：种子表 ≤ 1 s；200 页 ≤ 20 s）',
    await runImportBench(process.argv[2] ? Number(process.argv[2]) : undefined),
  );
}
