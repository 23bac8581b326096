import { mkdtemp, truncate as truncateFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/index';
import { checkZip } from '../../../shared/import/zipGuard';
import {
  ImportFileError,
  importFromFile,
  MAX_IMPORT_BYTES,
} from '../../../electron/host/importFile';

let directory = '';
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'jixiao-hostile-'));
});

async function refused(name: string, bytes: Uint8Array, options = {}) {
  const path = join(directory, name);
  await writeFile(path, bytes);
  const error = await importFromFile(path, options).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  return error as ImportFileError;
}

const FIXTURE = join(import.meta.dirname, '../../fixtures/form-national-midterm.xlsx');

describe('hostile and malformed files', () => {
  it('refuses random bytes named .xlsx with a Chinese message', async () => {
    const error = await refused(
      'random.xlsx',
      new Uint8Array(4096).map((_, i) => (i * 37) % 251),
    );
    expect(error.message).toBe('文件已损坏或不是真正的 .xlsx 文件（内容不是 Office 压缩包格式）。');
  });

  it('refuses a zip bomb by its declared sizes before inflating', async () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(40 * 1024 * 1024) }, { level: 9 });
    const error = await refused('bomb.docx', bomb);
    expect(error.code).toBe('unsupported');
    expect(error.message).toMatch(/疑似压缩炸弹/);
    // Refused by the central directory alone: no inflating.
    const started = performance.now();
    expect(checkZip(bomb).ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('bounds an entry that lies about its size', async () => {
    const honest = zipSync(
      { 'word/document.xml': new Uint8Array(4 * 1024 * 1024).fill(60) },
      { level: 9 },
    );
    // Patch the declared uncompressed sizes (local header and central directory) to 100 bytes.
    const view = new DataView(honest.buffer);
    view.setUint32(22, 100, true);
    const central = honest.findIndex((_, at) => view.getUint32(at, true) === 0x02014b50);
    view.setUint32(central + 24, 100, true);
    // The zip guard inflates it (counting, keeping nothing) in the worker, before any reader.
    const error = await refused('liar.docx', honest);
    expect(error.code).toBe('unsupported');
    expect(error.message).toBe(
      '压缩包中的「word/document.xml」实际解压后超过声明的 100 字节，疑似压缩炸弹，已拒绝。',
    );
  });

  it('refuses an archive that is neither a workbook nor a Word file', async () => {
    const error = await refused('other.xlsx', zipSync({ 'a.txt': new Uint8Array([65]) }));
    expect(error.message).toMatch(/既不是 Excel 工作簿.*也不是 Word 文档/);
  });

  it('advises saving a legacy .doc as .docx', async () => {
    const error = await refused('old.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
    expect(error.message).toMatch(/另存为 \.docx/);
  });

  it('refuses files over the size cap without reading them', async () => {
    const path = join(directory, 'huge.xlsx');
    await writeFile(path, '');
    await truncateFile(path, MAX_IMPORT_BYTES + 1);
    await expect(importFromFile(path)).rejects.toMatchObject({ code: 'unsupported' });
  });

  it('reads text of any length: a long text or CSV file is refused for what it holds, not its length', async () => {
    // 6,000,000 characters, past the old 5,000,000 cap on text, and no table header in them.
    const long = new TextEncoder().encode(
      `${'甲'.repeat(999)}\t${'乙'.repeat(999)}\n`.repeat(3000),
    );
    for (const name of ['long.txt', 'long.csv']) {
      const error = await refused(name, long);
      expect(error.message).not.toMatch(/太长|上限/);
      expect(error.message).toMatch(/表头/);
    }
  });

  it("stops reading long text at the worker's heap limit, in Chinese", async () => {
    // 1,500,000 rows: what each row takes to read outgrows a small heap.
    const long = new TextEncoder().encode('a\tb\n'.repeat(1_500_000));
    const error = await refused('huge.txt', long, { limits: { heapMb: 64, timeoutMs: 20_000 } });
    expect(error.message).toMatch(/内存超过上限|读取超时/);
  });

  it('stops a worker that runs past its time limit', async () => {
    const { readFile } = await import('node:fs/promises');
    const error = await refused('slow.xlsx', new Uint8Array(await readFile(FIXTURE)), {
      limits: { timeoutMs: 1 },
    });
    expect(error.message).toMatch(/读取超时/);
  });

  it('stops a worker that exceeds its heap limit', async () => {
    // A merge over a whole sheet makes ExcelJS create billions of cells.
    const { unzipSync } = await import('fflate');
    const { readFile } = await import('node:fs/promises');
    const files = unzipSync(new Uint8Array(await readFile(FIXTURE)));
    const sheet = new TextDecoder().decode(files['xl/worksheets/sheet1.xml']);
    files['xl/worksheets/sheet1.xml'] = new TextEncoder().encode(
      sheet.replace(/<mergeCells[^>]*>/, (open) => `${open}<mergeCell ref="A200:XFD1048576"/>`),
    );
    const error = await refused('merge-bomb.xlsx', zipSync(files), {
      limits: { heapMb: 64, timeoutMs: 15_000 },
    });
    expect(error.message).toMatch(/内存超过上限|读取超时/);
  });
});

describe('jixiao inspect reads every container', () => {
  it.each([
    'seed-libreoffice.xlsx',
    'seed-libreoffice.xls',
    'seed-libreoffice.docx',
    'seed-libreoffice-gbk.csv',
    'form-national-midterm.docx',
    'pdf/seed-print-chromium.pdf',
  ])('%s', async (file) => {
    let stdout = '';
    const code = await runCli(
      ['inspect', join(import.meta.dirname, '../../fixtures', file), '--json'],
      {
        stdout: (text) => (stdout += text),
        stderr: () => undefined,
      },
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).department).toBe('广州市人力资源和社会保障局');
  });

  it('prints the Chinese reason and exits 2 for a damaged file', async () => {
    const path = join(directory, 'damaged.docx');
    await writeFile(path, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    let stderr = '';
    const code = await runCli(['inspect', path], {
      stdout: () => undefined,
      stderr: (text) => (stderr += text),
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^jixiao：文件已损坏/);
  });
});
