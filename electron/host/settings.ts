import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { DurableJsonAdapter, type Validator } from './durableAdapter';

const recentEntrySchema = z.object({
  path: z.string().min(1),
  openedAt: z.string(),
});

const settingsSchema = z.object({
  version: z.literal(1),
  fonts: z
    .object({
      title: z.string().min(1).default('方正小标宋简体'),
      table: z.string().min(1).default('仿宋_GB2312'),
    })
    .default({ title: '方正小标宋简体', table: '仿宋_GB2312' }),
  recent: z.array(recentEntrySchema).default([]),
  /** The project panel's width in CSS pixels. */
  panelWidth: z.number().int().min(200).max(2000).nullable().default(null),
});

export type Settings = z.infer<typeof settingsSchema>;
export type RecentEntry = z.infer<typeof recentEntrySchema>;

const MAX_RECENT = 10;

function defaults(): Settings {
  return settingsSchema.parse({ version: 1 });
}

const validateSettings: Validator<Settings> = (data) => {
  const parsed = settingsSchema.safeParse(data);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, message: `设置文件格式不正确：${parsed.error.issues[0]?.message ?? ''}` };
};

/**
 * Settings and recent files, in `settings.json` under the user data folder (lowdb over the
 * durable adapter). A damaged settings file is left as it is and the defaults are used.
 */
export class SettingsStore {
  private readonly db: Low<Settings>;
  private loaded = false;
  /** Chinese message when the settings file could not be read. */
  loadProblem: string | null = null;

  constructor(private readonly userDataDir: string) {
    this.db = new Low(
      new DurableJsonAdapter(join(userDataDir, 'settings.json'), validateSettings),
      defaults(),
    );
  }

  async load(): Promise<Settings> {
    if (!this.loaded) {
      try {
        await this.db.read();
      } catch (error) {
        this.loadProblem = (error as Error).message;
        this.db.data = defaults();
      }
      this.loaded = true;
    }
    return this.db.data;
  }

  async recentFiles(): Promise<RecentEntry[]> {
    return (await this.load()).recent;
  }

  /** Moves a path to the top of the recent list. */
  async addRecent(path: string, now: Date): Promise<void> {
    const settings = await this.load();
    settings.recent = [
      { path, openedAt: now.toISOString() },
      ...settings.recent.filter((entry) => entry.path !== path),
    ].slice(0, MAX_RECENT);
    await this.save();
  }

  async removeRecent(path: string): Promise<void> {
    const settings = await this.load();
    settings.recent = settings.recent.filter((entry) => entry.path !== path);
    await this.save();
  }

  /** Changes layout settings (the panel width) and writes them. */
  async update(changes: Partial<Pick<Settings, 'panelWidth'>>): Promise<void> {
    Object.assign(await this.load(), changes);
    await this.save();
  }

  private async save(): Promise<void> {
    if (this.loadProblem) return;
    await mkdir(this.userDataDir, { recursive: true });
    await this.db.write();
  }
}
