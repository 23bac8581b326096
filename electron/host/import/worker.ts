import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RefusalCode } from '../../../shared/import/refusal';
import type { WorkerJob, WorkerReply } from './protocol';

/** Limits of one worker: wall time and heap. */
export interface WorkerLimits {
  timeoutMs: number;
  /** V8 old-generation heap of the worker, in MB. */
  heapMb: number;
  /** Largest uncompressed zip entry (`word/document.xml`), in bytes. */
  maxEntryBytes: number;
}

export const DEFAULT_WORKER_LIMITS: WorkerLimits = {
  timeoutMs: 30_000,
  heapMb: 512,
  maxEntryBytes: 64 * 1024 * 1024,
};

/** Why a worker gave no result. */
export class WorkerFailure extends Error {
  constructor(
    message: string,
    readonly reason: 'timeout' | 'memory' | 'crash' | 'cancelled' | 'refused',
    readonly code: RefusalCode = 'invalid-document',
    /** Engine text, for the log only. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'WorkerFailure';
  }
}

/** Name of the bundled worker file beside the bundle (see electron.vite.config.ts, build-cli.js). */
export const WORKER_FILE = 'importWorker.js';

let sourceBundle: Promise<URL> | undefined;

/**
 * The worker's entry: the bundled file beside this bundle; or — running from the TypeScript
 * sources (tests, `tsx`) — workerEntry.ts bundled once per process with esbuild, the way
 * scripts/build-cli.js bundles it, into node_modules/.cache (where its packages resolve).
 */
export function workerTarget(): Promise<URL> {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return Promise.resolve(new URL(`./${WORKER_FILE}`, here));
  sourceBundle ??= (async () => {
    const root = fileURLToPath(new URL('../../../', here));
    const outfile = join(root, 'node_modules/.cache/jixiao', `importWorker-${process.pid}.mjs`);
    const esbuild = await import('esbuild');
    await esbuild.build({
      entryPoints: [fileURLToPath(new URL('./workerEntry.ts', here))],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
    });
    process.once('exit', () => rmSync(outfile, { force: true }));
    return pathToFileURL(outfile);
  })();
  return sourceBundle;
}

function startWorker(target: URL, heapMb: number, prewarm: boolean): Worker {
  return new Worker(target, {
    resourceLimits: {
      maxOldGenerationSizeMb: heapMb,
      maxYoungGenerationSizeMb: 32,
      codeRangeSizeMb: 64,
      stackSizeMb: 4,
    },
    workerData: { prewarm },
    execArgv: [],
    // The worker's console output is not the user's business.
    stdout: true,
    stderr: true,
  });
}

/**
 * A worker started ahead of the next file, which has loaded pdf.js and read a built-in table
 * (pdfWarmUp.ts) but seen no file: taking it saves a PDF import the compiling of pdf.js and of the
 * pipeline. Every file still gets a worker no other file has used, under the same limits.
 */
let standby: { worker: Worker; target: string; heapMb: number } | null = null;
let keepWarm = false;

function takeStandby(target: URL, heapMb: number): Worker | null {
  const ready = standby;
  standby = null;
  if (ready && ready.target === target.href && ready.heapMb === heapMb) return ready.worker;
  void ready?.worker.terminate();
  return null;
}

/** Starts a standby worker (if none is waiting); it never keeps the process alive. */
export async function prewarmImportWorker(
  limits: Pick<WorkerLimits, 'heapMb'> = DEFAULT_WORKER_LIMITS,
): Promise<void> {
  if (standby) return;
  const target = await workerTarget();
  if (standby) return;
  const worker = startWorker(target, limits.heapMb, true);
  worker.unref();
  const drop = (): void => {
    if (standby?.worker === worker) standby = null;
  };
  worker.on('error', drop);
  worker.on('exit', drop);
  standby = { worker, target: target.href, heapMb: limits.heapMb };
}

/**
 * Keeps a standby worker ready after each import (the app turns this on; the command line,
 * which reads one file, and tests do not).
 */
export function keepImportWorkerWarm(enabled: boolean): void {
  keepWarm = enabled;
  if (enabled) void prewarmImportWorker();
  else void takeStandby(new URL('about:blank'), 0)?.terminate();
}

export interface WorkerRun {
  /** Called as pages (PDF) are read: done of total. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting stops the worker at once. */
  signal?: AbortSignal;
}

/**
 * Runs one import job in a fresh worker thread with a time limit (the worker is terminated) and
 * a heap limit (`resourceLimits`), then discards the worker. Resolves with the worker's
 * unvalidated result; rejects with WorkerFailure.
 */
export async function runInWorker(
  job: WorkerJob,
  limits: WorkerLimits = DEFAULT_WORKER_LIMITS,
  run: WorkerRun = {},
): Promise<unknown> {
  const target = await workerTarget();
  return new Promise((resolve, reject) => {
    if (run.signal?.aborted) {
      reject(new WorkerFailure('已取消导入。', 'cancelled'));
      return;
    }
    const worker = takeStandby(target, limits.heapMb) ?? startWorker(target, limits.heapMb, false);
    worker.ref();
    let settled = false;
    const finish = (action: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      run.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      action();
      // The next standby starts once this file is read: warming up beside it would slow it.
      if (keepWarm) void prewarmImportWorker(limits);
    };
    const onAbort = (): void =>
      finish(() => reject(new WorkerFailure('已取消导入。', 'cancelled')));
    run.signal?.addEventListener('abort', onAbort);
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new WorkerFailure(
              `读取超时（超过 ${limits.timeoutMs / 1000} 秒），已停止。`,
              'timeout',
            ),
          ),
        ),
      limits.timeoutMs,
    );
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'progress') {
        if (!settled) run.onProgress?.(reply.done, reply.total);
        return;
      }
      finish(() =>
        reply.type === 'done'
          ? resolve(reply.result)
          : reject(new WorkerFailure(reply.message, 'refused', reply.code, reply.detail)),
      );
    });
    worker.on('error', (error: Error & { code?: string }) =>
      finish(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new WorkerFailure('读取时占用内存超过上限', 'memory')
            : new WorkerFailure('读取进程出错', 'crash', 'invalid-document', error.message),
        ),
      ),
    );
    worker.on('exit', (code) =>
      finish(() => reject(new WorkerFailure(`读取进程意外退出（${code}）`, 'crash'))),
    );
    const bytes = job.bytes?.slice();
    worker.postMessage({ ...job, bytes }, bytes ? [bytes.buffer] : []);
  });
}
