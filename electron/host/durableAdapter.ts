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

/**
 * lowdb adapter that validates (and migrates) on read and writes durably. A file that fails
 * validation raises InvalidFileError and is never written over by this adapter: `write` refuses
 * to replace a file whose last read failed.
 */
export class DurableJsonAdapter<T> implements Adapter<T> {
  private readFailed = false;

  constructor(
    readonly path: string,
    private readonly validate: Validator<T>,
    private readonly serialise: (data: T) => string = (data) =>
      `${JSON.stringify(data, null, 2)}\n`,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    let data: unknown;
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      this.readFailed = true;
      throw new InvalidFileError(`文件不是有效的 JSON：${(error as Error).message}`, this.path);
    }
    const checked = this.validate(data);
    if (!checked.ok) {
      this.readFailed = true;
      throw new InvalidFileError(checked.message, this.path);
    }
    this.readFailed = false;
    return checked.value;
  }

  async write(data: T): Promise<void> {
    if (this.readFailed) {
      throw new InvalidFileError('该文件读取时未通过校验，为保护原文件不予覆盖。', this.path);
    }
    await writeDurable(this.path, this.serialise(data));
  }
}
