/**
 * PDF import benchmark: the seed as PDF (target ≤ 1 s) and a ~200-page department table made
 * from it (target ≤ 20 s, with progress), each through importFromFile — a fresh worker, the
 * whole pipeline — against a bare pdf.js text extraction of the same file in the same run (a
 * ratio, not a timed test). The big PDF is written by LibreOffice into a temp folder (needs
 * `soffice`). `npx tsx test/bench/import.bench.ts [copies]` prints the figures on its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
/** The seed's .docx printed by LibreOffice (portrait, narrow columns): 10 pages. */
const SEED_DOCX_PDF = join(ROOT, 'test/fixtures/pdf/seed-libreoffice-docx.pdf');

/** What any PDF reader must do at least: every page's text with positions. */
async function bareExtraction(path: string): Promise<number> {
  const document = await pdfjs.getDocument({
    data: new Uint8Array(readFileSync(path)),
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  let items = 0;
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    items += (await page.getTextContent()).items.length;
    page.cleanup();
  }
  await document.destroy();
  return items;
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
  progressEvents?: number;
  /** A worker's start alone (a one-line paste, refused). */
  startMs?: number;
  projects?: number;
}

export async function runImportBench(copies = 22): Promise<ImportBenchFigure[]> {
  const figures: ImportBenchFigure[] = [];
  // A fresh worker per file: its start (loading the pipeline, pdf.js and its parser) is part
  // of every import; a one-line paste shows that part alone.
  const startMs = await median(3, () => importPastedText('项目名称\t总计').catch(() => undefined));
  const seedMs = await median(3, () => importFromFile(SEED_PDF));
  const seedBare = await median(3, () => bareExtraction(SEED_PDF));
  figures.push({
    name: '种子表 PDF（9 页）导入',
    ms: seedMs,
    baselineMs: seedBare,
    baseline: 'pdf.js 纯文字提取',
    ratio: seedMs / seedBare,
    targetMs: 1000,
    startMs,
  });
  const docxMs = await median(3, () => importFromFile(SEED_DOCX_PDF));
  const docxBare = await median(3, () => bareExtraction(SEED_DOCX_PDF));
  figures.push({
    name: '种子表 PDF（.docx 经 LibreOffice，10 页）导入',
    ms: docxMs,
    baselineMs: docxBare,
    baseline: 'pdf.js 纯文字提取',
    ratio: docxMs / docxBare,
    targetMs: 1000,
  });
  // As the app runs it: a standby worker with pdf.js compiled waits for the file.
  keepImportWorkerWarm(true);
  const warmTimes: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const warmStarted = performance.now();
    await importFromFile(SEED_PDF);
    warmTimes.push(performance.now() - warmStarted);
  }
  keepImportWorkerWarm(false);
  const warmMs = warmTimes.sort((a, b) => a - b)[1] as number;
  figures.push({
    name: '种子表 PDF（备用导入进程已就绪，应用中如此）',
    ms: warmMs,
    baselineMs: seedBare,
    baseline: 'pdf.js 纯文字提取',
    ratio: warmMs / seedBare,
    targetMs: 1000,
  });
  const big = bigPdf(copies);
  let events = 0;
  const started = performance.now();
  const result = await importFromFile(big.path, {
    onProgress: () => (events += 1),
    limits: { timeoutMs: 120_000 },
  });
  const bigMs = performance.now() - started;
  const bareStarted = performance.now();
  await bareExtraction(big.path);
  const bareMs = performance.now() - bareStarted;
  figures.push({
    name: `部门大表 PDF（${big.pages} 页）导入`,
    ms: bigMs,
    baselineMs: bareMs,
    baseline: 'pdf.js 纯文字提取',
    ratio: bigMs / bareMs,
    targetMs: 20_000,
    progressEvents: events,
    projects: result.report.counts.projects,
  });
  return figures;
}

/** Prints the import figures: time, baseline, ratio, and the time target. */
export function printImportFigures(title: string, figures: readonly ImportBenchFigure[]): void {
  console.log(`\n${title}`);
  for (const figure of figures) {
    const verdict = figure.ms <= figure.targetMs ? '✓' : '✗';
    const extra =
      figure.progressEvents === undefined
        ? figure.startMs === undefined
          ? ''
          : `；其中导入进程启动约 ${figure.startMs.toFixed(0)} ms`
        : `；${figure.projects} 个项目，进度事件 ${figure.progressEvents} 次`;
    console.log(
      `  ${figure.name.padEnd(28)} ${figure.ms.toFixed(0).padStart(7)} ms ${verdict} 目标 ≤${figure.targetMs} ms   ${figure.baseline}: ${figure.baselineMs.toFixed(0).padStart(6)} ms   ${figure.ratio.toFixed(2)}×${extra}`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printImportFigures(
    'PDF 导入（目标：种子表 ≤ 1 s；200 页 ≤ 20 s）',
    await runImportBench(process.argv[2] ? Number(process.argv[2]) : undefined),
  );
}
