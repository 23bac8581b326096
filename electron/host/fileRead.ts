import { close, openSync, read, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/** Largest file the importer reads (a published table is well under 1 MB). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** Reads started before the code that uses them had loaded, by full path; each is used once. */
const early = new Map<string, Promise<Buffer>>();

/**
 * The whole of an open file of `size` bytes, in one read on libuv's threads: it goes on while
 * this thread is busy (a read in pieces waits for this thread between pieces). Fails when the
 * file holds more than `size` bytes by then.
 */
export function readWhole(file: number, size: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafeSlow(size + 1);
  return new Promise<Buffer>((done, fail) => {
    const next = (offset: number) =>
      read(file, buffer, offset, size + 1 - offset, offset, (error, count) => {
        if (error) fail(error);
        else if (count === 0) done(buffer.subarray(0, offset));
        else if (offset + count > size) fail(new Error('the file grew while it was read'));
        else next(offset + count);
      });
    next(0);
  }).finally(() => close(file, () => undefined));
}

/**
 * Starts reading `path` now, for a readFileOnce to come. The command line knows its file before
 * its code has loaded: compiling that code and building the document schema takes about as long
 * as reading a 24 MB document, and now both happen at once. Nothing is read for what is not a
 * file within the cap. What the early read gets is the file as it was then, as if read at once.
 */
export function readEarly(path: string): void {
  const full = resolve(path);
  let file: number;
  let size: number;
  try {
    // Looked at before it is opened: opening a pipe would wait for its writer.
    const info = statSync(full);
    if (!info.isFile() || info.size > MAX_IMPORT_BYTES) return;
    size = info.size;
    file = openSync(full, 'r');
  } catch {
    return;
  }
  const reading = readWhole(file, size);
  reading.catch(() => undefined);
  early.set(full, reading);
}

/**
 * The bytes of `path`: the read readEarly started, when there is one, else a read now. An early
 * read that failed is done again here, so what fails reports as any read does.
 */
export function readFileOnce(path: string): Promise<Buffer> {
  const full = resolve(path);
  const started = early.get(full);
  if (!started) return readFile(full);
  early.delete(full);
  return started.catch(() => readFile(full));
}
