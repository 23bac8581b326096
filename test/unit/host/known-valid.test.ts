import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readDocumentFile, writeDocumentFile } from '../../../electron/host/documentFile';
import { rememberValidFiles } from '../../../electron/host/durableAdapter';
import { backupPath } from '../../../electron/host/durableFile';
import type { JixiaoDocument } from '../../../shared/model';
import { smallDocument, tempFolder } from './storeFixtures';

const titleOf = async (path: string) =>
  (JSON.parse(await readFile(path, 'utf8')) as JixiaoDocument).title;

/** How many times the file being replaced is decoded to be checked during `save`. */
async function decodesDuring(save: () => Promise<void>): Promise<number> {
  const decode = vi.spyOn(TextDecoder.prototype, 'decode');
  await save();
  const calls = decode.mock.calls.length;
  decode.mockRestore();
  return calls;
}

afterEach(() => {
  vi.restoreAllMocks();
  rememberValidFiles(true);
});

describe('a file this program read or wrote is not checked again', () => {
  it('a save over the file it saved last skips decoding it, and the .bak is still made', async () => {
    const path = join(await tempFolder('known'), 'a.jixiao.json');
    await writeDocumentFile(path, smallDocument('第一版'));
    expect(await decodesDuring(() => writeDocumentFile(path, smallDocument('第二版')))).toBe(0);
    expect(await titleOf(backupPath(path))).toBe('第一版');
    expect(await titleOf(path)).toBe('第二版');
  });

  it('the first save after opening skips decoding the file it opened', async () => {
    const path = join(await tempFolder('known'), 'a.jixiao.json');
    await writeFile(path, JSON.stringify(smallDocument('别人给的')));
    await readDocumentFile(path);
    expect(await decodesDuring(() => writeDocumentFile(path, smallDocument('改过')))).toBe(0);
    expect(await titleOf(backupPath(path))).toBe('别人给的');
  });

  it('a file changed by another program is checked in full: damaged, it never becomes the .bak', async () => {
    const path = join(await tempFolder('known'), 'a.jixiao.json');
    await writeDocumentFile(path, smallDocument('第一版'));
    await writeDocumentFile(path, smallDocument('第二版'));
    await writeFile(path, '{"schemaVersion":2,"title":"第二版"'); // cut short by a sync tool
    expect(await decodesDuring(() => writeDocumentFile(path, smallDocument('第三版')))).toBe(1);
    expect(await titleOf(backupPath(path))).toBe('第一版');
  });

  it('a document that was invalid when written is checked in full before it could become the .bak', async () => {
    const path = join(await tempFolder('known'), 'a.jixiao.json');
    await writeDocumentFile(path, smallDocument('第一版'));
    await writeDocumentFile(path, smallDocument('第二版'));
    // A program fault handing the store a broken document: it is written (the clerk's save
    // wins) but not remembered as valid, so the next save finds it invalid and keeps the .bak.
    const broken = {
      ...smallDocument('坏的'),
      fiscalYear: '二〇二五',
    } as unknown as JixiaoDocument;
    await writeDocumentFile(path, broken);
    expect(await titleOf(backupPath(path))).toBe('第二版');
    expect(await decodesDuring(() => writeDocumentFile(path, smallDocument('第四版')))).toBe(1);
    expect(await titleOf(backupPath(path))).toBe('第二版');
  });

  it('a command-line run remembers nothing: each save checks the file it replaces in full', async () => {
    rememberValidFiles(false);
    const path = join(await tempFolder('known'), 'a.jixiao.json');
    await writeDocumentFile(path, smallDocument('第一版'));
    expect(await decodesDuring(() => writeDocumentFile(path, smallDocument('第二版')))).toBe(1);
    await writeFile(path, JSON.stringify(smallDocument('别人给的')));
    await readDocumentFile(path);
    expect(await decodesDuring(() => writeDocumentFile(path, smallDocument('改过')))).toBe(1);
    expect(await titleOf(backupPath(path))).toBe('别人给的');
    // A damaged file is still never made the backup.
    await writeFile(path, '{"schemaVersion":2');
    await writeDocumentFile(path, smallDocument('再改'));
    expect(await titleOf(backupPath(path))).toBe('别人给的');
    expect(await titleOf(path)).toBe('再改');
  });
});
