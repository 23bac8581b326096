import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportFileError, importBytes } from '../../../electron/host/importFile';
import { checkZip } from '../../../shared/import';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const encode = (text: string) => new TextEncoder().encode(text);

/**
 * A valid zip of `files` whose entry `target` then has its declared uncompressed size patched to
 * `declared`, in its local header and in the central directory, as a crafted bomb would.
 */
function lyingZip(files: Record<string, Uint8Array>, target: string, declared: number) {
  const zip = zipSync(files, { level: 9 });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let patched = 0;
  for (let at = 0; at + 46 < zip.length; at += 1) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    if (name !== target) continue;
    const local = view.getUint32(at + 42, true);
    view.setUint32(at + 24, declared, true);
    view.setUint32(local + 22, declared, true);
    patched += 1;
  }
  expect(patched).toBe(1);
  return zip;
}

/**
 * Imports in the worker: the zip guard runs there before any Office reader, so its own message
 * (not a reader's) is the proof the reader never saw the bytes.
 */
async function refusedBeforeDecoding(bytes: Uint8Array, name: string) {
  const error = await importBytes(bytes, name).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  return { error: error as ImportFileError };
}

/** 48 MB of markup that deflates to about 48 KB. */
const HUGE = new Uint8Array(48 * 1024 * 1024).fill(60);

describe('zip guard: real inflated sizes', () => {
  it('stops a .docx whose document.xml inflates past its declared size', async () => {
    const zip = lyingZip(
      { '[Content_Types].xml': encode('<Types/>'), 'word/document.xml': HUGE },
      'word/document.xml',
      4096,
    );
    expect(zip.length).toBeLessThan(256 * 1024);
    const { error } = await refusedBeforeDecoding(zip, 'liar.docx');
    expect(error.code).toBe('unsupported');
    expect(error.message).toBe(
      '压缩包中的「word/document.xml」实际解压后超过声明的 4096 字节，疑似压缩炸弹，已拒绝。',
    );
    // Stopped within the first steps, not after inflating 48 MB.
    const started = performance.now();
    expect(checkZip(zip).ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('stops an .xlsx whose worksheet inflates past its declared size', async () => {
    const zip = lyingZip(
      {
        '[Content_Types].xml': encode('<Types/>'),
        'xl/workbook.xml': encode('<workbook/>'),
        'xl/worksheets/sheet1.xml': HUGE,
      },
      'xl/worksheets/sheet1.xml',
      100_000,
    );
    const { error } = await refusedBeforeDecoding(zip, 'liar.xlsx');
    expect(error.code).toBe('unsupported');
    expect(error.message).toMatch(
      /「xl\/worksheets\/sheet1\.xml」实际解压后超过声明的 100000 字节/,
    );
  });

  it('refuses an entry that inflates to less than it declares', async () => {
    const zip = lyingZip(
      { 'xl/workbook.xml': encode('<workbook>'.repeat(100)) },
      'xl/workbook.xml',
      5000,
    );
    const { error } = await refusedBeforeDecoding(zip, 'short.xlsx');
    expect(error.message).toBe(
      '压缩包中的「xl/workbook.xml」实际解压大小（1000 字节）与声明的 5000 字节不符，文件已损坏或被篡改，已拒绝。',
    );
  });

  it('refuses a deflate stream that does not inflate', () => {
    const zip = zipSync({ 'word/document.xml': encode('<w:document>'.repeat(500)) }, { level: 9 });
    const damaged = zip.slice();
    // The first data byte (after the 30-byte local header and the 17-byte name) now opens a
    // block of the reserved type 3.
    damaged[30 + 17] = 0xff;
    const check = checkZip(damaged);
    expect(check.ok ? '' : check.message).toBe(
      '文件已损坏：压缩包中的「word/document.xml」无法解压。',
    );
  });

  it.each(['seed-libreoffice.xlsx', 'seed-libreoffice.docx', 'form-national-midterm.xlsx'])(
    'passes %s, whose sizes are honest',
    (file) => {
      const check = checkZip(new Uint8Array(readFileSync(join(FIXTURES, file))));
      expect(check.ok).toBe(true);
    },
  );
});
