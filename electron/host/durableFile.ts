import { createHash, randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import {
  copyFile,
  link,
  lstat,
  open,
  readdir,
  readFile,
  readlink,
  rename,
  rm,
  stat,
} from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { describeFileError } from './fileErrors';
import { writeText } from './writeText';

export { describeFileError };

const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `task` after every earlier task queued for the same path: one write queue per path, so
 * two saves of one file never interleave.
 */
export function enqueue<T>(path: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(path) ?? Promise.resolve();
  const next = previous.then(task, task);
  const settled = next.catch(() => undefined);
  queues.set(path, settled);
  void settled.then(() => {
    if (queues.get(path) === settled) queues.delete(path);
  });
  return next;
}

/** The `.bak` beside a file: the version before the last save. */
export function backupPath(path: string): string {
  return `${path}.bak`;
}

/**
 * A file could not be written. The message is Chinese, names the place and the cause and says
 * what to do; the system's own error stays in `cause` for the log.
 */
export class WriteFileError extends Error {
  constructor(
    message: string,
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'WriteFileError';
  }
}

/** Wraps a system error from writing `path` as a WriteFileError (others pass through). */
export function asWriteError(path: string, error: unknown): Error {
  if (error instanceof WriteFileError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return error as Error;
  return new WriteFileError(describeFileError(path, error), path, { cause: error });
}

async function syncDirectory(directory: string): Promise<void> {
  // Directories cannot be opened for sync on Windows; there rename is already durable enough.
  if (process.platform === 'win32') return;
  const handle = await open(directory, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * The file a save really writes: a symlink is followed to its target (even a dangling one), so
 * the link stays a link and the target gets the save.
 */
async function resolveTarget(path: string): Promise<string> {
  let current = resolve(path);
  for (let hop = 0; hop < 40; hop += 1) {
    let info: Stats;
    try {
      info = await lstat(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return current;
      throw error;
    }
    if (!info.isSymbolicLink()) return current;
    current = resolve(dirname(current), await readlink(current));
  }
  return current;
}

const TEMP_SUFFIX = /^\.(.+)\.[0-9a-f]{8}\.(?:tmp|bak-tmp)$/;

function temporaryName(path: string, kind: 'tmp' | 'bak-tmp'): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.${kind}`);
}

/**
 * Removes what interrupted saves of `path` left beside it (`.<name>.<hex>.tmp` and
 * `.bak-tmp`). Leftovers of other files in the folder are not touched.
 */
async function removeLeftovers(path: string): Promise<void> {
  const name = basename(path);
  let names: string[];
  try {
    names = await readdir(dirname(path));
  } catch {
    return;
  }
  for (const candidate of names) {
    if (TEMP_SUFFIX.exec(candidate)?.[1] !== name) continue;
    await rm(join(dirname(path), candidate), { force: true }).catch(() => undefined);
  }
}

/** Removes what interrupted saves of this file left behind (run when a document opens). */
export async function cleanInterruptedSaves(path: string): Promise<void> {
  await enqueue(resolve(path), async () => removeLeftovers(await resolveTarget(path)));
}

/** Keeps the current file as `.bak` without a moment where neither exists. */
async function keepBackup(path: string): Promise<void> {
  const temporary = temporaryName(path, 'bak-tmp');
  try {
    // A hard link costs nothing; filesystems without links (FAT, some shares) get a copy.
    await link(path, temporary).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw error;
      await copyFile(path, temporary);
    });
    await rename(temporary, backupPath(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  } finally {
    // When the file and its .bak are already one inode (a save killed right after this link),
    // rename does nothing and the temporary name would stay behind.
    await rm(temporary, { force: true });
  }
}

export interface DurableWriteOptions {
  /**
   * Decides what happens to the file being replaced. `backup`: it becomes the `.bak` (the
   * default); `no-backup`: it is replaced but the old `.bak` is kept (a damaged file must never
   * replace a good backup); `refuse`: it is left untouched and the write fails.
   */
  existing?: (bytes: Uint8Array) => 'backup' | 'no-backup' | 'refuse';
  /** Message for `refuse`. */
  refusal?: string;
  /** Told the SHA-256 (hex) of the bytes now in the file, once the write has succeeded. */
  written?: (sha256: string) => void;
}

/** SHA-256 (hex) of bytes, as `written` reports it. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function existingFile(path: string): Promise<Stats | null> {
  try {
    return await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Writes the temporary file beside `path`; returns its name and, when `hashed`, the SHA-256 of
 * what it holds ('' otherwise).
 */
async function writeTemporary(
  path: string,
  bytes: Uint8Array | string,
  mode: number | undefined,
  hashed: boolean,
): Promise<{ temporary: string; sha256: string }> {
  const temporary = temporaryName(path, 'tmp');
  const hash = hashed ? createHash('sha256') : undefined;
  const handle = await open(temporary, 'wx', mode ?? 0o666);
  try {
    // The umask may have narrowed the mode given to open; the saved file keeps the old one.
    // Filesystems without modes (FAT USB sticks, some network shares) refuse chmod: no matter.
    if (mode !== undefined) await handle.chmod(mode).catch(() => undefined);
    if (typeof bytes === 'string') {
      await writeText(handle, bytes, hash);
    } else {
      hash?.update(bytes);
      await handle.writeFile(bytes);
    }
    await handle.sync();
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
  return { temporary, sha256: hash?.digest('hex') ?? '' };
}

/**
 * Writes bytes so that the file on disk is always either the old or the new version:
 * temp file → fsync → old version kept as `.bak` → rename over the file → fsync the folder.
 * Follows a symlink to its target, keeps the file's mode, refuses a read-only file, and removes
 * what earlier interrupted saves of the same file left behind. Fails with a WriteFileError.
 */
export function writeDurable(
  path: string,
  bytes: Uint8Array | string,
  options: DurableWriteOptions = {},
): Promise<void> {
  return enqueue(resolve(path), async () => {
    let target = resolve(path);
    try {
      target = await resolveTarget(path);
      const current = await existingFile(target);
      if (current?.isDirectory()) {
        throw new WriteFileError(describeFileError(target, { code: 'EISDIR' }), target);
      }
      if (current && (current.mode & 0o200) === 0) {
        throw new WriteFileError(
          `「${target}」是只读文件，未保存。请在文件属性中取消“只读”后再保存，或另存为新文件。`,
          target,
        );
      }
      let policy: 'backup' | 'no-backup' | 'refuse' = current ? 'backup' : 'no-backup';
      if (current && options.existing) policy = options.existing(await readFile(target));
      if (policy === 'refuse') {
        throw new WriteFileError(options.refusal ?? `「${target}」未通过校验，不予覆盖。`, target);
      }
      const { temporary, sha256: digest } = await writeTemporary(
        target,
        bytes,
        current ? current.mode & 0o7777 : undefined,
        options.written !== undefined,
      );
      try {
        if (policy === 'backup') await keepBackup(target);
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      await syncDirectory(dirname(target));
      options.written?.(digest);
    } catch (error) {
      throw asWriteError(target, error);
    }
    await removeLeftovers(target);
  });
}

/** Chinese for a failed save or export; an unexpected error's text goes to the log only. */
export function writeFailure(error: unknown, context: string): string {
  if (error instanceof WriteFileError) return error.message;
  console.error(`[jixiao] ${context}`, error);
  return '写入时发生意外错误，文件未写入。请换一个位置重试；如仍出错，请联系技术支持。';
}
