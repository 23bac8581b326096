import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidFileError } from '../../../electron/host/durableAdapter';
import { readDocumentFile, writeDocumentFile } from '../../../electron/host/documentFile';
import { backupPath, writeDurable } from '../../../electron/host/durableFile';
import { SettingsStore } from '../../../electron/host/settings';
import { smallDocument, tempFolder } from './storeFixtures';

const folder = () => tempFolder('store');

describe('durable document files', () => {
  it('saves and opens a document unchanged', async () => {
    const path = join(await folder(), 'a.jixiao.json');
    const document = smallDocument('表一');
    await writeDocumentFile(path, document);
    const loaded = await readDocumentFile(path);
    expect(loaded.document).toEqual(document);
    expect(loaded.migratedFrom).toBeNull();
  });

  it('keeps the previous version as .bak and leaves no temp files', async () => {
    const dir = await folder();
    const path = join(dir, 'a.jixiao.json');
    await writeDocumentFile(path, smallDocument('第一版'));
    await writeDocumentFile(path, smallDocument('第二版'));
    expect(JSON.parse(await readFile(backupPath(path), 'utf8')).title).toBe('第一版');
    expect((await readDocumentFile(path)).document.title).toBe('第二版');
    expect((await readdir(dir)).sort()).toEqual(['a.jixiao.json', 'a.jixiao.json.bak']);
  });

  it('serialises concurrent saves of one path in call order', async () => {
    const path = join(await folder(), 'a.jixiao.json');
    await Promise.all(
      Array.from({ length: 20 }, (_, index) => writeDurable(path, `{"n":${index}}`)),
    );
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ n: 19 });
    expect(JSON.parse(await readFile(backupPath(path), 'utf8'))).toEqual({ n: 18 });
  });

  it('refuses an invalid file with a Chinese message naming the place, and never overwrites it', async () => {
    const path = join(await folder(), 'bad.jixiao.json');
    const broken = smallDocument('坏') as unknown as {
      units: Array<{ projects: Array<{ money: { fiscal: unknown } }> }>;
    };
    broken.units[0]!.projects[0]!.money.fiscal = 'abc';
    const text = JSON.stringify(broken);
    await writeFile(path, text);
    const error = await readDocumentFile(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidFileError);
    expect((error as Error).message).toContain('第 1 个单位「广州市机电技师学院」');
    expect((error as Error).message).toContain('财政拨款');
    expect(await readFile(path, 'utf8')).toBe(text);
  });

  it('explains JSON that is not a document and a newer format version', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'x.jixiao.json'), '{"hello":');
    await expect(readDocumentFile(join(dir, 'x.jixiao.json'))).rejects.toThrow(/不是有效的 JSON/);
    await writeFile(
      join(dir, 'y.jixiao.json'),
      JSON.stringify({ ...smallDocument('新'), schemaVersion: 99 }),
    );
    await expect(readDocumentFile(join(dir, 'y.jixiao.json'))).rejects.toThrow(/较新版本/);
    await writeFile(join(dir, 'z.jixiao.json'), '[1,2]');
    await expect(readDocumentFile(join(dir, 'z.jixiao.json'))).rejects.toThrow(
      /不是绩效目标表文档/,
    );
  });
});

describe('settings and recent files', () => {
  it('remembers recent files across restarts, newest first, without duplicates', async () => {
    const dir = await folder();
    const first = new SettingsStore(dir);
    await first.addRecent('/docs/a.jixiao.json', new Date('2026-01-01'));
    await first.addRecent('/docs/b.jixiao.json', new Date('2026-01-02'));
    await first.addRecent('/docs/a.jixiao.json', new Date('2026-01-03'));
    const second = new SettingsStore(dir);
    expect((await second.recentFiles()).map((entry) => entry.path)).toEqual([
      '/docs/a.jixiao.json',
      '/docs/b.jixiao.json',
    ]);
  });

  it('uses defaults for a damaged settings file and leaves the file as it was', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'settings.json'), '{"version": 7}');
    const store = new SettingsStore(dir);
    expect(await store.recentFiles()).toEqual([]);
    expect(store.loadProblem).toMatch(/设置文件/);
    await store.addRecent('/docs/a.jixiao.json', new Date());
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).toBe('{"version": 7}');
  });
});
