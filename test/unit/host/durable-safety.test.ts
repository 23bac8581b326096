import {
  chmod,
  link,
  lstat,
  mkdir,
  readdir,
  readFile,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocumentFile, writeDocumentFile } from '../../../electron/host/documentFile';
import { backupPath, WriteFileError, writeDurable } from '../../../electron/host/durableFile';
import { RecoveryStore } from '../../../electron/host/recovery';
import { smallDisk } from './smallDisk';
import type { JixiaoDocument } from '../../../shared/model';
import { smallDocument, tempFolder } from './storeFixtures';

const folder = () => tempFolder('safety');
const titleOf = async (path: string) =>
  (JSON.parse(await readFile(path, 'utf8')) as JixiaoDocument).title;

describe('saving respects what is on disk', () => {
  it('saves through a symlink to its target and keeps the link', async () => {
    const dir = await folder();
    const target = join(dir, 'real.jixiao.json');
    const linkPath = join(dir, 'link.jixiao.json');
    await writeDocumentFile(target, smallDocument('第一版'));
    await symlink(target, linkPath);
    await writeDocumentFile(linkPath, smallDocument('第二版'));
    expect((await lstat(linkPath)).isSymbolicLink()).toBe(true);
    expect(await titleOf(target)).toBe('第二版');
    expect(await titleOf(backupPath(target))).toBe('第一版');
    expect((await readdir(dir)).sort()).toEqual([
      'link.jixiao.json',
      'real.jixiao.json',
      'real.jixiao.json.bak',
    ]);
  });

  it('keeps the file mode (0600 stays 0600)', async () => {
    const dir = await folder();
    const path = join(dir, 'private.jixiao.json');
    await writeDocumentFile(path, smallDocument('第一版'));
    await chmod(path, 0o600);
    await writeDocumentFile(path, smallDocument('第二版'));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await titleOf(path)).toBe('第二版');
  });

  it('refuses a read-only file with a Chinese message and leaves it as it was', async () => {
    const dir = await folder();
    const path = join(dir, 'locked.jixiao.json');
    await writeDocumentFile(path, smallDocument('只读版'));
    await chmod(path, 0o444);
    const error = await writeDocumentFile(path, smallDocument('新版')).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(WriteFileError);
    expect((error as Error).message).toMatch(/只读/);
    expect((error as Error).message).toContain(path);
    expect(await titleOf(path)).toBe('只读版');
    expect((await stat(path)).mode & 0o777).toBe(0o444);
  });

  it('never turns a damaged file into the .bak: the good backup survives the next save', async () => {
    const dir = await folder();
    const path = join(dir, 'a.jixiao.json');
    await writeDocumentFile(path, smallDocument('第一版'));
    await writeDocumentFile(path, smallDocument('第二版'));
    await writeFile(path, '{"schemaVersion":1,"title":'); // damaged on disk (a sync tool, a bad disk)
    await writeDocumentFile(path, smallDocument('第三版'));
    expect(await titleOf(path)).toBe('第三版');
    expect(await titleOf(backupPath(path))).toBe('第一版');
    await writeDocumentFile(path, smallDocument('第四版'));
    expect(await titleOf(backupPath(path))).toBe('第三版');
  });
});

describe('leftovers of interrupted saves', () => {
  async function leftovers(dir: string) {
    await writeFile(join(dir, '.a.jixiao.json.0badcafe.tmp'), 'half a save');
    await writeFile(join(dir, '.a.jixiao.json.deadbeef.bak-tmp'), 'half a backup');
    await writeFile(join(dir, '.b.jixiao.json.12345678.tmp'), 'another document');
  }

  it('are removed by the next successful save of that document, and only of that document', async () => {
    const dir = await folder();
    const path = join(dir, 'a.jixiao.json');
    await writeDocumentFile(path, smallDocument('第一版'));
    await leftovers(dir);
    await writeDocumentFile(path, smallDocument('第二版'));
    expect((await readdir(dir)).sort()).toEqual([
      '.b.jixiao.json.12345678.tmp',
      'a.jixiao.json',
      'a.jixiao.json.bak',
    ]);
  });

  it('are removed when the document is next opened', async () => {
    const dir = await folder();
    const path = join(dir, 'a.jixiao.json');
    await writeDocumentFile(path, smallDocument('第一版'));
    await leftovers(dir);
    expect((await readDocumentFile(path)).document.title).toBe('第一版');
    expect((await readdir(dir)).sort()).toEqual(['.b.jixiao.json.12345678.tmp', 'a.jixiao.json']);
  });

  it('leave no .bak-tmp when the file and its .bak are one inode (a save killed after the link)', async () => {
    const dir = await folder();
    const path = join(dir, 'a.jixiao.json');
    await writeDocumentFile(path, smallDocument('第一版'));
    await link(path, backupPath(path));
    await writeDocumentFile(path, smallDocument('第二版'));
    expect((await readdir(dir)).sort()).toEqual(['a.jixiao.json', 'a.jixiao.json.bak']);
    expect(await titleOf(backupPath(path))).toBe('第一版');
  });
});

