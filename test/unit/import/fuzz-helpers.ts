/**
 * Shared by the fuzz tests. Mutated inputs per container (byte flips, truncation, zip entry
 * corruption, OLE sector overwrites). Each input must end one of two ways: a valid document, or
 * a Chinese message with no engine text in it — and either within the worker's limits. The
 * thousand inputs per container run through the bundled worker entry in one reused thread with
 * the same limits (BatchWorker); a sample per container goes through importFromFile: a file on
 * disk and a fresh worker each.
 */
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { unzipSync, zipSync } from 'fflate';
import { expect } from 'vitest';
import { ImportFileError, importFromFile } from '../../../electron/host/importFile';
import type { WorkerJob, WorkerReply } from '../../../electron/host/import/protocol';
import { workerTarget } from '../../../electron/host/import/worker';
import { validImportResult } from '../../../shared/import/resultSchema';
import { documentSchema } from '../../../shared/model';
import { seededRandom } from '../../seededRandom';

export const FIXTURES = join(import.meta.dirname, '../../fixtures');
export const ITERATIONS = 1000;
/** A thousand inputs through the worker take minutes on a busy machine. */
export const FUZZ_TIMEOUT_MS = 600_000;
export const WORKER_SAMPLE = 8;
export const SEED = Number(process.env.FUZZ_SEED ?? 20_251_123);
/** Limits for the worker sample: lower than the app's so a stalled input costs little time. */
export const SAMPLE_LIMITS = { timeoutMs: 4000, heapMb: 192 };

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

/** Time one input may take in the batch worker before it counts as stalled (and fails). */
export const BATCH_TIMEOUT_MS = 2000;

/**
 * The bundled worker entry in one long-lived thread with the import service's heap limit,
 * running job after job: a thousand inputs cost one thread start, not a thousand. When an input
 * kills the thread (heap) or stalls it, the thread is replaced and the input counts as stopped
 * by the limits, as the service's fresh worker would stop it.
 */
export class BatchWorker {
  private worker: Worker | undefined;
  deaths = 0;

  private async start(): Promise<Worker> {
    const worker = new Worker(await workerTarget(), {
      resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 },
      stdout: true,
      stderr: true,
    });
    // A death is handled per job below; this keeps a late error event from going unhandled.
    worker.on('error', () => undefined);
    return worker;
  }

  /** Runs one input; `ms` counts from handing it over (a thread's start is not the input's). */
  run = async (
    bytes: Uint8Array,
    fileName: string,
  ): Promise<{ reply: WorkerReply | 'stopped'; ms: number }> => {
    const worker = (this.worker ??= await this.start());
    const started = performance.now();
    const reply = await new Promise<WorkerReply | 'stopped'>((resolve) => {
      const stop = (): void => {
        cleanup();
        this.deaths += 1;
        this.worker = undefined;
        void worker.terminate();
        resolve('stopped');
      };
      const timer = setTimeout(stop, BATCH_TIMEOUT_MS);
      const onMessage = (reply: WorkerReply): void => {
        if (reply.type === 'progress') return;
        cleanup();
        resolve(reply);
      };
      const cleanup = (): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', stop);
        worker.off('exit', stop);
      };
      worker.on('message', onMessage);
      worker.on('error', stop);
      worker.on('exit', stop);
      const job: WorkerJob = {
        bytes,
        fileName,
        options: {},
        maxEntryBytes: 64 * 1024 * 1024,
      };
      worker.postMessage(job);
    });
    return { reply, ms: performance.now() - started };
  };

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}

/** Words a clerk's message may hold: format names, not engine text. */
const ALLOWED_WORDS =
  /\b(?:xlsx|xlsm|xls|docx|doc|csv|txt|pdf|PDF|Excel|Word|Office|WPS|UTF|GBK|BOM|ZIP|OCR|JavaScript|json|jixiao|MB)\b/gu;

/** A message a clerk can read: Chinese, and no English engine text left in it. */
export function expectClerkMessage(message: string): void {
  expect(message).toMatch(/[\u4e00-\u9fff]/u);
  // Names quoted from the file (「xl/workbook.xml」, 工作表「Sheet1」) are the clerk's data.
  const own = message.replace(/「[^」]*」/gu, '').replace(ALLOWED_WORDS, '');
  expect(own).not.toMatch(/[A-Za-z]{4,}/u);
}

