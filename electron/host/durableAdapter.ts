import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { writeDurable } from './durableFile';

/** Raised when a file exists but its content is not what the store expects. */
export class InvalidFileError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'InvalidFileError';
  }
}

/** Checks parsed JSON; returns the value or a Chinese message saying what is wrong and where. */
export type Validator<T> = (
  data: unknown,
) => { ok: true; value: T } | { ok: false; message: string };

/** A Chinese message for text that is not JSON, with the place (the engine's text is dropped). */
function notJson(error: unknown): string {
  const position = /position (\d+)/.exec((error as Error).message)?.[1];
  const where = position ? `（第 ${Number(position) + 1} 个字符附近）` : '';
  return `文件不是有效的 JSON${where}，可能只保存了一半或被其他程序改动过。`;
}

/** Parses and validates a file's text; throws InvalidFileError with a Chinese message. */
export function parseChecked<T>(text: string, validate: Validator<T>, path: string): T {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InvalidFileError(notJson(error), path);
  }
  const checked = validate(data);
  if (!checked.ok) throw new InvalidFileError(checked.message, path);
  return checked.value;
}

/** Whether bytes on disk are a valid file for `validate`. */
export function isValidFile<T>(bytes: Uint8Array, validate: Validator<T>): boolean {
  try {
    parseChecked(new TextDecoder().decode(bytes), validate, '');
    return true;
  } catch {
    return false;
  }
}

/**
 * What a write does with a file on disk that does not validate: `refuse` leaves it untouched
 * (settings: a damaged file is kept for inspection); `replace` writes the new content but keeps
 * the old `.bak` (documents: the clerk's save wins, and a damaged file never becomes the backup).
 */
export type InvalidExistingPolicy = 'refuse' | 'replace';

/**
 * lowdb adapter that validates (and migrates) on read and writes durably. The guard is checked
 * on disk at every write, not remembered in this object: a `.bak` is only ever made from a file
 * that validates, and with `refuse` an invalid file is never written over.
 */
export class DurableJsonAdapter<T> implements Adapter<T> {
  constructor(
    readonly path: string,
    private readonly validate: Validator<T>,
    private readonly serialise: (data: T) => string = (data) =>
      `${JSON.stringify(data, null, 2)}\n`,
    private readonly onInvalidExisting: InvalidExistingPolicy = 'refuse',
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      // Decoded in one piece: read as 'utf8', a 24 MB file came back as dozens of decoded chunks
      // joined, which JSON.parse then had to copy into one string.
      text = (await readFile(this.path)).toString('utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return parseChecked(text, this.validate, this.path);
  }

  async write(data: T): Promise<void> {
    await writeDurable(this.path, this.serialise(data), {
      existing: (bytes) =>
        isValidFile(bytes, this.validate)
          ? 'backup'
          : this.onInvalidExisting === 'refuse'
            ? 'refuse'
            : 'no-backup',
      refusal: '该文件未通过校验，为保护原文件不予覆盖。',
    });
  }
}
