import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

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

/** Keeps the current file as `.bak` without a moment where neither exists. */
async function keepBackup(path: string): Promise<void> {
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${randomBytes(4).toString('hex')}.bak-tmp`,
  );
  try {
    // A hard link costs nothing; filesystems without links (FAT, some shares) get a copy.
    await link(path, temporary).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw error;
      await copyFile(path, temporary);
    });
    await rename(temporary, backupPath(path));
  } catch (error) {
    await rm(temporary, { force: true });
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Writes bytes so that the file on disk is always either the old or the new version:
 * temp file → fsync → old version kept as `.bak` → rename over the file → fsync the folder.
 */
export function writeDurable(path: string, bytes: Uint8Array | string): Promise<void> {
  return enqueue(path, async () => {
    const directory = dirname(path);
    const temporary = join(directory, `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } catch (error) {
      await handle.close();
      await rm(temporary, { force: true });
      throw error;
    }
    await handle.close();
    try {
      await keepBackup(path);
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    await syncDirectory(directory);
  });
}