export interface Outcome {
  imported: number;
  refused: number;
  /** Inputs the worker's limits stopped (heap or time). */
  stopped: number;
  slowestMs: number;
  messages: Set<string>;
}

const newOutcome = (): Outcome => ({
  imported: 0,
  refused: 0,
  stopped: 0,
  slowestMs: 0,
  messages: new Set(),
});

/** What one batch input came to; fails the test unless it is one of the allowed outcomes. */
function judge(reply: WorkerReply | 'stopped', ms: number, outcome: Outcome): void {
  expect(ms).toBeLessThan(BATCH_TIMEOUT_MS + 1000);
  if (reply === 'stopped') {
    outcome.stopped += 1;
    return;
  }
  if (reply.type === 'done') {
    const result = validImportResult(reply.result);
    expect(result, 'the worker returned a document that does not validate').not.toBeNull();
    expect(documentSchema.safeParse(result?.document).success).toBe(true);
    outcome.imported += 1;
    return;
  }
  expect(reply.type).toBe('refused');
  if (reply.type !== 'refused') return;
  expectClerkMessage(reply.message);
  outcome.refused += 1;
  outcome.messages.add(reply.message.replace(/（.*$/u, ''));
}

/** One input through importFromFile: a document, or an ImportFileError a clerk can read. */
export async function check(run: () => Promise<unknown>, outcome: Outcome): Promise<void> {
  const started = performance.now();
  try {
    const result = (await run()) as { document: unknown };
    expect(documentSchema.safeParse(result.document).success).toBe(true);
    outcome.imported += 1;
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    expectClerkMessage(error.message);
    outcome.refused += 1;
    outcome.messages.add(error.message.replace(/（.*$/u, ''));
  }
  outcome.slowestMs = Math.max(outcome.slowestMs, performance.now() - started);
}

/** Runs the mutated inputs of one fixture through the worker entry; returns what happened. */
export async function fuzzFixture(
  file: string,
  name: string,
  mutators: readonly Mutator[],
  options: { iterations?: number; slice?: (bytes: Uint8Array) => Uint8Array } = {},
): Promise<Outcome> {
  const read = new Uint8Array(readFileSync(join(FIXTURES, file)));
  const original = options.slice ? options.slice(read) : read;
  const next = seededRandom(SEED ^ file.length);
  const outcome = newOutcome();
  const batch = new BatchWorker();
  const iterations = options.iterations ?? ITERATIONS;
  try {
    for (let n = 0; n < iterations; n += 1) {
      const bytes = (mutators[n % mutators.length] as Mutator)(original, next);
      const { reply, ms } = await batch.run(bytes, name);
      judge(reply, ms, outcome);
      outcome.slowestMs = Math.max(outcome.slowestMs, ms);
    }
  } finally {
    await batch.close();
  }
  console.log(
    `${name}: ${outcome.imported} imported, ${outcome.refused} refused, ${outcome.stopped} stopped by the worker's limits, slowest ${outcome.slowestMs.toFixed(0)} ms; ${outcome.messages.size} distinct messages`,
  );
  return outcome;
}

/**
 * An Office zip package (.xlsx, .docx) fuzzed by byte flips, truncation and damaged entries:
 * some mutations must still import and some must be refused.
 */
export async function fuzzZipPackage(file: string, name: string): Promise<void> {
  const outcome = await fuzzFixture(file, name, [flip, truncate, corruptEntry, corruptEntry]);
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
    const next = seededRandom(SEED + 7);
    const outcome = newOutcome();
    for (let n = 0; n < WORKER_SAMPLE; n += 1) {
      const path = join(directory, `${n}-${name}`);
      await writeFile(path, (mutators[n % mutators.length] as Mutator)(original, next));
      await check(() => importFromFile(path, { limits: SAMPLE_LIMITS }), outcome);
      expect(outcome.slowestMs).toBeLessThan(SAMPLE_LIMITS.timeoutMs + 2000);
    }
    return outcome;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
