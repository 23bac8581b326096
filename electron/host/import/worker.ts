import { Worker } from 'node:worker_threads';
import { importWorkerMain } from './workerMain';
import type { WorkerContainer, WorkerJob, WorkerReply } from './protocol';

/** Limits of one worker: wall time and heap. */
export interface WorkerLimits {
  timeoutMs: number;
  /** V8 old-generation heap of the worker, in MB. */
  heapMb: number;
  /** Largest uncompressed `word/document.xml`, in bytes. */
  maxEntryBytes: number;
}

export const DEFAULT_WORKER_LIMITS: WorkerLimits = {
  timeoutMs: 20_000,
  heapMb: 256,
  maxEntryBytes: 64 * 1024 * 1024,
};

/** Why a worker gave no result. */
export class WorkerFailure extends Error {
  constructor(
    message: string,
    readonly reason: 'timeout' | 'memory' | 'crash' | 'decode',
  ) {
    super(message);
    this.name = 'WorkerFailure';
  }
}

/**
 * Source of the worker thread: the worker function's own text, called with the two Node modules
 * it needs. The same text exists in the sources and in every bundle, so no worker file has to be
 * resolved on disk. `__name` is the helper esbuild adds when it keeps function names (tsx does);
 * the worker defines it as the identity so the text runs whichever tool compiled it.
 */
const WORKER_SOURCE = [
  'const __name = (target) => target;',
  `(${importWorkerMain.toString()})(require('node:worker_threads'), require('node:module'));`,
].join('\n');

/**
 * Decodes one file in a fresh worker thread with a time limit (the worker is terminated) and a
 * heap limit (`resourceLimits`), then discards the worker. Resolves with the worker's unvalidated
 * reply data; the caller validates it.
 */
export function decodeInWorker(
  kind: WorkerContainer,
  bytes: Uint8Array,
  limits: WorkerLimits = DEFAULT_WORKER_LIMITS,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      // Packages load relative to this module (or the bundle it is in).
      workerData: { base: import.meta.url },
      resourceLimits: {
        maxOldGenerationSizeMb: limits.heapMb,
        maxYoungGenerationSizeMb: 32,
        codeRangeSizeMb: 64,
        stackSizeMb: 4,
      },
      // The worker's console output is not the user's business.
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (action: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      action();
    };
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
    worker.on('message', (reply: WorkerReply) =>
      finish(() =>
        reply.ok ? resolve(reply.result) : reject(new WorkerFailure(reply.message, 'decode')),
      ),
    );
    worker.on('error', (error: Error & { code?: string }) =>
      finish(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new WorkerFailure('读取时占用内存超过上限，已停止。', 'memory')
            : new WorkerFailure(error.message, 'crash'),
        ),
      ),
    );
    worker.on('exit', (code) =>
      finish(() => reject(new WorkerFailure(`读取进程意外退出（${code}）。`, 'crash'))),
    );
    const copy = bytes.slice();
    const job: WorkerJob = { kind, bytes: copy, maxEntryBytes: limits.maxEntryBytes };
    worker.postMessage(job, [copy.buffer]);
  });
}
