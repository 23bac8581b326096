/**
 * Shared by the fuzz tests. Mutated inputs per container (byte flips, truncation, zip entry corruption, OLE sector
 * overwrites). Every input must import or fail with ImportFileError: no other exception, no hang.
 * The thousand inputs per Office container run the worker's own code in one reused thread
 * with the same limits (BatchDecoder), then the real pipeline in this thread; a sample per
 * container goes through importFromFile: a file on disk and a fresh worker each.
 */
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { unzipSync, zipSync } from 'fflate';
import { expect } from 'vitest';
import { ImportFileError, importBytes, importFromFile } from '../../../electron/host/importFile';
import type { WorkerContainer, WorkerReply } from '../../../electron/host/import/protocol';
import { WorkerFailure } from '../../../electron/host/import/worker';
import { importWorkerMain } from '../../../electron/host/import/workerMain';
import { documentSchema } from '../../../shared/model';

export const FIXTURES = join(import.meta.dirname, '../../fixtures');
export const ITERATIONS = 1000;
export const WORKER_SAMPLE = 8;
export const SEED = Number(process.env.FUZZ_SEED ?? 20_251_123);
/** Limits for the worker sample: lower than the app's so a stalled input costs little time. */
export const SAMPLE_LIMITS = { timeoutMs: 2000, heapMb: 128 };

export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type Mutator = (bytes: Uint8Array, next: () => number) => Uint8Array;
const pick = (next: () => number, length: number) => Math.floor(next() * length);

export const flip: Mutator = (bytes, next) => {
  const out = bytes.slice();
  const count = 1 + pick(next, 16);
  for (let n = 0; n < count; n += 1) out[pick(next, out.length)] = pick(next, 256);
  return out;
};
export const truncate: Mutator = (bytes, next) => bytes.slice(0, pick(next, bytes.length));
/** Unzips, damages one entry's content (flip, cut, or splice in markup), zips again. */
export const corruptEntry: Mutator = (bytes, next) => {
  const files = unzipSync(bytes);
  const names = Object.keys(files);
  const xml = names.filter((name) => name.endsWith('.xml'));
  const pool = next() < 0.8 && xml.length > 0 ? xml : names;
  const name = pool[pick(next, pool.length)] as string;
  const content = files[name] as Uint8Array;
  const choice = pick(next, 4);
  let damaged: Uint8Array;
  if (choice === 0) damaged = flip(content, next);
  else if (choice === 1) damaged = truncate(content, next);
  else {
    const text = new TextDecoder().decode(content);
    const at = pick(next, text.length + 1);
    const insert = [
      '<',
      '</w:tc>',
      '<w:vMerge/>',
      '<w:gridSpan w:val="999999"/>',
      '&#0;',
      '<c r="XFD1048576"><v>1</v></c>',
      '<mergeCell ref="A1:XFD1048576"/>',
      ']]>',
    ][pick(next, 8)] as string;
    damaged = new TextEncoder().encode(
      choice === 2
        ? text.slice(0, at) + insert + text.slice(at)
        : text.slice(0, at) + text.slice(at + pick(next, 200)),
    );
  }
  return zipSync({ ...files, [name]: damaged });
};
/** Overwrites a 512-byte sector of an OLE (.xls) file with noise. */
export const sector: Mutator = (bytes, next) => {
  const out = bytes.slice();
  const start = pick(next, Math.max(1, Math.floor(out.length / 512))) * 512;
  for (let at = start; at < Math.min(out.length, start + 512); at += 1) out[at] = pick(next, 256);
  return out;
};

/**
 * The worker's code in one long-lived thread with the same limits, decoding job after job: a
 * thousand inputs cost one thread start, not a thousand. When an input kills the thread (heap)
 * or stalls it, the thread is replaced and the input fails as the import service's fresh worker
 * would make it fail.
 */
export class BatchDecoder {
  private worker: Worker | undefined;
  deaths = 0;

