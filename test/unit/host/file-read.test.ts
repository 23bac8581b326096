import { openSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readEarly, readFileOnce, readWhole } from '../../../electron/host/fileRead';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'jixiao-file-read-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('reading the command line file early', () => {
  it('gives the bytes read early once; a later read sees the file as it is then', async () => {
    const path = join(folder, '表.jixiao.json');
    const text = '{"项目":"学生资助"}'.repeat(50_000);
    await writeFile(path, text);
    readEarly(path);
    expect((await readFileOnce(path)).toString('utf8')).toBe(text);
    await writeFile(path, '改过');
    expect((await readFileOnce(path)).toString('utf8')).toBe('改过');
  });

  it('one whole read fails when the file holds more than its size said, and ends where a shorter file ends', async () => {
    const path = join(folder, '表.txt');
    await writeFile(path, '项目名称\t金额\n');
    const size = Buffer.byteLength('项目名称\t金额\n');
    await expect(readWhole(openSync(path, 'r'), size - 1)).rejects.toThrow(/grew/);
    expect((await readWhole(openSync(path, 'r'), size + 10)).toString('utf8')).toBe(
      '项目名称\t金额\n',
    );
    expect((await readWhole(openSync(path, 'r'), size)).toString('utf8')).toBe('项目名称\t金额\n');
  });

  it('reads the file when asked to, before it is wanted: what it read is what comes back', async () => {
    const path = join(folder, '表.jixiao.json');
    await writeFile(path, '读早了');
    readEarly(path);
    // The early read has long finished (a few bytes); the file is then changed and removed.
    await new Promise((done) => setTimeout(done, 300));
    await writeFile(path, '后来的内容');
    await rm(path);
    expect((await readFileOnce(path)).toString('utf8')).toBe('读早了');
  });

  it('an empty file is empty', async () => {
    const path = join(folder, '空.txt');
    await writeFile(path, '');
    readEarly(path);
    expect((await readFileOnce(path)).length).toBe(0);
  });

  it('a missing file or a folder fails as a plain read fails', async () => {
    const missing = join(folder, '没有.txt');
    readEarly(missing);
    await expect(readFileOnce(missing)).rejects.toMatchObject({ code: 'ENOENT' });
    readEarly(folder);
    await expect(readFileOnce(folder)).rejects.toMatchObject({ code: 'EISDIR' });
  });
});