describe('write failures name the place and the cause in Chinese', () => {
  it('a missing folder', async () => {
    const path = join(await folder(), '没有这个文件夹', 'a.docx');
    const error = await writeDurable(path, 'x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WriteFileError);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toMatch(/文件夹不存在/);
    expect((error as Error).message).not.toMatch(/ENOENT|no such file/);
  });

  it('a file where a folder should be', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'plain'), '');
    const error = await writeDurable(join(dir, 'plain', 'a.docx'), 'x').catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(WriteFileError);
    expect((error as Error).message).toMatch(/是文件而不是文件夹/);
    expect((error as Error).message).not.toMatch(/ENOTDIR/);
  });

  it('a folder where the file should be', async () => {
    const dir = await folder();
    await mkdir(join(dir, 'a.docx'));
    const error = await writeDurable(join(dir, 'a.docx'), 'x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WriteFileError);
    expect((error as Error).message).toMatch(/文件夹/);
  });

  const { path: full, mounted } = smallDisk('full', '64k');

  it.runIf(mounted)('a full disk, leaving the old file and no temp file behind', async () => {
    const path = join(full, 'a.jixiao.json');
    await writeDocumentFile(path, smallDocument('小文件'));
    const big = smallDocument('大文件');
    big.units[0]!.projects[0]!.goals.annual = '很长的目标'.repeat(20_000);
    const error = await writeDocumentFile(path, big).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WriteFileError);
    expect((error as Error).message).toMatch(/磁盘空间不足/);
    expect((error as Error).message).not.toMatch(/ENOSPC/);
    expect(await titleOf(path)).toBe('小文件');
    expect((await readdir(full)).filter((name) => name.endsWith('tmp'))).toEqual([]);
  });
});

describe('a damaged document is explained in Chinese, without engine text', () => {
  it.each<[string, (text: string) => string, RegExp]>([
    [
      'an amount too large for a number',
      (text) => text.replace('"fiscal":63800', '"fiscal":1e400'),
      /财政拨款（数字过大或无效）/,
    ],
    [
      'an amount that is text',
      (text) => text.replace('"fiscal":63800', '"fiscal":"abc"'),
      /财政拨款（应为数字）/,
    ],
    ['a missing goal', (text) => text.replace(/"goals":\{[^}]*\},/, ''), /绩效目标（缺少这一项）/],
    [
      'an unknown money unit',
      (text) => text.replace('"万元"', '"美元"'),
      /金额单位（只能是 万元、元）/,
    ],
    [
      'a file cut off half-way',
      (text) => text.slice(0, 120),
      /不是有效的 JSON（第 121 个字符附近）/,
    ],
  ])('%s', async (_name, damage, expected) => {
    const path = join(await folder(), 'a.jixiao.json');
    await writeDocumentFile(path, smallDocument('第一版'));
    await writeFile(path, damage(await readFile(path, 'utf8')));
    const error = await readDocumentFile(path).catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(expected);
    expect((error as Error).message).not.toMatch(
      /Invalid|expected|received|Unexpected|position|token|Infinity/,
    );
  });
});

describe('the recovery folder', () => {
  it('keeps nothing of a discarded document, not even an interrupted autosave', async () => {
    const disk = await folder();
    const store = new RecoveryStore(disk);
    await store.write({
      id: 'doc-1',
      fileName: 'a.jixiao.json',
      originalPath: null,
      savedAt: '2026-11-23T10:00:00Z',
      document: smallDocument('自动保存'),
    });
    await writeFile(join(store.folder, '.doc-1.jixiao-recovery.json.0badcafe.tmp'), '半个');
    await store.remove('doc-1');
    expect(await readdir(store.folder)).toEqual([]);
  });
});