  private start(): Worker {
    const source = [
      'const __name = (target) => target;',
      "const threads = require('node:worker_threads');",
      `const main = (${importWorkerMain.toString()});`,
      "threads.parentPort.on('message', (job) => {",
      '  let handler;',
      '  main({ workerData: threads.workerData, parentPort: {',
      '    postMessage: (reply) => threads.parentPort.postMessage(reply),',
      '    once: (_event, listener) => { handler = listener; } } }, require("node:module"));',
      '  handler(job);',
      '});',
    ].join('\n');
    const worker = new Worker(source, {
      eval: true,
      workerData: { base: import.meta.url },
      resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 },
      stdout: true,
      stderr: true,
    });
    // A death is handled per job below; this keeps a late error event from going unhandled.
    worker.on('error', () => undefined);
    return worker;
  }

  decode = (kind: WorkerContainer, bytes: Uint8Array): Promise<unknown> => {
    const worker = (this.worker ??= this.start());
    return new Promise((resolve, reject) => {
      const fail = (reason: WorkerFailure['reason']): void => {
        cleanup();
        this.deaths += 1;
        this.worker = undefined;
        void worker.terminate();
        reject(new WorkerFailure('读取失败', reason));
      };
      const timer = setTimeout(() => fail('timeout'), 1000);
      const onMessage = (reply: WorkerReply): void => {
        cleanup();
        if (reply.ok) resolve(reply.result);
        else reject(new WorkerFailure(reply.message, 'decode'));
      };
      const onError = (): void => fail('memory');
      const onExit = (): void => fail('crash');
      const cleanup = (): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ kind, bytes, maxEntryBytes: 64 * 1024 * 1024 });
    });
  };

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}

export interface Outcome {
  imported: number;
  refused: number;
  slowestMs: number;
  messages: Set<string>;
}

export async function check(run: () => Promise<unknown>, outcome: Outcome): Promise<void> {
  const started = performance.now();
  try {
    const result = (await run()) as { document: unknown };
    expect(documentSchema.safeParse(result.document).success).toBe(true);
    outcome.imported += 1;
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    expect(error.message).toMatch(/[\u4e00-\u9fff]/u);
    outcome.refused += 1;
    outcome.messages.add(error.message.replace(/（.*$/u, ''));
  }
  outcome.slowestMs = Math.max(outcome.slowestMs, performance.now() - started);
}

/** Runs the mutated inputs of one fixture through the pipeline; returns what happened. */
export async function fuzzFixture(
  file: string,
  name: string,
  mutators: readonly Mutator[],
  options: { office: boolean; iterations?: number; slice?: (bytes: Uint8Array) => Uint8Array },
): Promise<Outcome & { deaths: number }> {
  const read = new Uint8Array(readFileSync(join(FIXTURES, file)));
  const original = options.slice ? options.slice(read) : read;
  const next = random(SEED ^ file.length);
  const outcome: Outcome = { imported: 0, refused: 0, slowestMs: 0, messages: new Set() };
  const decoder = new BatchDecoder();
  const iterations = options.iterations ?? ITERATIONS;
  for (let n = 0; n < iterations; n += 1) {
    const bytes = (mutators[n % mutators.length] as Mutator)(original, next);
    await check(
      () => importBytes(bytes, name, options.office ? { decode: decoder.decode } : {}),
      outcome,
    );
  }
  await decoder.close();
  expect(outcome.imported + outcome.refused).toBe(iterations);
  console.log(
    `${name}: ${outcome.imported} imported, ${outcome.refused} refused (${decoder.deaths} by the worker's limits), slowest ${outcome.slowestMs.toFixed(0)} ms; ${outcome.messages.size} distinct messages`,
  );
  return { ...outcome, deaths: decoder.deaths };
}

/**
 * An Office zip package (.xlsx, .docx) fuzzed by byte flips, truncation and damaged entries:
 * some mutations must still import and some must be refused, none may crash or hang.
 */
export async function fuzzZipPackage(file: string, name: string): Promise<void> {
  const outcome = await fuzzFixture(file, name, [flip, truncate, corruptEntry, corruptEntry], {
    office: true,
  });
  expect(outcome.imported).toBeGreaterThan(0);
  expect(outcome.refused).toBeGreaterThan(0);
}

/** A sample through importFromFile: a file on disk and a fresh worker each. */
export async function fuzzThroughWorker(
  file: string,
  name: string,
  mutators: readonly Mutator[],
): Promise<Outcome> {
  const directory = await mkdtemp(join(tmpdir(), 'jixiao-fuzz-'));
  try {
    const original = new Uint8Array(readFileSync(join(FIXTURES, file)));
    const next = random(SEED + 7);
    const outcome: Outcome = { imported: 0, refused: 0, slowestMs: 0, messages: new Set() };
    for (let n = 0; n < WORKER_SAMPLE; n += 1) {
      const path = join(directory, `${n}-${name}`);
      await writeFile(path, (mutators[n % mutators.length] as Mutator)(original, next));
      await check(() => importFromFile(path, { limits: SAMPLE_LIMITS }), outcome);
    }
    expect(outcome.imported + outcome.refused).toBe(WORKER_SAMPLE);
    return outcome;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
