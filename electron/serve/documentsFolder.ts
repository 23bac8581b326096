import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { FolderEntry } from '../../shared/ipc/socket';
import { DOCUMENT_EXTENSION } from '../host/documentFile';

const MAX_LISTED = 200;

/**
 * A file name the browser sent, made safe to use inside one folder: the last path part only,
 * without characters Windows forbids or control characters; null when nothing usable is left.
 */
export function safeFileName(name: string): string | null {
  const last = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = last.replace(/[\u0000-\u001f<>:"|?*]/g, '_').trim();
  if (cleaned === '' || /^\.+$/.test(cleaned)) return null;
  if (cleaned.length <= 150) return cleaned;
  const extension = cleaned.toLowerCase().endsWith(DOCUMENT_EXTENSION)
    ? DOCUMENT_EXTENSION
    : extname(cleaned);
  return `${cleaned.slice(0, 150 - extension.length)}${extension}`;
}

/** The documents in the folder, newest first (none when the folder does not exist yet). */
export async function listDocuments(folder: string): Promise<FolderEntry[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const entries: Array<FolderEntry & { time: number }> = [];
  for (const name of names) {
    if (!name.toLowerCase().endsWith(DOCUMENT_EXTENSION)) continue;
    const info = await stat(join(folder, name)).catch(() => null);
    if (!info?.isFile()) continue;
    entries.push({ name, modifiedAt: info.mtime.toISOString(), time: info.mtimeMs });
  }
  return entries
    .sort((a, b) => b.time - a.time)
    .slice(0, MAX_LISTED)
    .map(({ name, modifiedAt }) => ({ name, modifiedAt }));
}

/** A path in the folder that is not taken yet: `名称.jixiao.json`, `名称 (2).jixiao.json` … */
export async function freePath(folder: string, name: string): Promise<string> {
  const lower = name.toLowerCase();
  const extension = lower.endsWith(DOCUMENT_EXTENSION) ? DOCUMENT_EXTENSION : extname(name);
  const stem = name.slice(0, name.length - extension.length);
  for (let index = 1; ; index += 1) {
    const candidate = join(folder, index === 1 ? name : `${stem} (${index})${extension}`);
    if (!(await stat(candidate).catch(() => null))) return candidate;
  }
}
