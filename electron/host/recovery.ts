import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { readDocumentData, type JixiaoDocument } from '../../shared/model';
import { cleanInterruptedSaves, writeDurable } from './durableFile';

/** What the recovery folder keeps for one open document with unsaved changes. */
export interface RecoveryEntry {
  id: string;
  fileName: string;
  /** The file the document belongs to, or null when it was never saved. */
  originalPath: string | null;
  savedAt: string;
  document: JixiaoDocument;
}

const SAFE_ID = /^[A-Za-z0-9-]{1,100}$/;

/**
 * Autosaved copies of unsaved work in `<userData>/recovery`, one file per open document,
 * written durably; removed when the user saves or chooses not to save.
 */
export class RecoveryStore {
  readonly folder: string;

  constructor(userDataDir: string) {
    this.folder = join(userDataDir, 'recovery');
  }

  private file(id: string): string {
    if (!SAFE_ID.test(id)) throw new Error('无效的恢复编号。');
    return join(this.folder, `${id}.jixiao-recovery.json`);
  }

  /** Removals by id: an autosave begun before the latest one is stale (see `since`). */
  private readonly removals = new Map<string, number>();

  /** How many times `id`'s copy has been removed (saved, not saved, discarded) so far. */
  removed(id: string): number {
    return this.removals.get(id) ?? 0;
  }

  /**
   * Writes `entry`. With `since` (removed() when its autosave began), a copy removed since then
   * is not written, and one removed while it was being written is removed again: a save must
   * never leave an older copy behind to be offered at the next start.
   */
  async write(entry: RecoveryEntry, since?: number): Promise<void> {
    if (since !== undefined && this.removed(entry.id) !== since) return;
    await mkdir(this.folder, { recursive: true });
    await writeDurable(this.file(entry.id), JSON.stringify(entry));
    if (since !== undefined && this.removed(entry.id) !== since) await this.remove(entry.id);
  }

  async remove(id: string): Promise<void> {
    this.removals.set(id, this.removed(id) + 1);
    await rm(this.file(id), { force: true });
    await rm(`${this.file(id)}.bak`, { force: true });
    // Ids are per session: what an interrupted autosave left would otherwise stay forever.
    await cleanInterruptedSaves(this.file(id)).catch(() => undefined);
  }

  /** Valid entries, newest first; unreadable ones are skipped (and left for inspection). */
  async list(): Promise<RecoveryEntry[]> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch {
      return [];
    }
    const entries: RecoveryEntry[] = [];
    for (const name of names.filter((candidate) => candidate.endsWith('.jixiao-recovery.json'))) {
      try {
        const raw = JSON.parse(
          await readFile(join(this.folder, name), 'utf8'),
        ) as Partial<RecoveryEntry>;
        const checked = readDocumentData(raw.document);
        if (!checked.ok || typeof raw.id !== 'string' || !SAFE_ID.test(raw.id)) continue;
        entries.push({
          id: raw.id,
          fileName: String(raw.fileName ?? '未命名'),
          originalPath: typeof raw.originalPath === 'string' ? raw.originalPath : null,
          savedAt: String(raw.savedAt ?? ''),
          document: checked.document,
        });
      } catch {
        continue;
      }
    }
    return entries.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  async get(id: string): Promise<RecoveryEntry | undefined> {
    return (await this.list()).find((entry) => entry.id === id);
  }
}
