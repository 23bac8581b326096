import { resolve } from 'node:path';
import type { Adapter } from 'lowdb';
import { sha256, writeDurable } from './durableFile';
import { readFileOnce } from './fileRead';

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
 * Per validator, per file: the SHA-256 of the bytes this process last found valid there (read
 * and checked, or written from checked data). Validity depends on the bytes alone, so a file
 * whose bytes hash the same needs no second check: a save of a 46 MB document decoded, parsed
 * and checked the file it replaces (about 800 ms) where hashing it takes about 30.
 */
const knownValid = new WeakMap<Validator<unknown>, Map<string, string>>();

let remembering = true;

/**
 * Whether reads and writes remember the SHA-256 of valid bytes (on by default). A command-line
 * run reads or writes a file once and exits: with this off it hashes nothing and does not check
 * a document it writes only to remember it (at 5,000 projects about 12 ms for `inspect` and 45
 * for `import`); a later write in the same run then checks the file it replaces in full.
 */
export function rememberValidFiles(enabled: boolean): void {
  remembering = enabled;
}

function knownFor(validate: Validator<unknown>): Map<string, string> {
  let known = knownValid.get(validate);
  if (!known) knownValid.set(validate, (known = new Map()));
  return known;
}

/**
 * What a write does with a file on disk that does not validate: `refuse` leaves it untouched
 * (settings: a damaged file is kept for inspection); `replace` writes the new content but keeps
 * the old `.bak` (documents: the clerk's save wins, and a damaged file never becomes the backup).
 */
export type InvalidExistingPolicy = 'refuse' | 'replace';

/**
 * lowdb adapter that validates (and migrates) on read and writes durably. The guard is checked
 * on disk at every write: a `.bak` is only ever made from a file that validates, and with
 * `refuse` an invalid file is never written over. The file is read each time; only bytes equal
 * (by SHA-256) to ones this process read and validated there, or wrote from valid data, skip
 * being decoded and checked again.
 */
export class DurableJsonAdapter<T> implements Adapter<T> {
  constructor(
    readonly path: string,
    private readonly validate: Validator<T>,
    private readonly serialise: (data: T) => string = (data) =>
      `${JSON.stringify(data, null, 2)}\n`,
    private readonly onInvalidExisting: InvalidExistingPolicy = 'refuse',
    /**
     * Whether `data`, serialised, would validate, answered from the data itself (cheaper than
     * parsing its text back). When it says yes, the written bytes count as known valid for the
     * next write; without it, the next write checks the file in full.
     */
    private readonly writtenValid?: (data: T) => boolean,
  ) {}

  private get known(): Map<string, string> {
    return knownFor(this.validate as Validator<unknown>);
  }

  async read(): Promise<T | null> {
    let bytes: Buffer;
    try {
      bytes = await readFileOnce(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    // Decoded in one piece: read as 'utf8', a 24 MB file came back as dozens of decoded chunks
    // joined, which JSON.parse then had to copy into one string.
    const value = parseChecked(bytes.toString('utf8'), this.validate, this.path);
    if (remembering) this.known.set(resolve(this.path), sha256(bytes));
    return value;
  }

  /** Whether the file's bytes validate: known from an earlier read or write, or checked now. */
  private isValid(bytes: Uint8Array): boolean {
    const known = this.known.get(resolve(this.path));
    return (known !== undefined && known === sha256(bytes)) || isValidFile(bytes, this.validate);
  }

  async write(data: T): Promise<void> {
    const path = resolve(this.path);
    const remember = remembering && (this.writtenValid?.(data) ?? false);
    await writeDurable(path, this.serialise(data), {
      existing: (bytes) =>
        this.isValid(bytes)
          ? 'backup'
          : this.onInvalidExisting === 'refuse'
            ? 'refuse'
            : 'no-backup',
      refusal: '该文件未通过校验，为保护原文件不予覆盖。',
      // Told nothing (and nothing hashed) when not remembering: nothing was remembered either.
      ...(remembering
        ? {
            written: (digest: string) => {
              if (remember) this.known.set(path, digest);
              else this.known.delete(path);
            },
          }
        : {}),
    });
  }
}
