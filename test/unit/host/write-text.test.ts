import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDurable } from '../../../electron/host/durableFile';
import { PIECE } from '../../../electron/host/writeText';
import { tempFolder } from './storeFixtures';

/** What a save must put on disk: the text's UTF-8, as Buffer.from encodes it. */
async function savedBytes(text: string): Promise<Buffer> {
  const path = join(await tempFolder('write-text'), 'a.jixiao.json');
  await writeDurable(path, text);
  return readFile(path);
}

describe('saving text a piece at a time', () => {
  it.each([
    ['empty', ''],
    ['short Chinese', '项目支出绩效目标表：1,234.56 万元'],
    ['a pair across the first piece boundary', `${'a'.repeat(PIECE - 1)}😀${'中'.repeat(PIECE)}x`],
    ['a pair just after the boundary', `${'a'.repeat(PIECE)}😀b`],
    ['a pair ending exactly at the boundary', `${'a'.repeat(PIECE - 2)}😀${'b'.repeat(10)}`],
    ['a lone high surrogate at the boundary', `${'a'.repeat(PIECE - 1)}\ud800中${'c'.repeat(5)}`],
    ['a lone low surrogate', `甲\udc00乙`],
    ['several pieces of mixed text', '指标😀值；'.repeat(PIECE)],
  ])('%s: the bytes equal the whole text encoded at once', async (_, text) => {
    const bytes = await savedBytes(text);
    expect(bytes.equals(Buffer.from(text, 'utf8'))).toBe(true);
  });
});
